package raypool.cloud.firewall.ovs;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import raypool.cloud.firewall.apply.OvsPrograms;
import raypool.cloud.firewall.apply.OvsTarget;
import raypool.cloud.firewall.apply.ProcessRunner;
import raypool.cloud.firewall.apply.SystemProcessRunner;

/**
 * A real Open vSwitch for tests, in userspace and unprivileged: its own database (from the schema Debian
 * ships), ovsdb-server and ovs-vswitchd with the netdev datapath and dummy ports, everything in a private
 * folder, nothing of the machine's own switch touched. Without the programs the tests are skipped, except
 * under CI=true, where they fail: CI must run them.
 */
public final class OvsSwitch implements AutoCloseable {

    private static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";
    private static final Pattern DP_PORT = Pattern.compile("^\\s+(\\S+) (\\d+)/(\\d+):", Pattern.MULTILINE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ProcessRunner runner;
    private final Map<String, String> programs = new HashMap<>();

    private OvsSwitch(Path dir) {
        this.dir = dir;
        String d = dir.toString();
        // The daemons put their sockets, database, logs and configuration here, not under /var or /etc.
        this.runner = new SystemProcessRunner(Map.of("OVS_RUNDIR", d, "OVS_DBDIR", d, "OVS_LOGDIR", d, "OVS_SYSCONFDIR", d));
    }

    /** Skips (or, under CI=true, fails) the calling test when Open vSwitch is not installed. */
    public static void assumeInstalled() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-ofctl", "ovs-appctl")) {
            if (OvsPrograms.find(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (!Files.isRegularFile(Path.of(SCHEMA))) {
            missing.add(SCHEMA);
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = "Open vSwitch is not installed (missing " + String.join(", ", missing)
                + "; Debian package openvswitch-switch, installed by ./scripts/test)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + ": CI=true requires the switch tests to run");
        }
        Assumptions.abort(why);
    }

    public static OvsSwitch start(Path dir) throws IOException {
        assumeInstalled();
        OvsSwitch s = new OvsSwitch(dir);
        // Daemons outlive a test JVM that is stopped: stop them on the way out too.
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        s.boot();
        return s;
    }

    private String program(String name) {
        return programs.computeIfAbsent(name, OvsPrograms::require);
    }

    private void boot() throws IOException {
        Files.createDirectories(dir);
        String d = dir.toString();
        must(List.of(program("ovsdb-tool"), "create", d + "/conf.db", SCHEMA));
        must(List.of(program("ovsdb-server"), d + "/conf.db", "--remote=punix:" + d + "/db.sock", "--pidfile=" + d + "/ovsdb-server.pid",
                "--unixctl=" + d + "/ovsdb-server.ctl", "--log-file=" + d + "/ovsdb-server.log", "--detach", "--no-chdir"));
        vsctl("--no-wait", "init");
        must(List.of(program("ovs-vswitchd"), "unix:" + d + "/db.sock", "--enable-dummy=override", "--disable-system",
                "--disable-system-route", "--pidfile=" + d + "/ovs-vswitchd.pid", "--unixctl=" + d + "/ovs-vswitchd.ctl",
                "--log-file=" + d + "/ovs-vswitchd.log", "-vconsole:off", "--detach", "--no-chdir"));
    }

    public Path dbSocket() {
        return dir.resolve("db.sock");
    }

    public OvsTarget target(String bridge) {
        return OvsTarget.of(bridge, dbSocket(), Optional.empty());
    }

    /** A netdev bridge in secure fail mode with one dummy port per entry (name to OpenFlow port number). */
    public void addBridge(String bridge, Map<String, Integer> ports) {
        List<String> args = new ArrayList<>(List.of("add-br", bridge, "--", "set", "bridge", bridge, "datapath_type=netdev",
                "fail_mode=secure", "protocols=OpenFlow10,OpenFlow13,OpenFlow14"));
        ports.forEach((name, ofport) -> args.addAll(List.of("--", "add-port", bridge, name, "--", "set", "interface", name, "type=dummy",
                "ofport_request=" + ofport)));
        vsctl(args.toArray(String[]::new));
    }

    public ProcessRunner.Result vsctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(program("ovs-vsctl"), "--db=unix:" + dbSocket()));
        cmd.addAll(List.of(args));
        return must(cmd);
    }

