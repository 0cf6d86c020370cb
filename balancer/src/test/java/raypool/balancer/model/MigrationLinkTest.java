package raypool.balancer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MigrationLinkTest {

    @Test
    void tenGigabitIsFiveAndAHalfTimesOneGigabit() {
        assertEquals(62.5, MigrationLink.mbPerSecond(1000), 1e-12);
        assertEquals(5.5, MigrationLink.mbPerSecond(10_000) / MigrationLink.mbPerSecond(1000), 0.01);
    }

    @Test
    void theSlowerNicAndTheBusierEndDecide() {
        double gigabit = MigrationLink.mbPerSecond(1000);
        assertEquals(gigabit, MigrationLink.sharedMbPerSecond(10_000, 1000, 1, 1), 1e-12);
        assertEquals(gigabit / 3, MigrationLink.sharedMbPerSecond(1000, 1000, 1, 3), 1e-12);
        assertEquals(gigabit / 2, MigrationLink.sharedMbPerSecond(1000, 10_000, 2, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MigrationLink.sharedMbPerSecond(1000, 1000, 0, 1));
    }
}
