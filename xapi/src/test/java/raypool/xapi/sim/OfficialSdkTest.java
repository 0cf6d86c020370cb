package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xensource.xenapi.Connection;
import com.xensource.xenapi.Event;
import com.xensource.xenapi.EventBatch;
import com.xensource.xenapi.Host;
import com.xensource.xenapi.HostMetrics;
import com.xensource.xenapi.Pool;
import com.xensource.xenapi.Session;
import com.xensource.xenapi.Task;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VM;
import java.net.URL;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated pool checked with a client nobody here wrote: the official XenAPI Java SDK
 * (com.citrix.hypervisor:xen-api 8.1.0, XML-RPC at POST /). Only the SDK talks to the pool here, over
 * real HTTP: log in with a password, list hosts and VMs, live-migrate (synchronously and with a task),
 * watch the events, log out.
 */
class OfficialSdkTest {
    private SimServer server;
    private Connection c;

    @BeforeEach
    void start() throws Exception {
        // XenServer's licence map has no repeated key (XCP-ng 8.3's does, and the SDK cannot read it)
        SimConfig config = SimConfig.defaultStand("root", "secret").withTimeScale(1000).withRepeatedLicenceKeys(false);
        server = SimServer.start(SimPool.create(config), 0);
        c = new Connection(new URL(server.url().toString()), 30, 10);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static VM.Record record(Map<VM, VM.Record> vms, VM vm) {
        return vms.get(vm);
    }

    @Test
    void logInListMigrateWatchLogOut() throws Exception {
        Session session = Session.loginWithPassword(c, "root", "secret", "1.0", "raypool sdk check");
        assertTrue(c.getSessionReference().startsWith("OpaqueRef:"));
        assertEquals(server.pool().read(() -> server.pool().masterRef()), session.getThisHost(c).toWireString());

        Map<Host, Host.Record> hosts = Host.getAllRecords(c);
        assertEquals(4, hosts.size());
        for (Host.Record h : hosts.values()) {
            assertTrue(h.enabled);
            assertEquals("80", h.cpuInfo.get("cpu_count"));
            HostMetrics.Record m = h.metrics.getRecord(c);
            assertTrue(m.live);
            assertEquals(150L << 30, m.memoryTotal);
        }
        Map<VM, VM.Record> vms = VM.getAllRecords(c);
        assertEquals(45, vms.size(), "40 guests, the licence server VM and 4 control domains");
        assertEquals(4, vms.values().stream().filter(v -> v.isControlDomain).count());
        Pool pool = Pool.getAll(c).iterator().next();
        assertFalse(pool.getWlbEnabled(c));

        EventBatch everything = Event.from(c, Set.of("vm", "host", "task"), "", 5.0);
        assertTrue(everything.events.size() >= 48, "a first event.from lists every object: " + everything.events.size());

        // the two smallest running guests that live on shared storage; the local-disk one is the last but one
        List<VM> guests = vms.entrySet().stream()
                .filter(e -> !e.getValue().isControlDomain && e.getValue().powerState == Types.VmPowerState.RUNNING)
                .sorted(Comparator.comparing((Map.Entry<VM, VM.Record> e) -> e.getValue().nameLabel)).map(Map.Entry::getKey)
                .toList();
        VM localDisk = guests.getLast();
        List<VM> movable = guests.stream().filter(v -> !v.equals(localDisk))
                .sorted(Comparator.comparing(v -> record(vms, v).memoryStaticMax)).limit(2).toList();

        VM first = movable.get(0);
        Host target = hosts.keySet().stream().filter(h -> !h.equals(record(vms, first).residentOn)).findFirst().orElseThrow();
        first.poolMigrate(c, target, Map.of("live", "true"));
        assertEquals(target, first.getResidentOn(c));

        VM second = movable.get(1);
        Host other = hosts.keySet().stream().filter(h -> !h.equals(record(vms, second).residentOn)).reduce((a, b) -> b)
                .orElseThrow();
        Task task = second.poolMigrateAsync(c, other, Map.of("live", "true"));
        Task.Record polled;
        while ((polled = task.getRecord(c)).status == Types.TaskStatusType.PENDING) {
            assertTrue(polled.progress < 1.0, "a pending task is not done: " + polled.progress);
            Thread.sleep(10);
        }
        Types.TaskStatusType status = polled.status;
        assertEquals(Types.TaskStatusType.SUCCESS, status, () -> "error_info " + safeErrorInfo(task));
        Task.Record done = task.getRecord(c);
        assertTrue(done.finished.getTime() >= done.created.getTime());
        task.destroy(c);
        assertEquals(other, second.getResidentOn(c));

        EventBatch changes = Event.from(c, Set.of("vm"), everything.token, 5.0);
        assertTrue(changes.events.stream().anyMatch(e -> e.ref.equals(second.toWireString())
                && e.operation == Types.EventOperation.MOD), "the migration is seen as events");

        Session.logout(c);
        assertThrows(Types.SessionInvalid.class, () -> VM.getAll(c));
    }

    @Test
    void errorsArriveAsTheSdksTypedExceptions() throws Exception {
        Session.loginWithPassword(c, "root", "secret", "1.0", "raypool sdk check");
        Map<VM, VM.Record> vms = VM.getAllRecords(c);
        VM halted = vms.entrySet().stream().filter(e -> e.getValue().powerState == Types.VmPowerState.HALTED)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Host host = Host.getAll(c).iterator().next();
        Types.VmBadPowerState e = assertThrows(Types.VmBadPowerState.class,
                () -> halted.poolMigrate(c, host, Map.of("live", "true")));
        assertEquals("running", e.expected);
        assertThrows(Types.SessionAuthenticationFailed.class,
                () -> Session.loginWithPassword(new Connection(new URL(server.url().toString())), "root", "wrong", "1.0", "x"));
        Session.logout(c);
    }

    @Test
    void xcpNgRepeatedLicenceKeysDefeatTheSdk() throws Exception {
        try (SimServer xcpng = SimServer.start(SimPool.create(SimConfig.defaultStand("root", "secret")), 0)) {
            Connection conn = new Connection(new URL(xcpng.url().toString()), 30, 10);
            Session.loginWithPassword(conn, "root", "secret", "1.0", "raypool sdk check");
            Exception e = assertThrows(Exception.class, () -> Host.getAllRecords(conn));
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t).append(" / ");
            }
            assertTrue(chain.toString().contains("restrict_wlb"),
                    "the SDK's XML-RPC parser refuses a struct that repeats a member, as XCP-ng 8.3's license_params does: " + chain);
            assertEquals(45, VM.getAll(conn).size(), "other calls still work");
            Session.logout(conn);
        }
    }

    private String safeErrorInfo(Task task) {
        try {
            return String.valueOf(task.getErrorInfo(c));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