    public ProcessRunner.Result ofctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(program("ovs-ofctl"), "-O", "OpenFlow13"));
        cmd.addAll(List.of(args));
        return runner.run(cmd);
    }

    public ProcessRunner.Result appctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(program("ovs-appctl"), "-t", dir.resolve("ovs-vswitchd.ctl").toString()));
        cmd.addAll(List.of(args));
        return must(cmd);
    }

    /** Datapath port number of each OpenFlow port of the bridge (they differ), from dpif/show. */
    public Map<Integer, Integer> datapathPorts(String bridge) {
        String show = appctl("dpif/show").stdout();
        Map<Integer, Integer> map = new HashMap<>();
        Matcher m = DP_PORT.matcher(show);
        while (m.find()) {
            map.put(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        return map;
    }

    /**
     * Traces many packets over one connection to ovs-vswitchd's control socket (JSON-RPC, as ovs-appctl speaks
     * it, without a process per trace): each entry is the flow text and the connection-tracking states to assume
     * (empty for "new"); returns each trace's last "Datapath actions:" line (conntrack recirculates, the last
     * pass decides).
     */
    public List<String> trace(String bridge, List<Trace> traces) throws IOException {
        List<String> out = new ArrayList<>();
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("ovs-vswitchd.ctl")))) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            for (int i = 0; i < traces.size(); i++) {
                Trace t = traces.get(i);
                List<String> params = new ArrayList<>(List.of(bridge, t.flow()));
                if (!t.ctStates().isEmpty()) {
                    params.addAll(List.of("--ct-next", t.ctStates()));
                }
                ByteBuffer request = ByteBuffer.wrap(JSON.writeValueAsBytes(Map.of("method", "ofproto/trace", "params", params, "id", i)));
                while (request.hasRemaining()) {
                    channel.write(request);
                }
                JsonNode reply = JSON.readTree(readObject(channel, buffer));
                if (!reply.path("error").isNull() || reply.path("id").asInt(-1) != i) {
                    fail("trace of " + t.flow() + " failed: " + reply);
                }
                String result = reply.path("result").asText();
                out.add(result.lines().filter(l -> l.startsWith("Datapath actions:")).reduce((a, b) -> b).orElse("").strip());
            }
        }
        return out;
    }

    /** Reads one whole JSON object (the server sends one reply per request, so nothing follows it). */
    private static byte[] readObject(SocketChannel channel, ByteBuffer buffer) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                throw new IOException("ovs-vswitchd closed its control socket");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                bytes.write(b);
                if (escaped) {
                    escaped = false;
                } else if (inString) {
                    escaped = b == '\\';
                    inString = b != '"';
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{') {
                    depth++;
                } else if (b == '}' && --depth == 0) {
                    return bytes.toByteArray();
                }
            }
        }
    }

    /** One packet to trace: ovs-appctl ofproto/trace flow syntax, and the --ct-next states (or empty). */
    public record Trace(String flow, String ctStates) {
    }

    /** True when the datapath actions send the packet somewhere (a port number), false when they drop it. */
    public static boolean forwards(String datapathActions) {
        String actions = datapathActions.replaceFirst("^Datapath actions:", "").replaceAll("ct\\([^)]*\\)", "")
                .replaceAll("recirc\\([^)]*\\)", "");
        for (String part : actions.split(",")) {
            if (part.strip().matches("\\d+")) {
                return true;
            }
        }
        return false;
    }

    private ProcessRunner.Result must(List<String> cmd) {
        ProcessRunner.Result r = runner.run(cmd);
        if (!r.ok()) {
            fail(String.join(" ", cmd) + " failed (" + r.status() + "): " + r.firstLine());
        }
        return r;
    }

    @Override
    public void close() {
        String d = dir.toString();
        if (OvsPrograms.find("ovs-appctl").isEmpty()) {
            return;
        }
        runner.run(List.of(program("ovs-appctl"), "-t", d + "/ovs-vswitchd.ctl", "exit"));
        runner.run(List.of(program("ovs-appctl"), "-t", d + "/ovsdb-server.ctl", "exit"));
    }
}
