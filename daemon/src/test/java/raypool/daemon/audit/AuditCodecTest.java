package raypool.daemon.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of audit event survives the codec unchanged, with its name in {@code event} and the
 * common fields every line has. The events are made by reflection from the sealed interface, so a
 * kind added later is covered without touching this test.
 */
class AuditCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Class<?>> kinds() {
        return Stream.of(AuditEvent.class.getPermittedSubclasses());
    }

    /** An instance of the record with a distinct, recognisable value in every field. */
    static AuditEvent sample(Class<?> kind, int seed) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            int n = seed * 100 + i;
            values[i] = switch (c.getType().getName()) {
                case "java.time.Instant" -> Instant.ofEpochSecond(1_700_000_000L + n, n * 1000L);
                case "java.lang.String" -> c.getName() + "-" + n + " \"quoted\" ; ünïcode";
                case "long" -> (long) n;
                case "int" -> n;
                case "double" -> n + 0.125;
                case "boolean" -> n % 2 == 0;
                case "java.util.List" -> {
                    var arg = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                    assertEquals(String.class, arg, kind.getSimpleName() + "." + c.getName());
                    yield List.of(c.getName() + "-a", c.getName() + "-b");
                }
                default -> throw new AssertionError(kind.getSimpleName() + "." + c.getName() + ": no sample for "
                        + c.getType());
            };
        }
        Constructor<?> ctor = kind.getDeclaredConstructor(types);
        return (AuditEvent) ctor.newInstance(values);
    }

    private static String nameOf(Class<?> kind) {
        for (JsonSubTypes.Type t : AuditEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            if (t.value() == kind) {
                return t.name();
            }
        }
        throw new AssertionError(kind + " has no JSON name");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyEventRoundTrips(Class<?> kind) throws Exception {
        for (int seed = 0; seed < 3; seed++) {
            AuditEvent event = sample(kind, seed);
            String line = AuditCodec.encode(event);
            assertFalse(line.contains("\n"), "one line: " + line);
            AuditCodec.Decoded back = AuditCodec.decode(line);
            AuditCodec.Event decoded = assertInstanceOf(AuditCodec.Event.class, back, line);
            assertEquals(event, decoded.event(), line);
            JsonNode tree = JSON.readTree(line);
            assertEquals(nameOf(kind), tree.path("event").asText(), line);
            for (String field : List.of("time", "poolTime", "round")) {
                assertTrue(tree.has(field), field + " in " + line);
            }
            assertTrue(tree.path("poolTime").isTextual(), "instants are ISO-8601 text: " + line);
            assertEquals(event.poolTime(), Instant.parse(tree.path("poolTime").asText()));
        }
    }

    @Test
    void everyKindHasItsOwnName() {
        Set<String> names = new HashSet<>();
        for (Class<?> kind : AuditEvent.class.getPermittedSubclasses()) {
            assertTrue(names.add(nameOf(kind)), "two kinds named " + nameOf(kind));
        }
        assertEquals(AuditEvent.class.getPermittedSubclasses().length,
                AuditEvent.class.getAnnotation(JsonSubTypes.class).value().length, "every kind is registered once");
        // the names other tools read
        assertTrue(names.containsAll(List.of("migration-started", "migration-done", "migration-failed",
                "migration-lost", "start", "stop", "round", "recommend")), names.toString());
    }

    @Test
    void migrationEventsKeepTheirFieldNames() throws Exception {
        for (Class<?> kind : List.of(AuditEvent.MigrationStarted.class, AuditEvent.MigrationDone.class,
                AuditEvent.MigrationFailed.class, AuditEvent.MigrationLost.class)) {
            JsonNode tree = JSON.readTree(AuditCodec.encode(sample(kind, 1)));
            for (String field : List.of("time", "poolTime", "event", "vm", "from", "to", "vmKey", "task")) {
                assertTrue(tree.has(field), kind.getSimpleName() + " has " + field + ": " + tree);
            }
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownKindsAreUnreadable() {
        String line = AuditCodec.encode(new AuditEvent.PoolNote(Instant.EPOCH, Instant.EPOCH, 3, "x"));
        String newer = line.replace("}", ",\"addedLater\":[1,2]}");
        assertEquals(new AuditEvent.PoolNote(Instant.EPOCH, Instant.EPOCH, 3, "x"),
                ((AuditCodec.Event) AuditCodec.decode(newer)).event());
        assertInstanceOf(AuditCodec.Unreadable.class, AuditCodec.decode(line.replace("\"pool\"", "\"no-such-kind\"")));
        assertInstanceOf(AuditCodec.Unreadable.class, AuditCodec.decode(line.substring(0, line.length() / 2)));
        assertInstanceOf(AuditCodec.Unreadable.class, AuditCodec.decode("not json"));
    }

    @Test
    void aLogReadsBackWhatWasWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        List<AuditEvent> written = new ArrayList<>();
        java.nio.file.Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = new AuditLog(file)) {
            int seed = 0;
            for (Class<?> kind : AuditEvent.class.getPermittedSubclasses()) {
                AuditEvent e = sample(kind, seed++);
                log.write(e);
                written.add(e);
            }
        }
        AuditLog.Contents read = AuditLog.read(file);
        assertEquals(0, read.unreadable());
        assertEquals(written, read.events());
    }
}
