package raypool.cloud.firewall.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.firewall.decide.Attachment;
import raypool.cloud.firewall.decide.Decider;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.decide.PacketParser;
import raypool.cloud.firewall.match.Packet;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.xapi.InterfaceReader;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;
import raypool.xapi.connect.CommandFailure;

/** {@code firewall explain}: the decision for one packet at one VM's interface, and the rule that made it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "The decision for one packet at a VM's interface and the rule that makes it (file:line, level, kind; "
                + "a built-in rule by name).")
public final class ExplainCommand extends CloudCommand {
    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy file (YAML or JSON).")
    Path policy;

    @Option(names = "--vm", required = true, paramLabel = "VM", description = "The VM, by name or UUID.")
    String vm;

    @Option(names = "--network", paramLabel = "NET",
            description = "The VM's interface on this network (name or UUID); default: its first interface.")
    Optional<String> network = Optional.empty();

    @Option(names = "--packet", required = true, paramLabel = "PACKET",
            description = "PROTOCOL,DIRECTION[,remote=A][,port=N][,sport=N][,proto=N][,state=new|est]: protocol arp, icmp, tcp, udp, "
                    + "ip, dhcp or dns; direction in (to the VM) or out; port is the destination port (default remote "
                    + PacketParser.DEFAULT_REMOTE + ", source port " + PacketParser.EPHEMERAL + "), e.g. tcp,in,remote=10.1.2.3,port=22")
    String packet;

    private Policy parsed;
    private Packet parsedPacket;

    @Override
    protected void validate() {
        parsed = PolicyFiles.load(policy);
        try {
            parsedPacket = PacketParser.parse(packet);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badInput("option --packet: " + e.getMessage());
        }
    }

    @Override
    protected Report run(CloudContext context) {
        PoolView view = context.view();
        Attachment at = Interfaces.attachment(view, InterfaceReader.of(view), vm, network);
        return ExplainReport.of(Decider.decide(OrderedPolicy.of(parsed), at, parsedPacket));
    }
}
