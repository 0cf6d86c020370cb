package raypool.cloud.firewall.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import raypool.cloud.firewall.compile.CompiledFlows;
import raypool.cloud.firewall.policy.FailMode;

/**
 * Puts compiled flows on a bridge: the differences first ({@code ovs-ofctl diff-flows}), then every flow
 * replaced in one OpenFlow bundle, so the switch takes all of them or none and the old flows stay when
 * anything fails; then the bridge's fail mode. A thin executor over {@link ProcessRunner}.
 */
public final class OvsApplier {

    /** Applying failed; the message says which step and that the flows are as they were when so. */
    public static final class ApplyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ApplyFailure(String message) {
            super(message);
        }
    }

    private static final String OPENFLOW = "-O";
    private static final String VERSION = "OpenFlow13";

    private final ProcessRunner runner;
    private final String ofctl;
    private final String vsctl;

    public OvsApplier(ProcessRunner runner, String ofctl, String vsctl) {
        this.runner = runner;
        this.ofctl = ofctl;
        this.vsctl = vsctl;
    }

    public static OvsApplier onThisMachine() {
        return new OvsApplier(new SystemProcessRunner(), OvsPrograms.require("ovs-ofctl"), OvsPrograms.require("ovs-vsctl"));
    }

    public ApplyOutcome apply(OvsTarget target, CompiledFlows flows, FailMode failMode, boolean dryRun) {
        Path file;
        try {
            file = Files.createTempFile("raypool-flows-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.writeString(file, flows.text(), StandardCharsets.UTF_8);
            return apply(target, file, flows, failMode, dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a left-over temporary file is harmless
            }
        }
    }

    private ApplyOutcome apply(OvsTarget target, Path file, CompiledFlows flows, FailMode failMode, boolean dryRun) {
        ProcessRunner.Result diff = runner.run(List.of(ofctl, OPENFLOW, VERSION, "diff-flows", target.openflow(), file.toString()));
        // diff-flows exits 2 when the two differ, which is no failure.
        if (diff.status() != 0 && diff.status() != 2) {
            throw new ApplyFailure("reading the flows of " + target.openflow() + " failed: " + diff.firstLine()
                    + "; nothing was changed");
        }
        List<CookieChange> changes = FlowDiff.of(diff.stdout(), flows.rulesByCookie());
        if (dryRun) {
            return new ApplyOutcome(target.bridge(), false, flows.flows().size(), failMode.ovsName(), changes);
        }
        ProcessRunner.Result replace = runner.run(List.of(ofctl, OPENFLOW, VERSION, "--bundle", "replace-flows", target.openflow(),
                file.toString()));
        if (!replace.ok()) {
            throw new ApplyFailure("the switch refused the new flows: " + replace.firstLine() + "; the bridge keeps its old flows");
        }
        ProcessRunner.Result current = runner.run(List.of(vsctl, target.db(), "get-fail-mode", target.bridge()));
        if (!current.ok() || !current.stdout().strip().equals(failMode.ovsName())) {
            // A new fail mode makes ovs-vswitchd reconfigure the bridge, which may flush its flows: set it after the
            // bundle has proved the flows acceptable, then put them back if they went.
            ProcessRunner.Result mode = runner.run(List.of(vsctl, target.db(), "set-fail-mode", target.bridge(), failMode.ovsName()));
            if (!mode.ok()) {
                throw new ApplyFailure("the flows are applied but the fail mode of " + target.bridge() + " could not be set to "
                        + failMode.ovsName() + ": " + mode.firstLine());
            }
            ProcessRunner.Result again = runner.run(List.of(ofctl, OPENFLOW, VERSION, "diff-flows", target.openflow(), file.toString()));
            if (again.status() == 2) {
                ProcessRunner.Result restore = runner.run(List.of(ofctl, OPENFLOW, VERSION, "--bundle", "replace-flows",
                        target.openflow(), file.toString()));
                if (!restore.ok()) {
                    throw new ApplyFailure("setting the fail mode of " + target.bridge() + " flushed its flows and they could not be put "
                            + "back: " + restore.firstLine());
                }
            }
        }
        return new ApplyOutcome(target.bridge(), true, flows.flows().size(), failMode.ovsName(), changes);
    }
}
