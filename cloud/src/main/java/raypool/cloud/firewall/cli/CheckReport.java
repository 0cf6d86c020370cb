package raypool.cloud.firewall.cli;

import java.util.List;
import raypool.cloud.firewall.check.Finding;
import raypool.cloud.report.Report;

/** What {@code firewall check} prints: the file, its rule count, and each warning with its line. */
public record CheckReport(String file, int rules, boolean builtinDefaults, String failMode, List<Warning> warnings) implements Report {

    /** One warning: line, what kind (shadowed, conflict), why. */
    public record Warning(int line, String type, String message) {
        static Warning of(Finding f) {
            return new Warning(f.at().line(), f.type().name().toLowerCase(java.util.Locale.ROOT), f.message());
        }
    }

    public CheckReport {
        warnings = List.copyOf(warnings);
    }

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Warning w : warnings) {
            b.append(file).append(':').append(w.line()).append(": warning: ").append(w.message()).append('\n');
        }
        b.append(file).append(": ").append(rules).append(rules == 1 ? " rule" : " rules").append(", fail mode ").append(failMode)
                .append(builtinDefaults ? ", built-in defaults in force" : ", no built-in defaults").append(", ")
                .append(warnings.size()).append(warnings.size() == 1 ? " warning" : " warnings").append('\n');
        return b.toString();
    }
}
