package raypool.cloud.firewall.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.CloudHarness;
import raypool.cloud.firewall.policy.PolicyCodec;
import raypool.cloud.view.NetworkView;
import raypool.cloud.view.PoolView;
import raypool.xapi.sim.Scenario;

class NetworkRulesTest {

    @TempDir
    static Path dir;
    private static CloudHarness pool;

    @BeforeAll
    static void start() {
        pool = new CloudHarness(Scenario.DEFAULT, dir);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void aNetworkShowsGlobalPoolItsOwnAndItsVmsRulesInFirstMatchOrder() throws Exception {
        PoolView view = pool.view();
        NetworkView net = view.networks().networks().getFirst();
        String vm = view.vm(view.networks().vifsOn(net.ref()).getFirst().vm()).orElseThrow().name();
        String yaml = """
                builtin_defaults: false
                rules:
                  - {level: vm, target: %s, kind: default, action: allow, protocol: tcp, port: 22}
                  - {level: vm, target: not-here, kind: default, action: allow, protocol: tcp, port: 22}
                  - {level: network, target: "%s", kind: mandatory, action: deny, protocol: icmp}
                  - {level: network, target: elsewhere, kind: mandatory, action: deny, protocol: icmp}
                  - {level: pool, target: "%s", kind: default, action: deny, protocol: udp}
                  - {level: global, kind: mandatory, action: deny, protocol: tcp, port: 23}
                """.formatted(vm, net.name(), view.pool().name());
        List<NetworkRules.Applied> rules = NetworkRules.of(PolicyCodec.parse("p.yaml", yaml), view, net);
        assertEquals(List.of("p.yaml:8", "p.yaml:5", "p.yaml:3", "p.yaml:7"), rules.stream().map(NetworkRules.Applied::rule).toList());
        Path file = Files.writeString(dir.resolve("p.yaml"), yaml);
        CloudHarness.Run r = pool.run("network", "list", "--policy", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  rule " + file + ":3"), r.out());
        assertTrue(r.out().contains("vm " + vm + " default allow tcp both port 22"), r.out());
    }
}
