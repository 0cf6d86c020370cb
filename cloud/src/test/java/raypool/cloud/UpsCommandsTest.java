package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.audit.AuditRecord;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;
import raypool.xapi.sim.Scenario;
import raypool.xapi.sim.SimPool;

/** ups plan, shutdown and watch; watch against a real upsd with the dummy-ups driver. */
class UpsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void thePlanStopsGuestsByOrderTheLicenceServerLastThenMembersThenTheMaster() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.SHUTDOWN_ORDER, dir)) {
            CloudHarness.Run run = pool.run("ups", "plan", "--json");
            assertEquals(0, run.status(), run.err());
            List<String> steps = new ArrayList<>();
            JSON.readTree(run.out()).get("steps").forEach(s -> steps.add(s.asText()));
            int lastOrder2 = last(steps, "[order 2]");
            int firstOrder1 = first(steps, "[order 1]");
            int firstOrder0 = first(steps, "[order 0]");
            int licence = first(steps, "VM.clean_shutdown(" + SimPool.LICENCE_SERVER_VM + ")");
            int firstHost = first(steps, "host.disable(");
            assertTrue(lastOrder2 < firstOrder1 && firstOrder1 < firstOrder0, steps.toString());
            assertTrue(steps.get(lastOrder2 + 1).startsWith("wait 2 s"), "order 2's shutdown_delay before order 1");
            assertTrue(last(steps, "[order 0]") < licence && licence < firstHost, "infrastructure last among the VMs");
            assertEquals("host.shutdown(host-1): the master, last", steps.getLast());
            assertTrue(JSON.readTree(run.out()).get("warnings").get(0).asText().startsWith("LICENCE_SERVER_IN_POOL"));
        }
    }

    @Test
    void shutdownCarriesThePlanOutHardWhereCleanIsIgnoredAndASecondRunHasNothingToDo() {
        try (CloudHarness pool = new CloudHarness(Scenario.SHUTDOWN_ORDER, dir)) {
            CloudHarness.Run dry = pool.run("ups", "shutdown", "--dry-run");
            assertEquals(0, dry.status(), dry.err());
            assertTrue(pool.view().hosts().stream().allMatch(HostView::live), "--dry-run stopped nothing");
            CloudHarness.Run run = pool.run("ups", "shutdown", "--clean-timeout", "5");
            assertEquals(0, run.status(), run.err());
            assertPoolDown(pool.view());
            List<AuditRecord> audit = pool.audit();
            assertTrue(audit.stream().anyMatch(r -> r.call().equals("VM.hard_shutdown")), "the guest without PV drivers is forced off");
            assertTrue(audit.stream().anyMatch(r -> r.call().equals("VM.clean_shutdown") && r.outcome() == AuditRecord.Outcome.REFUSED
                    && r.error().orElseThrow().startsWith("VM_FAILED_SHUTDOWN_ACKNOWLEDGMENT")));
            assertEquals("host.shutdown", audit.getLast().call());
            assertEquals("host-1", audit.getLast().target());
            CloudHarness.Run again = pool.run("ups", "shutdown");
            assertTrue(again.out().contains("nothing to shut down"), again.out());
        }
    }

    @Test
    void watchDryRunFollowsOlObLbAndCallsNothing() throws Exception {
        try (UpsdFixture nut = UpsdFixture.start(Files.createDirectories(dir.resolve("nut")));
             CloudHarness pool = new CloudHarness(Scenario.DEFAULT, Files.createDirectories(dir.resolve("pool")))) {
            CompletableFuture<CloudHarness.Run> watch = watch(pool, nut, "--dry-run", "--json");
            driveToLowBattery(nut);
            CloudHarness.Run run = watch.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.status(), run.err());
            JsonNode report = JSON.readTree(run.out());
            assertEquals(List.of("ARMED", "SHUT_DOWN"), actions(report));
            assertTrue(report.get("triggered").asBoolean());
            assertTrue(report.get("plan").size() > 40, "the whole ordered shutdown is printed");
            assertTrue(pool.view().hosts().stream().allMatch(HostView::live));
            assertTrue(pool.view().vmsNamed(SimPool.LICENCE_SERVER_VM).getFirst().running());
            assertTrue(pool.audit().isEmpty());
        }
    }

    @Test
    void watchShutsThePoolDownOnLowBattery() throws Exception {
        try (UpsdFixture nut = UpsdFixture.start(Files.createDirectories(dir.resolve("nut")));
             CloudHarness pool = new CloudHarness(Scenario.DEFAULT, Files.createDirectories(dir.resolve("pool")))) {
            CompletableFuture<CloudHarness.Run> watch = watch(pool, nut, "--json");
            driveToLowBattery(nut);
            CloudHarness.Run run = watch.get(120, TimeUnit.SECONDS);
            assertEquals(0, run.status(), run.err());
            JsonNode report = JSON.readTree(run.out());
            assertEquals(List.of("ARMED", "SHUT_DOWN"), actions(report));
            assertFalse(report.get("cancelled").asBoolean());
            assertPoolDown(pool.view());
        }
    }

    @Test
    void mainsReturningCancelsTheShutdown() throws Exception {
        try (UpsdFixture nut = UpsdFixture.start(Files.createDirectories(dir.resolve("nut")));
             CloudHarness pool = new CloudHarness(Scenario.DEFAULT, Files.createDirectories(dir.resolve("pool")))) {
            CompletableFuture<CloudHarness.Run> watch = watch(pool, nut, "--json", "--duration", "12");
            nut.setStatus("OB DISCHRG");
            nut.awaitStatus(s -> s.onBattery(), Duration.ofSeconds(20));
            Thread.sleep(1500);
            nut.setStatus("OL CHRG");
            CloudHarness.Run run = watch.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.status(), run.err());
            JsonNode report = JSON.readTree(run.out());
            assertEquals(List.of("ARMED", "CANCELLED"), actions(report).stream().filter(a -> !a.equals("KEEP_WATCHING")).toList());
            assertFalse(report.get("triggered").asBoolean());
            assertTrue(report.get("cancelled").asBoolean());
            assertTrue(pool.view().hosts().stream().allMatch(HostView::live));
            assertTrue(pool.audit().isEmpty());
        }
    }

    @Test
    void aWrongNutAddressOrUpsIsBadInput() throws Exception {
        try (UpsdFixture nut = UpsdFixture.start(Files.createDirectories(dir.resolve("nut")));
             CloudHarness pool = new CloudHarness(Scenario.DEFAULT, Files.createDirectories(dir.resolve("pool")))) {
            CloudHarness.Run unknown = pool.run("ups", "watch", "--nut", nut.address(), "--ups", "nosuch");
            assertEquals(2, unknown.status());
            assertTrue(unknown.err().contains("option --nut/--ups: upsd at " + nut.address() + " answered ERR UNKNOWN-UPS"),
                    unknown.err());
            CloudHarness.Run port = pool.run("ups", "watch", "--nut", "127.0.0.1:99999", "--ups", UpsdFixture.UPS);
            assertEquals(2, port.status());
            assertTrue(port.err().contains("option --nut: '127.0.0.1:99999' is not HOST:PORT"), port.err());
        }
    }

    private static CompletableFuture<CloudHarness.Run> watch(CloudHarness pool, UpsdFixture nut, String... more) {
        List<String> args = new ArrayList<>(List.of("ups", "watch", "--nut", nut.address(), "--ups", UpsdFixture.UPS,
                "--poll", "0.2", "--on-battery-grace", "600", "--clean-timeout", "5"));
        args.addAll(List.of(more));
        return CompletableFuture.supplyAsync(() -> pool.run(args.toArray(String[]::new)));
    }

    /** OL, then OB until the watch has had time to see it, then OB LB. */
    private static void driveToLowBattery(UpsdFixture nut) throws Exception {
        Thread.sleep(1000);
        nut.setStatus("OB DISCHRG");
        nut.awaitStatus(s -> s.onBattery(), Duration.ofSeconds(20));
        Thread.sleep(1500);
        nut.setStatus("OB LB");
    }

    private static List<String> actions(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("events").forEach(e -> {
            if (!e.get("action").asText().equals("KEEP_WATCHING")) {
                out.add(e.get("action").asText());
            }
        });
        return out;
    }

    private static void assertPoolDown(PoolView view) {
        for (VmView v : view.vms()) {
            if (v.guest()) {
                assertFalse(v.running(), v.name() + " still runs");
            }
        }
        for (HostView h : view.hosts()) {
            assertFalse(h.live(), h.name() + " still live");
        }
    }

    private static int first(List<String> steps, String part) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no step with " + part + " in " + steps);
    }

    private static int last(List<String> steps, String part) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no step with " + part + " in " + steps);
    }
}
