package raypool.web.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1));

    @Test
    void hashesAreArgon2idWithTheirCostAndASaltOfTheirOwn() {
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");
        assertTrue(a.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), a);
        assertNotEquals(a, b, "a fresh salt each time");
        assertFalse(a.contains("correct horse"));
    }

    @Test
    void verifyAcceptsOnlyThePassword() {
        String h = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", h));
        assertFalse(hasher.verify("correct hors", h));
        assertFalse(hasher.verify("", h));
        assertFalse(hasher.verify("correct horse", "plain text"));
    }

    @Test
    void aHashMadeWithOtherCostsStillVerifies() {
        String old = new PasswordHasher(new PasswordHasher.Cost(512, 2, 1)).hash("pw-12345678");
        assertTrue(hasher.verify("pw-12345678", old));
    }

    @Test
    void theDefaultCostIsMemoryHard() {
        assertTrue(PasswordHasher.Cost.DEFAULT.memoryKib() >= 19 * 1024);
    }
}
