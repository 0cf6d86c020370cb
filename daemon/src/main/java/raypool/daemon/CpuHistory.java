package raypool.daemon;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Each VM's CPU history in windows of pool time, not in samples. The planners were tuned on traces
 * with one sample per {@value #WINDOW_MINUTES} minutes (their short window is one sample, their long
 * one six, their hysteresis two); XAPI's RRD gives a sample every 5 seconds and the daemon rounds every
 * minute, so a history of "one sample per round" would make a 30-minute window last 6 minutes. Here
 * samples are summed into one-minute slots, and history entry i is the mean of the slots in the
 * {@value #WINDOW_MINUTES} minutes that end i windows before now: the same meaning as a trace sample,
 * whatever the RRD step or the round interval.
 *
 * <p>A window with no sample ends the history there (a gap is not a zero).
 */
public final class CpuHistory {
    public static final int WINDOW_MINUTES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);
    private static final long SLOT_MILLIS = 60_000;

    private final int windows;
    private final int slots;
    private final Map<String, Ring> rings = new HashMap<>();

    /** @param windows how many windows are kept (the snapshot's history length) */
    public CpuHistory(int windows) {
        this.windows = windows;
        this.slots = windows * WINDOW_MINUTES + 1;
    }

    /**
     * Per VM: running totals (sum and count of every sample up to and including each slot) over the
     * last slots, so that a window's mean is two subtractions, not a walk over its slots. Samples only
     * ever join the newest slot (they come in time order; one already taken is skipped), so the totals
     * of older slots never change. A slot's number, count and sum sit side by side in one array: a
     * window then costs two cache lines, not six (a round reads 30 windows of every VM; 1,000 VMs' rings
     * do not fit in cache).
     */
    private final class Ring {
        /** Per slot: [slot number, count, sum as raw double bits]. */
        final long[] data = new long[3 * slots];
        long firstSlot = Long.MIN_VALUE;
        long newestSlot = Long.MIN_VALUE;
        int newestIndex;
        long newest = Long.MIN_VALUE;

        Ring() {
            for (int i = 0; i < slots; i++) {
                data[3 * i] = Long.MIN_VALUE;
            }
        }

        private int index(long slot) {
            return (int) Math.floorMod(slot, slots);
        }

        long count(int i) {
            return data[3 * i + 1];
        }

        double sum(int i) {
            return Double.longBitsToDouble(data[3 * i + 2]);
        }

        private void set(int i, long slot, long count, double sum) {
            data[3 * i] = slot;
            data[3 * i + 1] = count;
            data[3 * i + 2] = Double.doubleToRawLongBits(sum);
        }

        void add(long t, double v) {
            if (t <= newest) {
                return;
            }
            newest = t;
            long slot = Math.floorDiv(t, SLOT_MILLIS);
            if (newestSlot == Long.MIN_VALUE) {
                firstSlot = slot;
                newestSlot = slot;
                newestIndex = index(slot);
                set(newestIndex, slot, 0, 0);
            } else if (slot > newestSlot) {
                // the slots since the newest carry its totals on (a slot with no sample adds nothing)
                long c = count(newestIndex);
                double s = sum(newestIndex);
                for (long k = Math.max(newestSlot + 1, slot - slots + 1); k <= slot; k++) {
                    set(index(k), k, c, s);
                }
                newestSlot = slot;
                newestIndex = index(slot);
            }
            set(newestIndex, slot, count(newestIndex) + 1, sum(newestIndex) + v);
        }

        /**
         * Index of the totals up to {@code slot}: -1 when nothing came before it, -2 when they are gone.
         * Counted back from the newest slot's index, not by a division (this runs for every VM and
         * window of every round).
         */
        int totalsAt(long slot) {
            if (slot >= newestSlot) {
                return newestIndex;
            }
            if (slot < firstSlot) {
                return -1;
            }
            long back = newestSlot - slot;
            if (back >= slots) {
                return -2;
            }
            int i = newestIndex - (int) back;
            if (i < 0) {
                i += slots;
            }
            return data[3 * i] == slot ? i : -2;
        }
    }

    /** Takes the new samples of a VM (older ones than those already taken are ignored). */
    public void add(String key, PoolState.Samples samples) {
        Ring ring = rings.computeIfAbsent(key, k -> new Ring());
        for (int i = 0; i < samples.size(); i++) {
            double v = samples.values()[i];
            if (!Double.isNaN(v)) {
                ring.add(samples.timesMillis()[i], Math.clamp(v, 0, 1));
            }
        }
    }

    /** The VM's window means at {@code nowMillis}, newest first; empty when it has no recent sample. */
    public double[] windows(String key, long nowMillis) {
        Ring ring = rings.get(key);
        if (ring == null) {
            return new double[0];
        }
        long nowSlot = Math.floorDiv(nowMillis, SLOT_MILLIS);
        double[] out = new double[windows];
        int n = 0;
        for (int w = 0; w < windows; w++) {
            long to = nowSlot - (long) w * WINDOW_MINUTES;
            int end = ring.totalsAt(to);
            int start = ring.totalsAt(to - WINDOW_MINUTES);
            if (end < 0 || start == -2) {
                break;
            }
            double s = ring.sum(end) - (start < 0 ? 0 : ring.sum(start));
            long c = ring.count(end) - (start < 0 ? 0 : ring.count(start));
            if (c <= 0) {
                break;
            }
            out[n++] = s / c;
        }
        return n == windows ? out : java.util.Arrays.copyOf(out, n);
    }

    /** Forgets VMs that left the pool. */
    public void retain(Set<String> keys) {
        rings.keySet().retainAll(keys);
    }
}
