package raypool.cloud.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.CloudHarness;
import raypool.cloud.firewall.compile.Layout;
import raypool.cloud.firewall.compile.PortMap;
import raypool.cloud.firewall.compile.PortMapCodec;
import raypool.cloud.firewall.ovs.OvsSwitch;
import raypool.xapi.sim.Scenario;

/** {@code cloud firewall compile} then {@code apply} on a simulated pool and a real switch, as an operator runs them. */
class OvsApplyCommandTest {

    @TempDir
    static Path dir;
    private static OvsSwitch ovs;
    private static CloudHarness pool;
    private static PortMap ports;
    private static Path policy;

    @BeforeAll
    static void start() throws IOException {
        ovs = OvsSwitch.start(dir.resolve("ovs"));
        pool = new CloudHarness(Scenario.DEFAULT, dir);
        policy = Files.writeString(dir.resolve("p.yaml"), "rules:\n  - {level: global, kind: mandatory, action: deny, protocol: tcp, "
                + "direction: in, port: 22, id: 5}\n");
        Path portsFile = dir.resolve("ports.json");
        CloudHarness.Run r = pool.run("firewall", "compile", "--policy", policy.toString(), "--out", dir.resolve("flows.txt").toString(),
                "--ports", portsFile.toString());
        assertEquals(0, r.status(), r.err());
        ports = PortMapCodec.read(portsFile.toString(), Files.readString(portsFile));
        Map<String, Integer> switchPorts = new LinkedHashMap<>();
        ports.ports().forEach(p -> switchPorts.put("vif" + p.ofport(), p.ofport()));
        switchPorts.put("uplink", ports.uplink());
        ovs.addBridge("xenbr0", switchPorts);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
        if (ovs != null) {
            ovs.close();
        }
    }

    private CloudHarness.Run apply(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("firewall", "apply", "--policy", policy.toString(), "--bridge", "xenbr0",
                "--ovs", ovs.dbSocket().toString()));
        args.addAll(List.of(more));
        return pool.run(args.toArray(String[]::new));
    }

    @Test
    void aDryRunChangesNothingThenApplyReplacesTheFlowsAndReportsThem() throws IOException {
        String before = ovs.ofctl("dump-flows", "--no-stats", "xenbr0").stdout();
        CloudHarness.Run dry = apply("--dry-run");
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().startsWith("would apply (dry run) "), dry.out());
        assertEquals(before, ovs.ofctl("dump-flows", "--no-stats", "xenbr0").stdout());

        CloudHarness.Run r = apply();
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("cookie 0x5 (" + policy + ":2): -0 +1 flows"), r.out());
        assertTrue(r.out().contains("cookie 0xb0000004 (builtin allow-all): -0 +4 flows"), r.out());
        PortMap.Entry first = ports.ports().getFirst();
        String ip = first.ip().orElse("10.0.0.99");
        String in = "in_port=" + Layout.UPLINK + ",dl_dst=" + first.mac() + ",tcp,nw_src=10.1.2.3,nw_dst=" + ip;
        List<String> verdicts = ovs.trace("xenbr0", List.of(new OvsSwitch.Trace(in + ",tcp_dst=22", ""),
                new OvsSwitch.Trace(in + ",tcp_dst=80", "")));
        assertEquals(List.of(false, true), verdicts.stream().map(OvsSwitch::forwards).toList(), verdicts.toString());

        var audit = pool.audit().stream().filter(a -> a.call().equals("openflow.replace_flows") && a.target().equals("xenbr0")).toList();
        assertEquals(1, audit.size(), "the dry run is not audited, the apply is: " + audit);
        assertEquals("xenbr0", audit.getFirst().target());
        assertEquals(raypool.cloud.audit.AuditRecord.Outcome.DONE, audit.getFirst().outcome());

        CloudHarness.Run again = apply("--json");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("\"changes\" : [ ]"), again.out());
    }

    @Test
    void aBridgeThatIsNotThereIsRefusedWithExitOne() {
        CloudHarness.Run r = pool.run("firewall", "apply", "--policy", policy.toString(), "--bridge", "nobr", "--ovs",
                ovs.dbSocket().toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.err().contains("nothing was changed"), r.err());
        assertTrue(pool.audit().stream().anyMatch(a -> a.target().equals("nobr") && a.outcome() == raypool.cloud.audit.AuditRecord.Outcome.REFUSED));
    }
}
