package raypool.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotaCheckerTest {
    private static final SubjectRef ANN = SubjectRef.user("ann");

    private static Quota limits(long vcpus, long memory, long vms) {
        return new Quota(ANN, OptionalLong.of(vcpus), OptionalLong.of(memory), OptionalLong.of(vms));
    }

    @Test
    void aChangeThatPassesALimitIsRefusedWithTheFigures() {
        QuotaVerdict v = QuotaChecker.check(List.of(limits(8, 8192, 3)), Map.of(ANN, new Usage(6, 4096, 2)),
                new Usage(4, 1024, 1));
        QuotaVerdict.Exceeds e = assertInstanceOf(QuotaVerdict.Exceeds.class, v);
        assertEquals("vcpus", e.resource());
        assertEquals(8, e.limit());
        assertEquals(6, e.used());
        assertEquals(4, e.requested());
        assertEquals(2, e.available());
    }

    @Test
    void memoryAndVmCountAreLimitsToo() {
        assertEquals("memory_mib", ((QuotaVerdict.Exceeds) QuotaChecker.check(List.of(limits(99, 4096, 9)),
                Map.of(ANN, new Usage(1, 4000, 1)), new Usage(0, 200, 0))).resource());
        assertEquals("vms", ((QuotaVerdict.Exceeds) QuotaChecker.check(List.of(limits(99, 99999, 1)),
                Map.of(ANN, new Usage(1, 1, 1)), new Usage(1, 1, 1))).resource());
    }

    @Test
    void diskSpaceIsALimit() {
        Quota disk = new Quota(ANN, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(100),
                List.of());
        QuotaVerdict.Exceeds e = (QuotaVerdict.Exceeds) QuotaChecker.check(List.of(disk), Map.of(ANN, Usage.disk(90)),
                Usage.disk(20));
        assertEquals("disk_gib", e.resource());
        assertEquals(10, e.available());
        assertInstanceOf(QuotaVerdict.Fits.class, QuotaChecker.check(List.of(disk), Map.of(ANN, Usage.disk(90)), Usage.disk(10)));
    }

    @Test
    void noQuotaOrAnEmptyLimitAllowsEverything() {
        assertInstanceOf(QuotaVerdict.Fits.class, QuotaChecker.check(List.of(), Map.of(), new Usage(1000, 1 << 30, 50)));
        Quota none = new Quota(ANN, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
        assertInstanceOf(QuotaVerdict.Fits.class, QuotaChecker.check(List.of(none), Map.of(), new Usage(1000, 1 << 30, 50)));
    }

    @Test
    void allowedChangesStayWithinTheLimit() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            check(r.nextInt(65), r.nextInt(65), r.nextInt(129) - 64);
        }
    }

    private static void check(long limit, long used, long change) {
        QuotaVerdict v = QuotaChecker.check(List.of(limits(limit, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4)),
                Map.of(ANN, new Usage(used, 0, 0)), new Usage(change, 0, 0));
        if (v instanceof QuotaVerdict.Fits) {
            // allowed: either it shrinks usage, or it ends within the limit
            assertEquals(true, change <= 0 || used + change <= limit);
        } else {
            assertEquals(true, change > 0 && used + change > limit);
        }
    }
}
