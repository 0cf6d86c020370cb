package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionTableTest {

    @Test
    void sameSeedSameStandButSessionRefsAreNotPredictable() {
        SimConfig config = SimConfig.defaultStand("root", "pw");
        SimPool a = SimPool.create(config);
        SimPool b = SimPool.create(config);
        assertEquals(a.read(() -> a.refs("VM")), b.read(() -> b.refs("VM")), "the stand is seeded");
        assertNotEquals(a.login("root", "pw", "t"), b.login("root", "pw", "t"), "session refs are credentials");
    }

    @Test
    void aLoggedOutSessionIsGone() {
        SimPool pool = SimPool.create(SimConfig.defaultStand("root", "pw"));
        String ref = pool.login("root", "pw", "t");
        pool.logout(ref);
        assertEquals("SESSION_INVALID", assertThrows(SimError.class, () -> pool.session(ref)).code());
        assertEquals("SESSION_INVALID", assertThrows(SimError.class, () -> pool.logout(ref)).code());
    }
}
