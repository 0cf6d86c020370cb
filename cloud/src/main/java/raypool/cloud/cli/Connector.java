package raypool.cloud.cli;

import raypool.xapi.client.PasswordFiles;
import raypool.xapi.connect.CommandFailure;
import raypool.xapi.connect.RemotePool;
import raypool.xapi.sim.Scenario;

/** Opens the pool the connection options name: exactly one of --simulate and --url. */
final class Connector {
    private final CloudMain options;

    Connector(CloudMain options) {
        this.options = options;
    }

    RemotePool open() {
        if (options.simulate == options.remote.url.isPresent()) {
            throw CommandFailure.badInput("option " + (options.simulate ? "--url" : "--simulate")
                    + ": give either --simulate or --url (exactly one), before the command");
        }
        if (options.simulate) {
            Scenario scenario = Scenario.byLabel(options.scenario).orElseThrow(() -> CommandFailure.badInput(
                    "option --scenario: no scenario '" + options.scenario + "' (one of: " + Scenario.labels() + ")"));
            String password = options.remote.passwordFile.map(RemotePool::readPassword).orElseGet(PasswordFiles::generated);
            return RemotePool.simulated(scenario.build(options.remote.user, password, CloudDefaults.SIMULATED_TIME_SCALE),
                    options.remote.user, password);
        }
        if (!options.scenario.equals(Scenario.DEFAULT.label())) {
            throw CommandFailure.badInput("option --scenario: only a simulated pool has scenarios (give --simulate)");
        }
        return RemotePool.open(options.remote.target());
    }
}
