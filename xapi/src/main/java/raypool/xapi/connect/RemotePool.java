package raypool.xapi.connect;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import raypool.xapi.client.PasswordFiles;
import raypool.xapi.client.TlsPolicy;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.client.XapiTransportException;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;

/**
 * A logged-in session on a pool, from what a command line gives: a real master ({@link RemoteTarget}),
 * or a simulated pool served here on 127.0.0.1. Every way a login can fail ends as one
 * {@link CommandFailure} line that names the URL and user: exit 2 for what the user can fix (an option,
 * the password file, an unknown host, a certificate), exit 1 when the pool itself failed.
 */
public final class RemotePool implements AutoCloseable {
    private final XapiClient client;
    private final Optional<SimServer> sim;

    private RemotePool(XapiClient client, Optional<SimServer> sim) {
        this.client = client;
        this.sim = sim;
    }

    public XapiClient client() {
        return client;
    }

    /** The simulated pool's server, when this session is on one. */
    public Optional<SimServer> sim() {
        return sim;
    }

    /** Serves {@code pool} on a free port of 127.0.0.1 and logs in as {@code user}. */
    public static RemotePool simulated(SimPool pool, String user, String password) {
        SimServer server;
        try {
            server = SimServer.start(pool, 0);
        } catch (java.io.IOException e) {
            throw CommandFailure.refused("cannot start the simulated pool: " + e.getMessage());
        }
        try {
            XapiSettings settings = XapiSettings.of(server.url(), user, password).withTaskPoll(Duration.ofMillis(20));
            return new RemotePool(login(settings, server.url().toString(), Optional.empty(), false), Optional.of(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Checks the options, reads the password file and logs in to the master {@code target} names. */
    public static RemotePool open(RemoteTarget target) {
        URI uri;
        try {
            uri = new URI(target.url());
        } catch (URISyntaxException e) {
            throw CommandFailure.badInput("option --url: '" + target.url() + "' is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw CommandFailure.badInput("option --url: '" + target.url() + "' must be https://host (or http://host)");
        }
        if ("http".equals(uri.getScheme()) && !target.allowPlainHttp() && !loopback(uri.getHost())) {
            throw CommandFailure.badInput("option --url: plain HTTP to " + uri.getHost() + " would send the password of "
                    + target.user() + " in clear; use https:// (with --pin-sha256 for a self-signed certificate)");
        }
        Path file = target.passwordFile().orElseThrow(() -> CommandFailure.badInput(
                "option --password-file: --url needs --password-file (the password is never taken on the command line)"));
        String password = readPassword(file);
        XapiSettings settings = XapiSettings.of(uri, target.user(), password);
        if (target.pin().isPresent()) {
            try {
                settings = settings.withTls(TlsPolicy.PinnedSha256.parse(target.pin().get()));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.badInput("option --pin-sha256: " + e.getMessage());
            }
        }
        return new RemotePool(login(settings, target.url(), Optional.of(file), target.pin().isPresent()), Optional.empty());
    }

    /** The first line of {@code file}; a missing or empty file is bad input that names it. */
    public static String readPassword(Path file) {
        try {
            return PasswordFiles.read(file);
        } catch (PasswordFiles.UnreadablePasswordException e) {
            throw CommandFailure.badInput("option --password-file: " + e.getMessage());
        }
    }

    private static XapiClient login(XapiSettings settings, String url, Optional<Path> passwordFile, boolean pinned) {
        String who = "cannot log in to " + url + " as " + settings.user() + ": ";
        LoginFailures.Failure failure;
        try {
            return XapiClient.login(settings);
        } catch (XapiTransportException e) {
            failure = LoginFailures.transport(e, pinned);
        } catch (XapiError e) {
            failure = LoginFailures.refused(e, passwordFile.orElse(Path.of("(the simulated pool's password)")));
        }
        throw new CommandFailure(failure.transientFault() ? CommandFailure.POOL_REFUSED : CommandFailure.BAD_INPUT,
                who + failure.message());
    }

    /** 127.0.0.0/8, ::1 or localhost: traffic that never leaves this machine. */
    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            sim.ifPresent(SimServer::close);
        }
    }
}
