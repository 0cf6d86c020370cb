package raypool.daemon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import raypool.daemon.DaemonConfig;
import raypool.xapi.client.PasswordFiles;
import raypool.xapi.client.TlsPolicy;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.client.XapiTransportException;
import raypool.xapi.connect.CommandFailure;
import raypool.xapi.connect.LoginFailures;
import raypool.xapi.sim.FaultSpec;
import raypool.xapi.sim.SimClock;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;
import raypool.xapi.sim.TraceWorkload;

/**
 * A logged-in session on the pool the options name: the simulated pool, started here, or a real
 * master. A real pool's URL must be https, or http on this machine unless {@code --allow-plain-http}
 * (the password would cross the network in clear). A login that fails says why in one line naming the
 * URL and user; a transient failure (refused connection, timeout, HTTP 5xx) is tried again with backoff
 * until {@code retryFor} runs out, when there is one.
 */
public final class PoolConnection implements AutoCloseable {
    public final XapiClient client;
    public final Optional<SimServer> sim;

    private PoolConnection(XapiClient client, Optional<SimServer> sim) {
        this.client = client;
        this.sim = sim;
    }

    public boolean simulated() {
        return sim.isPresent();
    }

    static CommandLine.ParameterException bad(CommandLine cmd, String option, String message) {
        return new CommandLine.ParameterException(cmd, "option " + option + ": " + message);
    }

    public static PoolConnection open(PoolOptions o, CommandLine cmd, DaemonConfig config, Optional<Duration> retryFor,
                               PrintWriter out) throws IOException, InterruptedException {
        return open(o, cmd, config, retryFor, out, Duration.ZERO);
    }

    /** @param surgeAgo with --simulate: how long before now the surge's calm start was (a one-off plan wants the surge on) */
    static PoolConnection open(PoolOptions o, CommandLine cmd, DaemonConfig config, Optional<Duration> retryFor,
                               PrintWriter out, Duration surgeAgo) throws IOException, InterruptedException {
        if (o.simulate == o.remote.url.isPresent()) {
            throw bad(cmd, o.simulate ? "--url" : "--simulate", "give either --simulate or --url (exactly one)");
        }
        if (o.faults.isPresent() && !o.simulate) {
            throw bad(cmd, "--faults", "only the simulated pool injects faults (give --simulate)");
        }
        if (o.simulate) {
            return simulated(o, cmd, out, surgeAgo);
        }
        XapiSettings settings = settings(o, cmd);
        return new PoolConnection(login(o, settings, retryFor, out), Optional.empty());
    }

