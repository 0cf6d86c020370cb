package raypool.daemon.cli;

import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import raypool.xapi.connect.RemoteOptions;

/** The options that say which pool: a real one ({@code --url}) or the simulated pool started in-process. */
public final class PoolOptions {
    @Option(names = "--simulate", description = "Start the simulated pool in-process and use it.")
    boolean simulate;

    /** --url, --user, --password-file, --pin-sha256, --allow-plain-http. */
    @Mixin
    public RemoteOptions remote = new RemoteOptions();

    @Option(names = "--time-scale", paramLabel = "X",
            description = "--simulate: simulated seconds per real second (default: ${DEFAULT-VALUE}: a 1 s round is 5 simulated minutes).")
    double timeScale = 300;

    @Option(names = "--seed", paramLabel = "S", description = "--simulate: seed of the stand and its workload (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--hosts", paramLabel = "N", description = "--simulate: hosts (default: ${DEFAULT-VALUE}).")
    int hosts = 4;

    @Option(names = "--vms", paramLabel = "N", description = "--simulate: guest VMs (default: ${DEFAULT-VALUE}).")
    int vms = 40;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "--simulate: faults the simulated pool injects, KIND[:ARG]@WHEN,... with WHEN Ns (once, N s "
                    + "after start) or p=F (each call, probability F); kinds session-invalid, host-offline:HOST, "
                    + "http500, slow:MS, events-lost, task-fail[:CODE].")
    Optional<String> faults = Optional.empty();
}
