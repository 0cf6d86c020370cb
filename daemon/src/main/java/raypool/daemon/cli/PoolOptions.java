package raypool.daemon.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say which pool: a real one ({@code --url}) or the simulated pool started in-process. */
public final class PoolOptions {
    @Option(names = "--simulate", description = "Start the simulated pool in-process and use it.")
    boolean simulate;

    @Option(names = "--url", paramLabel = "URL", description = "The pool master, e.g. https://xen-master.")
    Optional<String> url = Optional.empty();

    @Option(names = "--user", paramLabel = "U", description = "XAPI user (default: ${DEFAULT-VALUE}).")
    String user = "root";

    @Option(names = "--password-file", paramLabel = "F", description = "File whose first line is the password.")
    Optional<Path> passwordFile = Optional.empty();

    @Option(names = "--pin-sha256", paramLabel = "FP",
            description = "SHA-256 fingerprint of the master's self-signed certificate (AB:CD:...); without it the JDK "
                    + "trust store decides. Members: host-pin.NAME in the configuration.")
    Optional<String> pin = Optional.empty();

    @Option(names = "--allow-plain-http",
            description = "Accept an http:// URL that is not on this machine (the password then crosses the network in clear).")
    boolean allowPlainHttp;

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
