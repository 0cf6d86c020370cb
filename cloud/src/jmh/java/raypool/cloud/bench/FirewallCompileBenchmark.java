package raypool.cloud.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import raypool.cloud.firewall.compile.CompiledFlows;
import raypool.cloud.firewall.compile.FlowCompiler;
import raypool.cloud.firewall.compile.Interface;
import raypool.cloud.firewall.compile.PoolInterfaces;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.policy.Action;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.FailMode;
import raypool.cloud.firewall.policy.Ipv4Cidr;
import raypool.cloud.firewall.policy.Kind;
import raypool.cloud.firewall.policy.Origin;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.PortRange;
import raypool.cloud.firewall.policy.Protocol;
import raypool.cloud.firewall.policy.Rule;

/**
 * Compiling a policy of 1,000 rules for a pool of 64 hosts and 1,000 VMs (one interface each, on 16
 * networks; the hosts do not change the flows, one bridge per pool is compiled), from the parsed policy to the
 * flow text: ordering, expansion into atoms, flows, and the text ovs-ofctl reads. The rules are seeded random:
 * a tenth global, a tenth pool, four tenths network and four tenths VM rules, with ports, ranges and remotes.
 * The setup prints the flow count per interface, and each run returns the flow text's length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FirewallCompileBenchmark {
    @Param({"1000"})
    public int rules;

    @Param({"1000"})
    public int vms;

    @Param({"64"})
    public int hosts;

    private Policy policy;
    private PoolInterfaces pool;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(15);
        List<Interface> interfaces = new ArrayList<>();
        for (int v = 0; v < vms; v++) {
            int net = v % 16;
            interfaces.add(Interface.builder().vm("vm-" + v, "vm-uuid-" + v).vif("vif-" + v, 0).network("net-" + net, "net-uuid-" + net)
                    .mac(String.format("02:00:%02x:%02x:%02x:%02x", v % hosts, v >> 16 & 255, v >> 8 & 255, v & 255))
                    .ip(Optional.of("10." + net + "." + (v >> 8 & 255) + "." + (v & 255))).build());
        }
        pool = new PoolInterfaces("bench-pool", "pool-uuid", interfaces);
        List<Rule> list = new ArrayList<>();
        Protocol[] protocols = Protocol.values();
        for (int i = 0; i < rules; i++) {
            int kind = random.nextInt(10);
            Protocol p = protocols[random.nextInt(protocols.length)];
            Rule.Builder b = Rule.builder().kind(random.nextBoolean() ? Kind.MANDATORY : Kind.DEFAULT)
                    .action(random.nextBoolean() ? Action.ALLOW : Action.DENY).protocol(p)
                    .direction(Direction.values()[random.nextInt(3)]).origin(new Origin("bench.yaml", 2 + i * 6));
            if (kind == 1) {
                b.level(raypool.cloud.firewall.policy.Level.POOL).target("bench-pool");
            } else if (kind < 6 && kind > 1) {
                b.level(raypool.cloud.firewall.policy.Level.NETWORK).target("net-" + random.nextInt(16));
            } else if (kind >= 6) {
                b.level(raypool.cloud.firewall.policy.Level.VM).target("vm-" + random.nextInt(vms));
            }
            if (p.takesPort() && random.nextBoolean()) {
                int low = 1 + random.nextInt(60000);
                b.port(random.nextBoolean() ? PortRange.of(low) : new PortRange(low, low + random.nextInt(500)));
            }
            if (random.nextBoolean()) {
                b.remote(new Ipv4Cidr(random.nextInt(), 8 + random.nextInt(25)));
            }
            list.add(b.build());
        }
        policy = new Policy("bench.yaml", FailMode.SECURE, true, list);
        CompiledFlows flows = FlowCompiler.compile(OrderedPolicy.of(policy), pool);
        if (flows.ports().size() != vms) {
            throw new IllegalStateException("expected " + vms + " ports, got " + flows.ports().size());
        }
        long ruleFlows = flows.flows().stream().filter(f -> f.cookie() != 0).count();
        System.out.printf("%n%d rules (with the 4 built-in), %d VM interfaces: %d flows, %.2f per interface (%d rule flows, %d other)%n",
                OrderedPolicy.of(policy).entries().size(), vms, flows.flows().size(), (double) flows.flows().size() / vms, ruleFlows,
                flows.flows().size() - ruleFlows);
    }

    @Benchmark
    public int compile() {
        return FlowCompiler.compile(OrderedPolicy.of(policy), pool).text().length();
    }
}
