package raypool.web.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What a host's licence fields say (pure): expired, expiring within 30 days, or fine. */
public final class Licences {
    private static final DateTimeFormatter XAPI = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Licences() {
    }

    public static String finding(String expiry, Instant now) {
        if (expiry.isEmpty() || expiry.equals("never")) {
            return "does not expire";
        }
        Optional<Instant> at = parse(expiry);
        if (at.isEmpty()) {
            return "expiry \"" + expiry + "\" is not a date";
        }
        if (at.get().isBefore(now)) {
            return "EXPIRED: new VM starts are refused (LICENSE_EXPIRED)";
        }
        if (at.get().isBefore(now.plusSeconds(30L * 86400))) {
            return "expires within 30 days";
        }
        return "valid until " + LocalDate.ofInstant(at.get(), ZoneOffset.UTC);
    }

    private static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.from(XAPI.parse(text)));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
