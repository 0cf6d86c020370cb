package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.audit.AuditCodec;
import raypool.cloud.audit.AuditLog;
import raypool.cloud.audit.AuditRecord;
import raypool.xapi.connect.CommandFailure;

class AuditCodecTest {
    private static final AuditRecord DONE = new AuditRecord(Instant.parse("2026-12-08T01:02:03.456Z"), "cloud licence recover",
            "root", "47526757-130f", "host.apply_edition", List.of("host-1", "\"free\""), "host-1", "expired", AuditRecord.Outcome.DONE,
            Optional.empty());
    private static final AuditRecord REFUSED = new AuditRecord(Instant.parse("2026-12-08T01:02:04Z"), "cloud licence recover",
            "root", "47526757-130f", "VM.start", List.of("licence-server", "false", "false"), "licence-server", "start it",
            AuditRecord.Outcome.REFUSED, Optional.of("NO_HOSTS_AVAILABLE []"));

    @Test
    void recordsSurviveTheRoundTrip() {
        for (AuditRecord r : List.of(DONE, REFUSED)) {
            String line = AuditCodec.encode(r);
            assertFalse(line.contains("\n"));
            assertEquals(r, AuditCodec.decode(line));
        }
        assertFalse(AuditCodec.encode(DONE).contains("error"), "an absent error is left out");
        assertTrue(AuditCodec.encode(DONE).contains("\"at\":\"2026-12-08T01:02:03.456Z\""));
    }

    @Test
    void theLogAppendsLinesAndABrokenLineIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file);
        log.append(DONE);
        log.append(REFUSED);
        assertEquals(List.of(DONE, REFUSED), AuditLog.read(file));
        Files.writeString(file, "{\"call\":\n", java.nio.file.StandardOpenOption.APPEND);
        CommandFailure f = assertThrows(CommandFailure.class, () -> AuditLog.read(file));
        assertEquals(2, f.status());
        assertTrue(f.getMessage().startsWith(file + ":3: "), f.getMessage());
    }

    @Test
    void anUnwritableLogIsBadInputBeforeAnyChange(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        CommandFailure f = assertThrows(CommandFailure.class, () -> new AuditLog(blocker.resolve("audit.jsonl")).requireWritable());
        assertEquals(2, f.status());
        assertTrue(f.getMessage().startsWith("option --audit-log: cannot append to "), f.getMessage());
    }
}