    private static PoolConnection simulated(PoolOptions o, CommandLine cmd, PrintWriter out, Duration surgeAgo)
            throws IOException {
        if (!(o.timeScale > 0) || o.timeScale > 100_000) {
            throw bad(cmd, "--time-scale", "must be above 0 and at most 100000, got " + o.timeScale);
        }
        if (o.hosts < 1 || o.hosts > 256) {
            throw bad(cmd, "--hosts", "must be 1..256, got " + o.hosts);
        }
        if (o.vms < 0 || o.vms > 10_000) {
            throw bad(cmd, "--vms", "must be 0..10000, got " + o.vms);
        }
        String password = o.remote.passwordFile.map(f -> readPassword(cmd, f, "")).orElseGet(PasswordFiles::generated);
        FaultSpec faults = FaultSpec.none();
        if (o.faults.isPresent()) {
            try {
                faults = FaultSpec.parse(o.faults.get());
                List<String> hostNames = new ArrayList<>();
                for (int i = 1; i <= o.hosts; i++) {
                    hostNames.add("host-" + i);
                }
                faults.requireHosts(hostNames);
            } catch (IllegalArgumentException e) {
                throw bad(cmd, "--faults", e.getMessage());
            }
        }
        SimConfig simConfig = SimConfig.defaultStand(o.remote.user, password).withSeed(o.seed).withHosts(o.hosts)
                .withVms(o.vms).withTimeScale(o.timeScale).withFaults(faults);
        SimClock clock = new SimClock.Scaled(o.timeScale);
        SimPool pool = new SimPool(simConfig, clock, new SurgeWorkload(
                TraceWorkload.synthetic(o.seed, o.vms, clock.nowMillis()), clock.nowMillis() - surgeAgo.toMillis()));
        SimServer server = SimServer.start(pool, 0);
        out.println("simulated pool: " + o.hosts + " hosts, " + o.vms + " VMs, time x" + o.timeScale + " at "
                + server.url() + " (user " + o.remote.user + ")" + (faults.isEmpty() ? "" : ", faults " + faults));
        XapiSettings settings = XapiSettings.of(server.url(), o.remote.user, password).withTaskPoll(Duration.ofMillis(50));
        try {
            return new PoolConnection(XapiClient.login(settings), Optional.of(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static XapiSettings settings(PoolOptions o, CommandLine cmd) {
        URI uri;
        try {
            uri = new URI(o.remote.url.get());
        } catch (URISyntaxException e) {
            throw bad(cmd, "--url", "'" + o.remote.url.get() + "' is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw bad(cmd, "--url", "'" + o.remote.url.get() + "' must be https://host (or http://host)");
        }
        if ("http".equals(uri.getScheme()) && !o.remote.allowPlainHttp && !loopback(uri.getHost())) {
            throw bad(cmd, "--url", "plain HTTP to " + uri.getHost() + " would send the password of " + o.remote.user
                    + " in clear; use https:// (with --pin-sha256 for a self-signed certificate), "
                    + "or give --allow-plain-http");
        }
        if (o.remote.passwordFile.isEmpty()) {
            throw bad(cmd, "--password-file", "--url needs --password-file (the password is never taken on the command line)");
        }
        String password = readPassword(cmd, o.remote.passwordFile.get(), " (the password of " + o.remote.user + " on " + o.remote.url.get() + ")");
        XapiSettings settings = XapiSettings.of(uri, o.remote.user, password);
        if (o.remote.pin.isPresent()) {
            try {
                settings = settings.withTls(TlsPolicy.PinnedSha256.parse(o.remote.pin.get()));
            } catch (IllegalArgumentException e) {
                throw bad(cmd, "--pin-sha256", e.getMessage());
            }
        }
        return settings;
    }

    /** 127.0.0.0/8, ::1 or a name for them: traffic that never leaves this machine. */
    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;   // a name other than localhost: never resolved here, it could point anywhere
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Logs in; a transient failure is tried again with doubling waits while {@code retryFor} lasts. */
    private static XapiClient login(PoolOptions o, XapiSettings settings, Optional<Duration> retryFor,
                                    PrintWriter out) throws InterruptedException {
        String who = "cannot log in to " + o.remote.url.get() + " as " + o.remote.user + ": ";
        long deadline = retryFor.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MIN_VALUE);
        long waitMillis = 1000;
        while (true) {
            LoginFailures.Failure failure;
            try {
                return XapiClient.login(settings);
            } catch (XapiTransportException e) {
                failure = LoginFailures.transport(e, o.remote.pin.isPresent());
            } catch (XapiError e) {
                failure = LoginFailures.refused(e, o.remote.passwordFile.orElse(Path.of("?")));
            }
            if (!failure.transientFault()) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, who + failure.message());
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (retryFor.isEmpty() || left <= 0) {
                throw new CommandFailure(CommandFailure.POOL_REFUSED, who + failure.message()
                        + (retryFor.isPresent() ? " (tried until --duration ran out)" : ""));
            }
            long wait = Math.min(waitMillis, left);
            out.println(who + failure.message() + "; trying again in " + wait / 1000.0 + " s");
            out.flush();
            Thread.sleep(wait);
            waitMillis = Math.min(waitMillis * 2, 60_000);
        }
    }

    public static String readPassword(CommandLine cmd, Path file, String whose) {
        try {
            return PasswordFiles.read(file);
        } catch (PasswordFiles.UnreadablePasswordException e) {
            throw bad(cmd, "--password-file", e.getMessage() + whose);
        }
    }

    /** The TLS policy for a pool member: its pin from the configuration (by name or address), or system trust. */
    static TlsPolicy memberTrust(DaemonConfig config, String name, String address) {
        String pin = config.hostPins().getOrDefault(name, config.hostPins().get(address));
        return pin == null ? new TlsPolicy.SystemTrust() : TlsPolicy.PinnedSha256.parse(pin);
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
