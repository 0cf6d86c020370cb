package raypool.xapi.connect;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The command-line options that name a real pool master, one declaration for every command that talks to a
 * pool (the balancer daemon, the cloud operations, the web service): {@code --url URL --user U
 * --password-file F [--pin-sha256 P] [--allow-plain-http]}. A picocli mixin; {@code --simulate} and what a
 * simulated pool takes stay with each command.
 */
public final class RemoteOptions {
    @Option(names = "--url", paramLabel = "URL", description = "The pool master, e.g. https://xen-master.")
    public Optional<String> url = Optional.empty();

    @Option(names = "--user", paramLabel = "U", description = "XAPI user (default: ${DEFAULT-VALUE}).")
    public String user = "root";

    @Option(names = "--password-file", paramLabel = "F", description = "File whose first line is the password.")
    public Optional<Path> passwordFile = Optional.empty();

    @Option(names = "--pin-sha256", paramLabel = "FP",
            description = "SHA-256 fingerprint of the master's self-signed certificate (AB:CD:...); without it the JDK "
                    + "trust store decides.")
    public Optional<String> pin = Optional.empty();

    @Option(names = "--allow-plain-http",
            description = "Accept an http:// URL that is not on this machine (the password then crosses the network in clear).")
    public boolean allowPlainHttp;

    /** The master these options name; {@code --url} must have been given. */
    public RemoteTarget target() {
        return new RemoteTarget(url.orElseThrow(), user, passwordFile, pin, allowPlainHttp);
    }
}
