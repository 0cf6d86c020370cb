package raypool.engine.schedule;

import java.util.Locale;

/** How a frame's rows are shared among worker threads. */
public enum StripePolicy {
    /** One contiguous horizontal stripe per thread: the original system's split, and its imbalance. */
    STATIC,
    /** Row r goes to thread r mod N: every thread gets rows from every part of the image. */
    INTERLEAVED,
    /** Many small stripes (at least 8 per thread) pulled from a shared counter as threads finish. */
    DYNAMIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StripePolicy parse(String text) {
        for (StripePolicy p : values()) {
            if (p.label().equals(text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown stripe policy '" + text + "' (expected static, interleaved or dynamic)");
    }
}
