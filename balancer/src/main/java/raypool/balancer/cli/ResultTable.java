package raypool.balancer.cli;

import raypool.balancer.sim.ReplayResult;

import java.util.Locale;

/** The printed table: one line per replay, Markdown so it pastes into the results README. */
final class ResultTable {
    private ResultTable() {
    }

    static String header() {
        return "| policy | rules | day | VMs | energy kWh | migrations | SLATAH | PDM | SLAV | ESV | decision p50/p99 ms | wall s |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    }

    static String row(ReplayResult r) {
        String day = java.nio.file.Path.of(r.traceDir()).getFileName().toString();
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %.2f | %d | %.3f%% | %.4f%% | %.3e%% | %.3e | %.3f / %.3f | %.2f |%n",
                r.policy(), r.rules(), day, r.vms(), r.energyKwh(), r.migrations(), 100 * r.slatah(), 100 * r.pdm(),
                100 * r.slav(), r.esv(), r.decisionMs().p50(), r.decisionMs().p99(), r.wallS());
    }
}
