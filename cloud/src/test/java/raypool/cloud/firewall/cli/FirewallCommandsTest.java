package raypool.cloud.firewall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.CloudHarness;
import raypool.cloud.firewall.compile.PortMap;
import raypool.cloud.firewall.compile.PortMapCodec;
import raypool.cloud.view.PoolView;
import raypool.xapi.sim.Scenario;

/** The firewall commands as a user runs them, against a simulated pool over XAPI. */
class FirewallCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static CloudHarness pool;
    private static Path policy;
    private static String vm;
    private static String network;

    @BeforeAll
    static void start() throws IOException {
        pool = new CloudHarness(Scenario.DEFAULT, dir);
        PoolView view = pool.view();
        var vif = view.networks().vifs().getFirst();
        vm = view.vm(vif.vm()).orElseThrow().name();
        network = view.networks().network(vif.network()).orElseThrow().name();
        policy = Files.writeString(dir.resolve("lab.yaml"), """
                fail_mode: secure
                rules:
                  - level: global
                    kind: mandatory
                    action: deny
                    protocol: tcp
                    direction: in
                    port: 23
                  - level: network
                    target: "%s"
                    kind: mandatory
                    action: deny
                    protocol: tcp
                    direction: in
                    port: 22
                    remote: 10.0.0.0/8
                  - level: vm
                    target: %s
                    kind: default
                    action: allow
                    protocol: tcp
                    direction: in
                    port: 22
                  - level: global
                    kind: mandatory
                    action: deny
                    protocol: tcp
                    direction: in
                    port: 23
                    remote: 10.1.2.3
                """.formatted(network, vm));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void explainJsonHasExactlyTheDocumentedFields() throws IOException {
        CloudHarness.Run r = pool.run("firewall", "explain", "--json", "--policy", policy.toString(), "--vm", vm,
                "--packet", "tcp,in,remote=10.1.2.3,port=22");
        assertEquals(0, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(List.of("decision", "rule"), names(j));
        assertEquals("deny", j.get("decision").asText());
        assertEquals(List.of("file", "line", "level", "kind"), names(j.get("rule")));
        assertEquals(policy.toString(), j.get("rule").get("file").asText());
        assertEquals(9, j.get("rule").get("line").asInt());
        assertEquals("network", j.get("rule").get("level").asText());
        assertEquals("mandatory", j.get("rule").get("kind").asText());
    }

    @Test
    void explainNamesTheBuiltInRuleWhenNoRuleOfTheFileDecides() throws IOException {
        CloudHarness.Run r = pool.run("firewall", "explain", "--json", "--policy", policy.toString(), "--vm", vm,
                "--packet", "dns,out,remote=8.8.8.8");
        JsonNode rule = JSON.readTree(r.out()).get("rule");
        assertEquals("allow-dns", rule.get("name").asText());
        assertEquals("default", rule.get("kind").asText());
        CloudHarness.Run text = pool.run("firewall", "explain", "--policy", policy.toString(), "--vm", vm, "--packet",
                "tcp,in,remote=192.168.1.1,port=22");
        assertEquals("allow: " + policy + ":17 (vm default)\n", text.out());
    }

    @Test
    void checkWarnsAboutTheShadowedRule() {
        CloudHarness.Run r = CloudHarness.raw("firewall", "check", "--policy", policy.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith(policy + ":24: warning: rule never matches: line 3 "), r.out());
        assertTrue(r.out().endsWith("4 rules, fail mode secure, built-in defaults in force, 1 warning\n"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - level: vm\n    kind: default\n    action: allow\n"
                + "    protocol: icmp\n    target: web\n    port: 22\n");
        List<CloudHarness.Run> runs = List.of(
                CloudHarness.raw("firewall", "check", "--policy", bad.toString()),
                pool.run("firewall", "explain", "--policy", bad.toString(), "--vm", vm, "--packet", "tcp,in,port=22"),
                pool.run("firewall", "explain", "--policy", policy.toString(), "--vm", vm, "--packet", "tcp,in"),
                pool.run("firewall", "explain", "--policy", policy.toString(), "--vm", "no-such-vm", "--packet", "tcp,in,port=1"),
                pool.run("firewall", "compile", "--policy", dir.resolve("missing.yaml").toString(), "--out", dir.resolve("f").toString()));
        List<String> expected = List.of(
                bad + ":7: port: only tcp and udp rules take a port, not icmp",
                bad + ":7: port: only tcp and udp rules take a port, not icmp",
                "option --packet: tcp needs port=N (the destination port)",
                "option --vm: no VM 'no-such-vm' in pool",
                dir.resolve("missing.yaml") + ":0: file: no such file");
        for (int i = 0; i < runs.size(); i++) {
            CloudHarness.Run r = runs.get(i);
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(expected.get(i)), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("f")), "nothing written");
    }

    @Test
    void compileWritesFlowsForEveryInterfaceAndThePortMap() throws IOException {
        Path flows = dir.resolve("out/flows.txt");
        Path ports = dir.resolve("out/ports.json");
        CloudHarness.Run r = pool.run("firewall", "compile", "--policy", policy.toString(), "--out", flows.toString(), "--ports",
                ports.toString());
        assertEquals(0, r.status(), r.err());
        PortMap map = PortMapCodec.read(ports.toString(), Files.readString(ports));
        long guestVifs = pool.view().networks().vifs().stream().filter(v -> pool.view().vm(v.vm()).map(x -> x.guest()).orElse(false))
                .count();
        assertEquals(guestVifs, map.ports().size());
        assertTrue(map.ports().stream().anyMatch(p -> p.ip().isPresent()), "running guests report their addresses");
        List<String> lines = Files.readAllLines(flows);
        assertTrue(r.out().startsWith(lines.size() + " flows for 8 rules and " + guestVifs + " VM interfaces"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("in_port=1,dl_src=" + map.ports().getFirst().mac())));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
