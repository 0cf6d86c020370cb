package raypool.cloud.network;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.firewall.cli.PolicyFiles;
import raypool.cloud.plan.Plan;
import raypool.cloud.report.Report;
import raypool.cloud.view.NetworkView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;

/** {@code cloud network ...}: private networks across the pool's hosts, and VMs on them. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Private networks (GRE tunnels on each host's management interface) and VM interfaces.",
        subcommands = {NetworkCommands.CreatePrivate.class, NetworkCommands.ListNetworks.class, NetworkCommands.Attach.class,
            NetworkCommands.Detach.class})
public final class NetworkCommands {

    @Command(name = "create-private", mixinStandardHelpOptions = true,
            description = "network.create, then tunnel.create on every host's management PIF (only what is missing).")
    static final class CreatePrivate extends ChangeCommand {
        @Parameters(paramLabel = "NAME", description = "The network's name label.")
        String name;

        @Override
        protected void validate() {
            if (name.isBlank()) {
                throw raypool.xapi.connect.CommandFailure.badInput("NAME: the network needs a non-empty name");
            }
        }

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(NetworkDecider.createPrivate(view, name), dryRun);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Networks, their tunnels per host, and the VMs attached with their addresses; with --policy, "
                    + "the firewall rules that apply on each network in first-match order.")
    static final class ListNetworks extends CloudCommand {
        @Option(names = "--policy", paramLabel = "FILE", description = "A firewall policy file (YAML or JSON).")
        Optional<Path> policy = Optional.empty();

        @Override
        protected Report run(CloudContext context) {
            return NetworkList.of(context.view(), policy.map(PolicyFiles::load));
        }
    }

    /** A VM and a network, the two operands of attach and detach. */
    abstract static class VmAndNetwork extends ChangeCommand {
        @Parameters(index = "0", paramLabel = "VM", description = "The VM's name label or UUID.")
        String vm;

        @Parameters(index = "1", paramLabel = "NETWORK", description = "The network's name label or UUID.")
        String network;

        /** The plan for this VM and network. */
        abstract Plan plan(PoolView view, VmView vm, NetworkView network);

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(plan(view, Selectors.vm(view, vm, "VM"), Selectors.network(view, network, "NETWORK")),
                    dryRun);
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true, description = "Give a VM an interface on a network.")
    static final class Attach extends VmAndNetwork {
        @Override
        Plan plan(PoolView view, VmView vm, NetworkView network) {
            return NetworkDecider.attach(view, vm, network);
        }
    }

    @Command(name = "detach", mixinStandardHelpOptions = true, description = "Take a VM's interface off a network.")
    static final class Detach extends VmAndNetwork {
        @Override
        Plan plan(PoolView view, VmView vm, NetworkView network) {
            return NetworkDecider.detach(view, vm, network);
        }
    }
}
