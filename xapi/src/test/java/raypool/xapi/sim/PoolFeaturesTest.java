package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.HostMetricsRecord;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.PoolRecord;
import raypool.xapi.client.Ref;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.rrd.RrdClient;
import raypool.xapi.rrd.RrdFormat;
import raypool.xapi.rrd.RrdUpdates;
import raypool.xapi.rrd.VmLoad;

/**
 * The pool-side calls a balancing daemon uses, over JSON-RPC with the project's client, each with xapi's
 * argument shapes and error codes: pool.other_config and wlb_enabled, VM tags and other_config, host
 * power, VM.assert_can_migrate and assert_can_boot_here, the control domain's load.
 */
class PoolFeaturesTest {
    private final SimClock.Manual clock = new SimClock.Manual(1_700_000_000_000L);
    private SimServer server;
    private XapiClient client;
    private PoolApi api;

    private void start(SimConfig config) {
        SimPool pool = new SimPool(config.withUser(new SimUser("auditor", "pw", SimUser.Role.READ_ONLY)), clock,
                TraceWorkload.synthetic(config.seed(), config.vms(), clock.nowMillis()));
        try {
            server = SimServer.start(pool, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = XapiClient.login(XapiSettings.of(server.url(), "root", "pw").withTaskPoll(Duration.ofMillis(5)));
        api = new PoolApi(client);
    }

    private void start() {
        start(SimConfig.defaultStand("root", "pw"));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HostRecord host(String name) {
        return api.hosts().values().stream().filter(h -> h.nameLabel().equals(name)).findFirst().orElseThrow();
    }

    private VmRecord vm(String name) {
        return api.vms().values().stream().filter(v -> v.nameLabel().equals(name)).findFirst().orElseThrow();
    }

    private HostMetricsRecord metrics(HostRecord h) {
        return api.hostMetrics().get(h.metrics());
    }

    private static String code(XapiError e) {
        return e.code();
    }

    // ---------------------------------------------------------------- pool.other_config, wlb_enabled

    @Test
    void poolOtherConfigIsATestAndSetStore() {
        start(SimConfig.defaultStand("root", "pw").withPoolOtherConfig("folder", "/lab"));
        PoolRecord pool = api.pool();
        assertEquals(Map.of("folder", "/lab"), pool.otherConfig());
        api.addToPoolOtherConfig("raypool.lease", "holder=a;expiry=20260101T00:00:00Z");
        XapiError taken = assertThrows(XapiError.class, () -> api.addToPoolOtherConfig("raypool.lease", "holder=b"));
        assertEquals("MAP_DUPLICATE_KEY", code(taken));
        assertEquals(List.of("pool", "other_config", pool.ref().value(), "raypool.lease"), taken.params());
        JsonNode read = client.call("pool.get_other_config", pool.ref());
        assertEquals("holder=a;expiry=20260101T00:00:00Z", read.path("raypool.lease").asText());
        api.removeFromPoolOtherConfig("raypool.lease");
        api.removeFromPoolOtherConfig("raypool.lease"); // not there: no error, as in xapi
        api.addToPoolOtherConfig("raypool.lease", "holder=b");
        assertEquals("holder=b", api.pool().otherConfig().get("raypool.lease"));
        try (XapiClient auditor = XapiClient.login(XapiSettings.of(server.url(), "auditor", "pw"))) {
            XapiError denied = assertThrows(XapiError.class,
                    () -> auditor.call("pool.add_to_other_config", pool.ref(), "k", "v"));
            assertEquals("RBAC_PERMISSION_DENIED", code(denied));
        }
    }

    @Test
    void wlbEnabledIsReadFromThePool() {
        start();
        assertFalse(api.pool().wlbEnabled());
        assertFalse(client.call("pool.get_wlb_enabled", api.pool().ref()).asBoolean());
        stop();
        start(SimConfig.defaultStand("root", "pw").withWlbEnabled(true));
        assertTrue(api.pool().wlbEnabled());
        client.call("pool.set_wlb_enabled", api.pool().ref(), false);
        assertFalse(api.pool().wlbEnabled());
    }

    // ---------------------------------------------------------------- VM tags and other_config

    @Test
    void vmTagsAndOtherConfigComeFromTheStandAndCanChange() {
        start(SimConfig.defaultStand("root", "pw").withVmTags("vm-03-batch", List.of("no-balance", "anti-affinity:db"))
                .withVmOtherConfig("vm-01-database", "raypool.balancer", "exclude"));
        VmRecord batch = vm("vm-03-batch");
        assertEquals(List.of("no-balance", "anti-affinity:db"), batch.tags());
        assertEquals(List.of("no-balance", "anti-affinity:db"),
                List.of(client.call("VM.get_tags", batch.ref()).get(0).asText(), client.call("VM.get_tags", batch.ref()).get(1).asText()));
        assertEquals("exclude", vm("vm-01-database").otherConfig().get("raypool.balancer"));
        assertEquals("exclude", client.call("VM.get_other_config", vm("vm-01-database").ref()).path("raypool.balancer").asText());
        client.call("VM.add_tags", batch.ref(), "pinned");
        client.call("VM.add_tags", batch.ref(), "pinned");
        client.call("VM.remove_tags", batch.ref(), "no-balance");
        assertEquals(List.of("anti-affinity:db", "pinned"), vm("vm-03-batch").tags());
        client.call("VM.add_to_other_config", batch.ref(), "k", "v");
        assertEquals("MAP_DUPLICATE_KEY", code(assertThrows(XapiError.class,
                () -> client.call("VM.add_to_other_config", batch.ref(), "k", "w"))));
        assertThrows(IllegalArgumentException.class, () -> SimPool.create(
                SimConfig.defaultStand("root", "pw").withVmTags("vm-99-nothing", List.of("x"))));
    }

    // ---------------------------------------------------------------- host power

    @Test
    void aHostShutDownAndPoweredOnBootsForItsBootTime() {
        start(SimConfig.defaultStand("root", "pw").withVms(12).withHostBootTime(Duration.ofMinutes(4)));
        HostRecord h3 = host("host-3");
        assertEquals("wake-on-lan", h3.powerOnMode());
        for (Ref vm : h3.residentVms()) {
            VmRecord r = api.vms().get(vm);
            if (r.isMovableGuest()) {
                String task = client.call("Async.VM.pool_migrate", vm, host("host-2").ref(), Map.of("live", "true")).asText();
                clock.advanceBy(Duration.ofMinutes(1));
                server.pool().advance();
                client.call("task.destroy", new Ref(task));
            }
        }
        assertTrue(host("host-3").residentVms().stream().allMatch(v -> api.vms().get(v).isControlDomain()));
        assertEquals("HOST_NOT_DISABLED", code(assertThrows(XapiError.class, () -> client.call("host.shutdown", h3.ref()))));
        assertEquals("HOST_IS_LIVE", code(assertThrows(XapiError.class, () -> api.powerOn(h3.ref()))));
        client.call("host.disable", h3.ref());
        client.call("host.shutdown", h3.ref());
        assertFalse(metrics(h3).live());
        assertFalse(host("host-3").enabled());
        JsonNode ops = client.call("host.get_allowed_operations", h3.ref());
        assertTrue(ops.toString().contains("power_on"), ops.toString());

        api.powerOn(h3.ref());
        clock.advanceBy(Duration.ofMinutes(3));
        server.pool().advance();
        assertFalse(metrics(h3).live(), "still booting");
        clock.advanceBy(Duration.ofMinutes(1));
        server.pool().advance();
        assertTrue(metrics(h3).live());
        assertTrue(host("host-3").enabled());
    }

    @Test
    void aHostWithoutPowerOnModeAndTheMasterCannotBeCycled() {
        start(SimConfig.defaultStand("root", "pw").withVms(0));
        HostRecord last = host("host-4");
        assertEquals("", last.powerOnMode());
        haltLicenceServer();
        client.call("host.disable", last.ref());
        client.call("host.shutdown", last.ref());
        XapiError e = assertThrows(XapiError.class, () -> api.powerOn(last.ref()));
        assertEquals("HOST_POWER_ON_MODE_DISABLED", code(e));
        assertEquals(List.of(), e.params());
        client.call("host.set_power_on_mode", last.ref(), "IPMI", Map.of("power_on_ip", "10.0.0.4"));
        api.powerOn(last.ref());

        HostRecord master = host("host-1");
        client.call("host.disable", master.ref());
        assertEquals("OPERATION_NOT_ALLOWED", code(assertThrows(XapiError.class,
                () -> client.call("host.shutdown", master.ref()))));
    }

    @Test
    void shutdownOfAHostWithGuestsNamesOne() {
        start();
        HostRecord h2 = host("host-2");
        client.call("host.disable", h2.ref());
        XapiError e = assertThrows(XapiError.class, () -> client.call("host.shutdown", h2.ref()));
        assertEquals("HOST_IN_USE", code(e));
        assertEquals(h2.ref().value(), e.params().get(0));
        assertEquals("vm", e.params().get(1));
        assertFalse(api.vms().get(new Ref(e.params().get(2))).isControlDomain());
    }

    // ---------------------------------------------------------------- assert_can_migrate

    @Test
    void assertCanMigrateGivesTheErrorsPoolMigrateWould() {
        start(SimConfig.defaultStand("root", "pw").withMemoryPerHost(96 * SimConfig.GIB).withHeadroom(0));
        VmRecord big = api.vms().values().stream().filter(VmRecord::isMovableGuest)
                .filter(v -> api.hosts().get(v.residentOn()).nameLabel().equals("host-4"))
                .max(java.util.Comparator.comparingLong(VmRecord::memoryStaticMax)).orElseThrow();
        HostRecord full = host("host-2");
        assertTrue(metrics(full).memoryFree() < big.memoryStaticMax());
        XapiError noRoom = assertThrows(XapiError.class, () -> api.assertCanMigrate(big.ref(), full.ref()));
        assertEquals("HOST_NOT_ENOUGH_FREE_MEMORY", code(noRoom));
        assertEquals(Long.toString(big.memoryStaticMax()), noRoom.params().get(0));
        XapiError same = assertThrows(XapiError.class, () -> client.call("VM.pool_migrate", big.ref(), full.ref(),
                Map.of("live", "true")));
        assertEquals(noRoom.params(), same.params(), "the same answer as pool_migrate");

        VmRecord halted = api.vms().values().stream().filter(v -> v.powerState().equals("Halted")).findFirst().orElseThrow();
        assertTrue(assertThrows(XapiError.class, () -> api.assertCanMigrate(halted.ref(), full.ref()))
                instanceof XapiError.VmBadPowerState);

        HostRecord h3 = host("host-3");
        VmRecord small = api.vms().values().stream().filter(VmRecord::isMovableGuest)
                .filter(v -> v.residentOn().equals(host("host-4").ref())).min(java.util.Comparator.comparingLong(
                        VmRecord::memoryStaticMax)).orElseThrow();
        api.assertCanMigrate(small.ref(), h3.ref()); // fits: no error, and nothing moved
        assertEquals(host("host-4").ref(), api.vms().get(small.ref()).residentOn());
        server.faults().hostOfflineDuringNextMigration(); // not started by a check
        server.pool().bringHostOnline(h3.ref().value());
        client.call("host.disable", h3.ref());
        assertEquals("HOST_DISABLED", code(assertThrows(XapiError.class, () -> api.assertCanMigrate(small.ref(), h3.ref()))));
        assertEquals(0, server.pool().migrationsInFlight());
    }

    /** The stand's licence server VM runs on the last host; halted, it leaves that host without guests. */
    private void haltLicenceServer() {
        VmRecord licence = api.vms().values().stream().filter(v -> v.nameLabel().equals(SimPool.LICENCE_SERVER_VM))
                .findFirst().orElseThrow();
        client.call("VM.hard_shutdown", licence.ref());
    }

    @Test
    void assertCanBootHereFollowsXapisOrder() {
        start(SimConfig.defaultStand("root", "pw").withVms(4));
        haltLicenceServer();
        VmRecord guest = api.vms().values().stream().filter(VmRecord::isMovableGuest).findFirst().orElseThrow();
        HostRecord other = api.hosts().values().stream().filter(h -> !h.ref().equals(guest.residentOn()))
                .filter(h -> h.residentVms().stream().allMatch(v -> api.vms().get(v).isControlDomain()))
                .findFirst().orElseThrow();
        client.call("VM.assert_can_boot_here", guest.ref(), other.ref());
        client.call("host.disable", other.ref());
        assertEquals("HOST_DISABLED", code(assertThrows(XapiError.class,
                () -> client.call("VM.assert_can_boot_here", guest.ref(), other.ref()))));
        client.call("host.shutdown", other.ref());
        assertEquals("HOST_NOT_LIVE", code(assertThrows(XapiError.class,
                () -> client.call("VM.assert_can_boot_here", guest.ref(), other.ref()))));
        assertEquals("HOST_OFFLINE", code(assertThrows(XapiError.class, () -> api.assertCanMigrate(guest.ref(), other.ref()))),
                "pool_migrate's own check says HOST_OFFLINE");
    }

    // ---------------------------------------------------------------- dom0 load

    @Test
    void theControlDomainsLoadIsInTheHostRrdAndItsOwn() {
        start();
        long now = clock.nowMillis() / 1000;
        RrdUpdates rrd = RrdClient.sharing(client).fetch(client, now - 60, 5, RrdFormat.JSON);
        HostRecord h1 = host("host-1");
        VmRecord dom0 = api.vms().values().stream().filter(VmRecord::isControlDomain)
                .filter(v -> v.residentOn().equals(h1.ref())).findFirst().orElseThrow();
        Map<String, Double> own = rrd.latestOf(dom0.uuid());
        List<Double> dom0Cpus = own.entrySet().stream().filter(e -> e.getKey().matches("cpu\\d+"))
                .map(Map.Entry::getValue).toList();
        assertEquals(16, dom0Cpus.size(), "dom0's 16 vCPUs: " + own.keySet());
        double dom0Threads = dom0Cpus.stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(dom0Threads >= ControlDomainLoad.BASE_THREADS * 0.99, "dom0 always has some work: " + dom0Threads);
        assertEquals(dom0Threads, VmLoad.of(rrd, dom0.uuid()).busyCpus(), 1e-9);
        double guests = 0;
        for (Ref ref : h1.residentVms()) {
            VmRecord v = api.vms().get(ref);
            if (!v.isControlDomain()) {
                guests += rrd.latestOf(v.uuid()).entrySet().stream().filter(e -> e.getKey().matches("cpu\\d+"))
                        .mapToDouble(Map.Entry::getValue).sum();
            }
        }
        double hostCpu = rrd.latest(h1.uuid(), "cpu_avg").orElseThrow();
        assertEquals((guests + dom0Threads) / h1.cpuCount(), hostCpu, 0.03 * hostCpu + 1e-3,
                "cpu_avg is guests plus dom0 over the host's threads");
    }
}
