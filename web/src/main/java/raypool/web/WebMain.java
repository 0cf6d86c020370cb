package raypool.web;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raypool.daemon.DaemonConfig;
import raypool.daemon.cli.PoolConnection;
import raypool.daemon.cli.PoolOptions;
import raypool.web.dashboard.PoolDashboard;
import raypool.web.http.WebSettings;
import raypool.web.pool.XapiPoolGateway;
import raypool.web.store.AuditStore;
import raypool.web.store.Database;
import raypool.web.tls.SelfSigned;
import raypool.xapi.client.PasswordFiles;

/** {@code ./scripts/web}: the browser pages and JSON API over a simulated or real pool. */
@Command(name = "web", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve per-VM access, self-service and the pool dashboard in the browser, and the JSON API.")
public final class WebMain implements java.util.concurrent.Callable<Integer> {
    @Mixin
    PoolOptions pool;

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free one).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the service's database (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("web-data");

    @Option(names = "--admin-password-file", paramLabel = "F",
            description = "First start: the password of user admin (else one is generated and printed once).")
    Optional<Path> adminPasswordFile = Optional.empty();

    @Option(names = "--tls", description = "Serve HTTPS with a self-signed certificate kept in the data folder.")
    boolean tls;

    @Mixin
    LdapOptions ldap;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command; bad options or files give one line on {@code err} and exit status 2. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new WebMain());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("web: " + e.getMessage());
            return 2;
        });
        cmd.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof CommandLine.ParameterException pe) {
                c.getErr().println("web: " + pe.getMessage());
                return 2;
            }
            c.getErr().println("web: " + e.getMessage());
            return 1;
        });
        return cmd.execute(args);
    }

    static String password(CommandLine cmd, String option, Path file) {
        try {
            return PasswordFiles.read(file);
        } catch (PasswordFiles.UnreadablePasswordException e) {
            throw new CommandLine.ParameterException(cmd, "option " + option + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        PrintWriter out = cmd.getOut();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(cmd, "option --port: must be 0..65535, got " + port);
        }
        String adminPassword = adminPasswordFile.map(f -> password(cmd, "--admin-password-file", f)).orElse("");
        if (adminPasswordFile.isPresent() && adminPassword.length() < 8) {
            throw new CommandLine.ParameterException(cmd, "option --admin-password-file: the password must have at least 8 characters");
        }
        Files.createDirectories(data);
        Optional<raypool.web.auth.Directory> directory = ldap.directory(cmd);
        try (PoolConnection connection = PoolConnection.open(pool, cmd, DaemonConfig.defaults(), Optional.empty(), out);
             Database db = Database.open(data)) {
            Clock clock = Clock.systemUTC();
            PoolDashboard dashboard = new PoolDashboard(connection.client, new AuditStore(db), clock);
            WebServer.Spec s = WebServer.Spec.of(new XapiPoolGateway(connection.client), db)
                    .withSettings(WebSettings.DEFAULTS.withTls(tls)).withClock(clock);
            if (directory.isPresent()) {
                s = s.withDirectory(directory.get());
            }
            if (tls) {
                s = s.withConnectors(SelfSigned.connector(data, bind, port));
            }
            try (WebServer server = WebServer.start(s, dashboard, bind, port)) {
                int actual = tls ? server.port() : server.port();
                String scheme = tls ? "https" : "http";
                boolean generated = adminPasswordFile.isEmpty();
                String password = generated ? PasswordFiles.generated() : adminPassword;
                boolean created = server.ensureAdmin("admin", password);
                out.println("raypool web: " + scheme + "://" + bind + ":" + actual + "/");
                if (created) {
                    out.println("admin user: admin");
                    if (generated) {
                        out.println("admin password (shown once): " + password);
                    }
                } else {
                    out.println("users kept from " + data.toAbsolutePath());
                }
                out.flush();
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                timer.scheduleWithFixedDelay(() -> {
                    try {
                        dashboard.refresh();
                    } catch (RuntimeException e) {
                        System.getLogger(WebMain.class.getName()).log(System.Logger.Level.WARNING,
                                "dashboard refresh failed: " + e.getMessage());
                    }
                }, 0, Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
                new CountDownLatch(1).await();
                return 0;
            }
        }
    }
}
