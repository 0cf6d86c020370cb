package raypool.cloud.network;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;

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
            description = "Networks, their tunnels per host, and the VMs attached with their addresses.")
    static final class ListNetworks extends CloudCommand {
        @Override
        protected Report run(CloudContext context) {
            return NetworkList.of(context.view());
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true, description = "Give a VM an interface on a network.")
    static final class Attach extends ChangeCommand {
        @Parameters(index = "0", paramLabel = "VM", description = "The VM's name label or UUID.")
        String vm;

        @Parameters(index = "1", paramLabel = "NETWORK", description = "The network's name label or UUID.")
        String network;

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(NetworkDecider.attach(view, Selectors.vm(view, vm, "VM"),
                    Selectors.network(view, network, "NETWORK")), dryRun);
        }
    }

    @Command(name = "detach", mixinStandardHelpOptions = true, description = "Take a VM's interface off a network.")
    static final class Detach extends ChangeCommand {
        @Parameters(index = "0", paramLabel = "VM", description = "The VM's name label or UUID.")
        String vm;

        @Parameters(index = "1", paramLabel = "NETWORK", description = "The network's name label or UUID.")
        String network;

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(NetworkDecider.detach(view, Selectors.vm(view, vm, "VM"),
                    Selectors.network(view, network, "NETWORK")), dryRun);
        }
    }
}
