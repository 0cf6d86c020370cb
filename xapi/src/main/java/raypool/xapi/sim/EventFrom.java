package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;

/**
 * One event.from call. A first call (token "") lists every current object of the classes asked for as
 * an "add"; later calls return the events after the token, waiting on the pool's change condition up
 * to the timeout when there are none yet. The returned token skips events of other classes too, so a
 * quiet subscription does not fall behind the log and into EVENTS_LOST.
 */
final class EventFrom {
    private static final List<String> CLASSES = JsonRpcApi.CLASSES;

    private final SimPool pool;
    private final EventLog events;
    private final Condition changedCondition;

    EventFrom(SimPool pool, EventLog events, Condition changedCondition) {
        this.pool = pool;
        this.events = events;
        this.changedCondition = changedCondition;
    }

    Map<String, Object> call(List<String> classes, String token, double timeoutSeconds) {
        EventLog.ClassFilter filter = new EventLog.ClassFilter(classes.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        pool.lock.lock();
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            String next;
            if (token.isEmpty()) {
                // a first call lists every current object as an "add", then continues from now
                for (String cls : CLASSES) {
                    if (filter.matches(cls.toLowerCase(Locale.ROOT))) {
                        pool.records(cls).forEach((ref, rec) -> out.add(event(0, pool.clock().nowMillis(),
                                cls.toLowerCase(Locale.ROOT), "add", ref, Optional.of(rec))));
                    }
                }
                next = EventLog.token(events.lastId());
            } else {
                long from = parseToken(token);
                if (pool.faults().takeEventsLost() || events.lost(from)) {
                    throw new SimError("EVENTS_LOST");
                }
                long deadline = System.nanoTime() + (long) (Math.min(timeoutSeconds, 3600) * 1e9);
                List<EventLog.Entry> found = events.after(from, filter);
                while (found.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        changedCondition.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (events.lost(from)) {
                        throw new SimError("EVENTS_LOST");
                    }
                    found = events.after(from, filter);
                }
                found.forEach(e -> out.add(event(e.id(), e.timeMillis(), e.objectClass(), e.operation(), e.ref(),
                        e.snapshot())));
                next = EventLog.token(Math.max(from, events.lastId()));
            }
            Map<String, Object> counts = new LinkedHashMap<>();
            for (String cls : CLASSES) {
                if (filter.matches(cls.toLowerCase(Locale.ROOT))) {
                    counts.put(cls.toLowerCase(Locale.ROOT), pool.refs(cls).size()); // int32 in xapi
                }
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("events", out);
            reply.put("valid_ref_counts", counts);
            reply.put("token", next);
            return reply;
        } finally {
            pool.lock.unlock();
        }
    }

    private static long parseToken(String token) {
        try {
            return Long.parseLong(token.split(",")[0].trim());
        } catch (NumberFormatException e) {
            throw new SimError("EVENT_FROM_TOKEN_PARSE_FAILURE", token);
        }
    }

    private static Map<String, Object> event(long id, long timeMillis, String cls, String op, String ref,
                                             Optional<Map<String, Object>> snapshot) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", Long.toString(id)); // a string in xapi's event record
        e.put("timestamp", String.format(Locale.ROOT, "%d.%03d", timeMillis / 1000, timeMillis % 1000));
        e.put("class", cls);
        e.put("operation", op);
        e.put("ref", ref);
        snapshot.ifPresent(s -> e.put("snapshot", s));
        return e;
    }

}
