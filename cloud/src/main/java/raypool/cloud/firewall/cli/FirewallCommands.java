package raypool.cloud.firewall.cli;

import picocli.CommandLine.Command;

/** {@code cloud firewall ...}: the four-level firewall policy, checked, explained, compiled to Open vSwitch, applied. */
@Command(name = "firewall", mixinStandardHelpOptions = true,
        description = "Firewall policy: check a policy file, explain a decision, compile to OpenFlow, apply to a bridge.",
        subcommands = {
            CheckCommand.class,
            ExplainCommand.class,
            CompileCommand.class,
            ApplyCommand.class,
        })
public final class FirewallCommands {
}
