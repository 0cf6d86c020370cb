package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultSpecTest {

    @Test
    void theIssuesExampleParsesIntoTypedRules() {
        FaultSpec spec = FaultSpec.parse("session-invalid@20s,http500@p=0.05,slow:1500@p=0.1,events-lost@40s,"
                + "task-fail@p=0.2,host-offline:host-3@50s");
        assertEquals(List.of(
                new FaultSpec.Rule(new FaultSpec.SessionInvalid(), new FaultSpec.After(Duration.ofSeconds(20))),
                new FaultSpec.Rule(new FaultSpec.Http500(), new FaultSpec.EachCall(0.05)),
                new FaultSpec.Rule(new FaultSpec.Slow(Duration.ofMillis(1500)), new FaultSpec.EachCall(0.1)),
                new FaultSpec.Rule(new FaultSpec.EventsLost(), new FaultSpec.After(Duration.ofSeconds(40))),
                new FaultSpec.Rule(new FaultSpec.TaskFail("VM_MIGRATE_FAILED"), new FaultSpec.EachCall(0.2)),
                new FaultSpec.Rule(new FaultSpec.HostOffline("host-3"), new FaultSpec.After(Duration.ofSeconds(50)))),
                spec.rules());
        assertEquals("session-invalid@20s,http500@p=0.05,slow:1500@p=0.1,events-lost@40s,task-fail@p=0.2,"
                + "host-offline:host-3@50s", spec.toString(), "prints back as it was written");
    }

    @Test
    void spacesFractionsAndCodesAreAccepted() {
        FaultSpec spec = FaultSpec.parse(" task-fail:INTERNAL_ERROR@1.5s , http500@p=1 ");
        assertEquals(new FaultSpec.TaskFail("INTERNAL_ERROR"), spec.rules().get(0).kind());
        assertEquals(new FaultSpec.After(Duration.ofMillis(1500)), spec.rules().get(0).when());
        assertEquals(new FaultSpec.EachCall(1.0), spec.rules().get(1).when());
        assertTrue(FaultSpec.parse("").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http500@3s;bogus@2s|2|unknown kind 'bogus'",
            "http500|1|no @WHEN",
            "slow@p=0.1|1|slow needs a delay",
            "slow:0@p=0.1|1|slow needs a delay",
            "http500@p=0|1|above 0 and at most 1",
            "http500@p=1.5|1|above 0 and at most 1",
            "http500@soon|1|WHEN is Ns",
            "http500@-3s|1|WHEN is Ns",
            "session-invalid:x@1s|1|takes no argument",
            "host-offline@1s|1|needs the host's name",
            "task-fail:lower@1s|1|XAPI error code",
            "http500@1s;;events-lost@2s|2|empty"})
    void aBadItemIsNamedWithWhatIsWrong(String text, int item, String problem) {
        String spec = text.replace(';', ',');
        FaultSpec.Invalid e = assertThrows(FaultSpec.Invalid.class, () -> FaultSpec.parse(spec));
        assertEquals(item, e.item());
        assertTrue(e.getMessage().startsWith("item " + item + " '"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aHostOfflineMustNameAHostOfTheStand() {
        FaultSpec spec = FaultSpec.parse("http500@1s,host-offline:host-9@2s");
        FaultSpec.Invalid e = assertThrows(FaultSpec.Invalid.class,
                () -> spec.requireHosts(List.of("host-1", "host-2")));
        assertEquals(2, e.item());
        assertTrue(e.getMessage().contains("no host 'host-9'"), e.getMessage());
        assertThrows(FaultSpec.Invalid.class, () -> SimPool.create(SimConfig.defaultStand("root", "pw").withFaults(spec)));
    }
}
