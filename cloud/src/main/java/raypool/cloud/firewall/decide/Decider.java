package raypool.cloud.firewall.decide;

import raypool.cloud.firewall.match.Atom;
import raypool.cloud.firewall.match.Packet;

/**
 * The firewall's answer for one packet at one VM interface, a pure function of the ordered policy: replies of
 * connections already let through pass (connection tracking), otherwise the first rule in order that applies
 * to the interface and matches the packet decides; with no match the packet is dropped.
 */
public final class Decider {

    private Decider() {
    }

    public static Decision decide(OrderedPolicy policy, Attachment attachment, Packet packet) {
        if (packet.established()) {
            return Decision.established();
        }
        for (OrderedPolicy.Entry e : policy.entries()) {
            if (!e.appliesTo(attachment)) {
                continue;
            }
            for (Atom a : e.atoms()) {
                if (a.matches(packet)) {
                    return Decision.by(e.rule());
                }
            }
        }
        return Decision.noMatch();
    }
}
