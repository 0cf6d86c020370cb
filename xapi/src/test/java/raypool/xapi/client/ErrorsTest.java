package raypool.xapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import raypool.xapi.sim.SimFixture;

/** Every typed error, each from the simulated pool over HTTP: natural causes where the pool has one. */
class ErrorsTest {
    private SimFixture sim;
    private XapiClient client;
    private PoolApi api;

    @BeforeEach
    void start() {
        sim = SimFixture.start(1); // real time: a started migration stays in flight while the test looks
        client = sim.login();
        api = new PoolApi(client);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    static Stream<Arguments> injected() {
        return Stream.of(
                Arguments.of("LICENCE_RESTRICTION", List.of("WLB"), XapiError.LicenceRestriction.class),
                Arguments.of("LICENSE_EXPIRED", List.of(), XapiError.LicenseExpired.class),
                Arguments.of("HOST_OFFLINE", List.of("OpaqueRef:h"), XapiError.HostOffline.class),
                Arguments.of("EVENTS_LOST", List.of(), XapiError.EventsLost.class),
                Arguments.of("VM_REQUIRES_SR", List.of("OpaqueRef:v", "OpaqueRef:s"), XapiError.VmRequiresSr.class),
                Arguments.of("SOMETHING_NEW", List.of("a", "b"), XapiError.Other.class));
    }

    @ParameterizedTest
    @MethodSource("injected")
    void eachCodeBecomesItsTypeWithItsParameters(String code, List<String> params, Class<? extends XapiError> type) {
        sim.faults().failNextCall("pool.get_all", code, params.toArray(String[]::new));
        XapiError e = assertThrows(XapiError.class, () -> client.call("pool.get_all"));
        assertInstanceOf(type, e);
        assertEquals(code, e.code());
        assertEquals(params, e.params());
        assertEquals("pool.get_all", e.method());
        assertEquals(1, client.call("pool.get_all").size(), "the fault is spent after one call");
    }

    @Test
    void migratingAHaltedVmIsABadPowerState() {
        VmRecord halted = api.vms().values().stream().filter(v -> v.powerState().equals("Halted")).findFirst().orElseThrow();
        Ref host = api.hosts().keySet().iterator().next();
        var e = assertThrows(XapiError.VmBadPowerState.class, () -> api.migrate(halted.ref(), host, Duration.ofSeconds(10)));
        assertEquals(halted.ref().value(), e.vm());
        assertEquals("running", e.expected());
        assertEquals("halted", e.actual());
        assertEquals(Ref.NULL, halted.residentOn());
        assertEquals(true, halted.residentOn().asOptional().isEmpty());
    }

    @Test
    void migratingAVmWithALocalDiskRequiresItsSr() {
        String name = SimFixture.localDiskVmName(api);
        VmRecord vm = api.vms().values().stream().filter(v -> v.nameLabel().equals(name)).findFirst().orElseThrow();
        Ref other = api.hosts().keySet().stream().filter(h -> !h.equals(vm.residentOn())).findFirst().orElseThrow();
        var e = assertThrows(XapiError.VmRequiresSr.class, () -> api.migrate(vm.ref(), other, Duration.ofSeconds(10)));
        assertEquals(vm.ref().value(), e.vm());
    }

    @Test
    void aSecondMigrationOfTheSameVmFindsTheFirstInProgress() {
        SimFixture.Move move = SimFixture.smallestMove(api);
        Ref task = new Ref(client.call("Async.VM.pool_migrate", move.vm().ref(), move.target().ref(),
                Map.of("live", "true")).asText());
        var e = assertThrows(XapiError.OtherOperationInProgress.class,
                () -> client.call("VM.pool_migrate", move.vm().ref(), move.target().ref(), Map.of("live", "true")));
        assertEquals("VM", e.objectClass());
        assertEquals(move.vm().ref().value(), e.object());
        client.call("task.cancel", task);
    }

    @Test
    void shuttingDownAnEnabledHostIsHostNotDisabled() {
        Ref host = api.hosts().keySet().iterator().next();
        assertThrows(XapiError.HostNotDisabled.class, () -> client.call("host.shutdown", host));
    }

    @Test
    void readOnlyRoleIsDeniedMigration() {
        try (XapiClient auditor = XapiClient.login(XapiSettings.of(sim.server.url(), SimFixture.READ_ONLY_USER,
                SimFixture.PASSWORD))) {
            PoolApi readOnly = new PoolApi(auditor);
            SimFixture.Move move = SimFixture.smallestMove(readOnly);
            var e = assertThrows(XapiError.RbacPermissionDenied.class,
                    () -> readOnly.migrate(move.vm().ref(), move.target().ref(), Duration.ofSeconds(10)));
            assertEquals("VM.pool_migrate", e.permission());
            assertEquals(4, readOnly.hosts().size(), "reading stays allowed");
        }
    }

    @Test
    void unknownMethodAndBadHandleKeepTheirCodes() {
        XapiError unknown = assertThrows(XapiError.class, () -> client.call("VM.frobnicate"));
        assertEquals("MESSAGE_METHOD_UNKNOWN", unknown.code());
        XapiError handle = assertThrows(XapiError.class, () -> client.call("VM.get_record", new Ref("OpaqueRef:nope")));
        assertInstanceOf(XapiError.Other.class, handle);
        assertEquals(List.of("VM", "OpaqueRef:nope"), handle.params());
    }

    @Test
    void http500IsATransportFailureThenTheNextCallWorks() {
        sim.faults().http500(1);
        XapiTransportException e = assertThrows(XapiTransportException.class, () -> client.call("host.get_all"));
        assertEquals(500, e.httpStatus());
        assertEquals(4, client.call("host.get_all").size());
    }

    @Test
    void aSlowReplyTimesOutAsATransportFailure() {
        try (XapiClient impatient = XapiClient.login(sim.settings().withCallTimeout(Duration.ofMillis(300)))) {
            sim.faults().slowReplies(1, Duration.ofSeconds(3));
            XapiTransportException e = assertThrows(XapiTransportException.class, () -> impatient.call("host.get_all"));
            assertEquals(0, e.httpStatus());
            assertEquals(4, impatient.call("host.get_all").size());
        }
    }
}
