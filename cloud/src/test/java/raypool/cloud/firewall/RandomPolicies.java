package raypool.cloud.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import raypool.cloud.firewall.compile.Interface;
import raypool.cloud.firewall.match.Packet;
import raypool.cloud.firewall.policy.Action;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.FailMode;
import raypool.cloud.firewall.policy.Ipv4;
import raypool.cloud.firewall.policy.Ipv4Cidr;
import raypool.cloud.firewall.policy.Kind;
import raypool.cloud.firewall.policy.Level;
import raypool.cloud.firewall.policy.Origin;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.PortRange;
import raypool.cloud.firewall.policy.Protocol;
import raypool.cloud.firewall.policy.Rule;

/**
 * Seeded random policies and packets over {@link TestPool}, drawn from small sets of addresses and ports so
 * that rules overlap, nest and shadow each other often.
 */
public final class RandomPolicies {

    private static final String[] CIDRS = {"any", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3/32", "172.16.0.0/12", "8.8.8.8"};
    private static final String[] REMOTES = {"10.1.2.3", "10.1.2.200", "10.1.9.9", "10.200.0.1", "172.16.5.5", "8.8.8.8", "192.0.2.7"};
    private static final int[] PORTS = {22, 53, 67, 68, 80, 443, 8000, 8063, 8064, 8100, 9000, 49152};
    private static final String[] PORT_RANGES = {"22", "53", "80", "443", "8000-8100", "8064-8099", "1-1023", "49152-65535", "67-68"};
    private static final String[] TARGETS_POOL = {TestPool.POOL, TestPool.POOL_UUID, "other-pool"};
    private static final String[] TARGETS_NETWORK = {"lab", "dmz", "lab", "nowhere"};
    private static final String[] TARGETS_VM = {"web1", "web2", "db1", "build1", "ghost"};

    private final Random random;

    public RandomPolicies(long seed) {
        this.random = new Random(seed);
    }

    public Policy policy(int index) {
        int n = 2 + random.nextInt(14);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rules.add(rule(i + 2));
        }
        return new Policy("random-" + index + ".yaml", random.nextInt(4) == 0 ? FailMode.OPEN : FailMode.SECURE,
                random.nextInt(3) != 0, rules);
    }

    private Rule rule(int line) {
        Level level = pick(Level.values());
        Protocol protocol = pick(Protocol.values());
        Rule.Builder b = Rule.builder().level(level).kind(pick(Kind.values())).action(pick(Action.values())).protocol(protocol)
                .direction(pick(Direction.values())).origin(new Origin("random.yaml", line));
        switch (level) {
            case POOL -> b.target(pick(TARGETS_POOL));
            case NETWORK -> b.target(pick(TARGETS_NETWORK));
            case VM -> {
                String vm = pick(TARGETS_VM);
                b.target(random.nextInt(5) == 0 ? TestPool.uuid("vm-" + vm) : vm);
            }
            default -> {
            }
        }
        if (protocol.takesPort() && random.nextInt(3) != 0) {
            b.port(PortRange.parse(pick(PORT_RANGES)));
        }
        if (random.nextBoolean()) {
            b.remote(Ipv4Cidr.parse(pick(CIDRS)));
        }
        return b.build();
    }

    public Packet packet() {
        Direction d = random.nextBoolean() ? Direction.IN : Direction.OUT;
        int remote = Ipv4.parse(pick(REMOTES));
        boolean est = random.nextInt(8) == 0;
        return switch (random.nextInt(9)) {
            case 0 -> new Packet(true, 0, d, remote, 0, 0, false);
            case 1 -> new Packet(false, 1, d, remote, 0, 0, est);
            case 2 -> new Packet(false, 253, d, remote, 0, 0, est);
            case 3, 4 -> new Packet(false, 6, d, remote, PORTS[random.nextInt(PORTS.length)], sport(), est);
            case 5, 6 -> new Packet(false, 17, d, remote, PORTS[random.nextInt(PORTS.length)], sport(), est);
            case 7 -> d == Direction.OUT ? new Packet(false, 17, d, remote, 67, 68, false) : new Packet(false, 17, d, remote, 68, 67, false);
            default -> d == Direction.OUT ? new Packet(false, 17, d, remote, 53, 49152, false) : new Packet(false, 17, d, remote, 49152, 53, false);
        };
    }

    private int sport() {
        return random.nextBoolean() ? 49152 : PORTS[random.nextInt(PORTS.length)];
    }

    public Interface anyInterface(List<Interface> all) {
        return all.get(random.nextInt(all.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
