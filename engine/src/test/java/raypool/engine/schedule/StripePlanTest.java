package raypool.engine.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripePlanTest {

    static Stream<Arguments> cases() {
        return Stream.of(StripePolicy.values()).flatMap(p -> Stream.of(1, 2, 3, 7, 80, 700)
            .flatMap(t -> Stream.of(1, 5, 600, 601).map(h -> Arguments.of(p, t, h))));
    }

    @ParameterizedTest(name = "{0} threads={1} height={2}")
    @MethodSource("cases")
    void everyRowIsCoveredExactlyOnce(StripePolicy policy, int threads, int height) {
        StripePlan plan = StripePlan.of(policy, threads, height);
        int[] covered = new int[height];
        for (int i = 0; i < plan.items(); i++) {
            assertTrue(plan.step()[i] >= 1);
            for (int y = plan.from()[i]; y < plan.to()[i]; y += plan.step()[i]) {
                covered[y]++;
            }
        }
        for (int y = 0; y < height; y++) {
            assertEquals(1, covered[y], "row " + y);
        }
    }

    @ParameterizedTest(name = "{0} threads={1} height={2}")
    @MethodSource("cases")
    void policiesCutAsDocumented(StripePolicy policy, int threads, int height) {
        StripePlan plan = StripePlan.of(policy, threads, height);
        switch (policy) {
            case STATIC -> {
                assertEquals(threads, plan.items(), "one stripe per thread");
                assertFalse(plan.isShared());
                for (int i = 0; i < plan.items(); i++) {
                    int rows = plan.to()[i] - plan.from()[i];
                    assertTrue(rows == height / threads || rows == height / threads + 1, "near-equal stripes");
                }
            }
            case INTERLEAVED -> {
                assertEquals(threads, plan.items());
                for (int t = 0; t < threads; t++) {
                    assertEquals(t, plan.from()[t]);
                    assertEquals(threads, plan.step()[t], "row r goes to thread r mod N");
                }
            }
            case DYNAMIC -> {
                assertTrue(plan.isShared());
                assertTrue(plan.items() >= Math.min(height, 8 * threads), "at least 8 stripes per thread");
            }
        }
    }
}
