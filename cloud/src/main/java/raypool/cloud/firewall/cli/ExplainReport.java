package raypool.cloud.firewall.cli;

import raypool.cloud.firewall.decide.Decision;
import raypool.cloud.report.Report;

/**
 * What {@code firewall explain} prints; as JSON exactly {@code {"decision":"allow|deny","rule":{"file","line",
 * "level","kind"}}}, the rule of a built-in default also with its {@code name}.
 */
public record ExplainReport(String decision, DecidingRule rule) implements Report {

    /** The rule that decided. */
    public sealed interface DecidingRule permits FileRule, BuiltinRule {
        String file();

        int line();

        String level();

        String kind();
    }

    /** A rule of the policy file. */
    public record FileRule(String file, int line, String level, String kind) implements DecidingRule {
    }

    /** One of the built-in rules, named. */
    public record BuiltinRule(String file, int line, String level, String kind, String name) implements DecidingRule {
    }

    static ExplainReport of(Decision d) {
        DecidingRule rule = d.name().<DecidingRule>map(n -> new BuiltinRule(d.origin().file(), d.origin().line(), d.level().word(),
                d.kind().word(), n)).orElseGet(() -> new FileRule(d.origin().file(), d.origin().line(), d.level().word(), d.kind().word()));
        return new ExplainReport(d.action().word(), rule);
    }

    @Override
    public String text() {
        String who = rule instanceof BuiltinRule b ? "built-in rule " + b.name() : rule.file() + ":" + rule.line();
        return decision + ": " + who + " (" + rule.level() + " " + rule.kind() + ")\n";
    }
}
