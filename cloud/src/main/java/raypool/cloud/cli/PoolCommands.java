package raypool.cloud.cli;

import picocli.CommandLine.Command;
import raypool.cloud.pool.PoolChangeCommands;
import raypool.cloud.pool.PoolStatusCommand;

/** {@code cloud pool ...}: the pool itself. */
@Command(name = "pool", mixinStandardHelpOptions = true, description = "The pool: status, create, join, eject.",
        subcommands = {
            PoolStatusCommand.class,
            PoolChangeCommands.Create.class,
            PoolChangeCommands.Join.class,
            PoolChangeCommands.Eject.class,
        })
final class PoolCommands {
}
