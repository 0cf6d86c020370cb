package raypool.xapi.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pool's change log for event.from. Keeps the most recent {@code capacity} events; a token older
 * than that gets EVENTS_LOST, as xapi does when a client falls too far behind. Guarded by the pool's lock.
 */
final class EventLog {
    record Entry(long id, long timeMillis, String objectClass, String operation, String ref,
                 Optional<Map<String, Object>> snapshot) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long lastId;

    EventLog(int capacity) {
        this.capacity = capacity;
    }

    void add(long timeMillis, String objectClass, String operation, String ref, Optional<Map<String, Object>> snapshot) {
        entries.addLast(new Entry(++lastId, timeMillis, objectClass, operation, ref, snapshot));
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    long lastId() {
        return lastId;
    }

    /** True when events after {@code token} have already been dropped. */
    boolean lost(long token) {
        return !entries.isEmpty() && entries.getFirst().id() > token + 1;
    }

    List<Entry> after(long token, ClassFilter filter) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.reversed()) {
            if (e.id() <= token) {
                break;
            }
            if (filter.matches(e.objectClass())) {
                out.add(e);
            }
        }
        return out.reversed();
    }

    static String token(long id) {
        return String.format("%020d", id);
    }

    /** event.from's class list: lower-case class names, or "*" for all. */
    record ClassFilter(List<String> classes) {
        boolean matches(String objectClass) {
            return classes.contains("*") || classes.contains(objectClass);
        }
    }
}
