package raypool.cloud.firewall.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.firewall.compile.CompiledFlows;
import raypool.cloud.firewall.compile.FlowCompiler;
import raypool.cloud.firewall.compile.PortMap;
import raypool.cloud.firewall.compile.PortMapCodec;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.xapi.InterfaceReader;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;
import raypool.files.AtomicFiles;
import raypool.xapi.connect.CommandFailure;

/** {@code firewall compile}: OpenFlow 1.3 flows for every VM interface of the pool, and the port map. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile the policy into OpenFlow 1.3 flows (ovs-ofctl add-flows syntax) for every VM interface of the pool, "
                + "a cookie per rule, and optionally the port map (which switch port is which interface).")
public final class CompileCommand extends CloudCommand {
    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy file (YAML or JSON).")
    Path policy;

    @Option(names = "--out", required = true, paramLabel = "FLOWS", description = "Where to write the flows.")
    Path out;

    @Option(names = "--ports", paramLabel = "PORTS.json", description = "Where to write the port map.")
    Optional<Path> ports = Optional.empty();

    private Policy parsed;

    @Override
    protected void validate() {
        parsed = PolicyFiles.load(policy);
    }

    @Override
    protected Report run(CloudContext context) {
        CompiledFlows flows = compile(parsed, context);
        try {
            AtomicFiles.writeString(out, flows.text());
            if (ports.isPresent()) {
                AtomicFiles.writeString(ports.get(), PortMapCodec.write(PortMap.of(flows.ports())));
            }
        } catch (IOException e) {
            throw CommandFailure.badInput("option --out/--ports: cannot write: " + e.getMessage());
        }
        return report(parsed, flows, out.toString(), ports.map(Path::toString).orElse(""));
    }

    static CompiledFlows compile(Policy policy, CloudContext context) {
        return compile(policy, context.view());
    }

    static CompiledFlows compile(Policy policy, PoolView view) {
        try {
            return FlowCompiler.compile(OrderedPolicy.of(policy), InterfaceReader.of(view));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badInput("option --policy: " + policy.file() + ": " + e.getMessage());
        }
    }

    static CompileReport report(Policy policy, CompiledFlows flows, String flowsFile, String portsFile) {
        return new CompileReport(flowsFile, portsFile, policy.effectiveRules().size(), flows.ports().size(), flows.flows().size(),
                flows.unmatchedTargets().stream().map(r -> r.origin() + ": " + r.level().word() + " '" + r.target().orElse("")
                        + "' is not in this pool: the rule compiles to no flow").toList());
    }
}
