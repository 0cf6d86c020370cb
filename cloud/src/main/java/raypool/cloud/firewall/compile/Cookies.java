package raypool.cloud.firewall.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import raypool.cloud.firewall.policy.Rule;

/**
 * A rule's OpenFlow cookie: its {@code id} when the file gives one, otherwise a hash of what the rule says
 * (bit 62 set, so the two kinds never collide), so that a rule keeps its cookie while other rules change.
 */
public final class Cookies {

    private static final long HASHED = 1L << 62;

    private Cookies() {
    }

    /** {@code occurrence} tells identical rules apart (0 for the first). */
    public static long of(Rule rule, int occurrence) {
        if (rule.id().isPresent()) {
            return rule.id().getAsLong();
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((rule.describe() + "#" + occurrence).getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (d[i] & 0xff);
            }
            return (h & (HASHED - 1)) | HASHED;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
