package raypool.cloud.firewall.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.cloud.audit.AuditTrail;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.firewall.apply.ApplyOutcome;
import raypool.cloud.firewall.apply.OvsApplier;
import raypool.cloud.firewall.apply.OvsTarget;
import raypool.cloud.firewall.compile.CompiledFlows;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;
import raypool.xapi.connect.CommandFailure;

/** {@code firewall apply}: compiles for the pool and replaces the bridge's flows in one bundle. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Compile the policy for the pool and replace the bridge's flows atomically (one OpenFlow bundle), set its "
                + "fail mode, and report the flows that changed per cookie; on any failure the old flows stay.")
public final class ApplyCommand extends ChangeCommand {
    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy file (YAML or JSON).")
    Path policy;

    @Option(names = "--bridge", required = true, paramLabel = "BR", description = "The Open vSwitch bridge.")
    String bridge;

    @Option(names = "--ovs", required = true, paramLabel = "SOCKET", description = "The ovsdb-server socket, e.g. /run/openvswitch/db.sock.")
    Path ovs;

    @Option(names = "--openflow", paramLabel = "TARGET",
            description = "The bridge's OpenFlow target for ovs-ofctl (default: unix:BR.mgmt beside SOCKET).")
    Optional<String> openflow = Optional.empty();

    /** What the audit log calls the change: the flows replaced in one bundle, then the fail mode. */
    static final String AUDIT_CALL = "openflow.replace_flows";

    private Policy parsed;

    @Override
    protected void validate() {
        parsed = PolicyFiles.load(policy);
    }

    @Override
    protected Report run(CloudContext context) {
        PoolView view = context.view();
        CompiledFlows flows = CompileCommand.compile(parsed, view);
        OvsApplier applier;
        try {
            applier = OvsApplier.onThisMachine();
        } catch (IllegalStateException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
        AuditTrail audit = context.audit(view);
        if (!dryRun) {
            audit.requireWritable();
        }
        OvsTarget target = OvsTarget.of(bridge, ovs, openflow);
        List<String> args = List.of(target.openflow(), flows.flows().size() + " flows", "fail mode " + parsed.failMode().ovsName());
        String reason = "firewall policy " + parsed.file();
        try {
            ApplyOutcome o = applier.apply(target, flows, parsed.failMode(), dryRun);
            if (!dryRun) {
                audit.done(AUDIT_CALL, args, bridge, reason);
            }
            return new ApplyReport(o.bridge(), o.applied(), o.flows(), o.failMode(), o.changes());
        } catch (OvsApplier.ApplyFailure e) {
            if (!dryRun) {
                audit.refused(AUDIT_CALL, args, bridge, reason, e.getMessage());
            }
            throw CommandFailure.refused(e.getMessage());
        }
    }
}
