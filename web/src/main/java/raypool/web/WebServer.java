package raypool.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import raypool.web.auth.Authenticator;
import raypool.web.auth.Directory;
import raypool.web.auth.LoginLimiter;
import raypool.web.auth.PasswordHasher;
import raypool.web.auth.Sessions;
import raypool.web.dashboard.DashboardSource;
import raypool.web.http.WebApp;
import raypool.web.http.WebSettings;
import raypool.web.pool.PoolGateway;
import raypool.web.store.AuditStore;
import raypool.web.store.Database;
import raypool.web.store.SessionStore;
import raypool.web.store.Store;

/** Wires the service together over a database and a pool, and serves it. */
public final class WebServer implements AutoCloseable {
    /**
     * What to serve: the pool, the state, how, and the optional parts.
     *
     * @param connectors adds the listening connector(s) to the server configuration (plain or TLS)
     */
    public record Spec(PoolGateway pool, Database db, WebSettings settings, Optional<Directory> directory,
                       PasswordHasher.Cost hashCost, Clock clock, Consumer<JavalinConfig> connectors) {

        public static Spec of(PoolGateway pool, Database db) {
            return new Spec(pool, db, WebSettings.DEFAULTS, Optional.empty(), PasswordHasher.Cost.DEFAULT,
                    Clock.systemUTC(), c -> { });
        }

        public Spec withSettings(WebSettings s) {
            return new Spec(pool, db, s, directory, hashCost, clock, connectors);
        }

        public Spec withDirectory(Directory d) {
            return new Spec(pool, db, settings, Optional.of(d), hashCost, clock, connectors);
        }

        public Spec withHashCost(PasswordHasher.Cost c) {
            return new Spec(pool, db, settings, directory, c, clock, connectors);
        }

        public Spec withClock(Clock c) {
            return new Spec(pool, db, settings, directory, hashCost, c, connectors);
        }

        public Spec withConnectors(Consumer<JavalinConfig> c) {
            return new Spec(pool, db, settings, directory, hashCost, clock, c);
        }
    }

    private final Javalin app;
    private final Store store;
    private final AccessAdmin admin;
    private final PasswordHasher hasher;
    private final Clock clock;

    private WebServer(Javalin app, Store store, AccessAdmin admin, PasswordHasher hasher, Clock clock) {
        this.app = app;
        this.store = store;
        this.admin = admin;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Starts on {@code host:port} (0 = any free port). */
    public static WebServer start(Spec spec, DashboardSource dashboard, String host, int port) {
        Store store = new Store(spec.db());
        PasswordHasher hasher = new PasswordHasher(spec.hashCost());
        AuditStore audit = new AuditStore(spec.db());
        SelfService service = new SelfService(store, spec.pool(), audit, spec.clock());
        AccessAdmin admin = new AccessAdmin(store, spec.pool(), hasher, spec.clock());
        WebSettings s = spec.settings();
        Sessions sessions = new Sessions(new SessionStore(spec.db()), spec.clock(), s.sessionIdle(), s.sessionLifetime());
        LoginLimiter limiter = new LoginLimiter(s.loginFailures(), s.loginWindow(), spec.clock());
        Authenticator auth = new Authenticator(store, hasher, spec.directory(), spec.clock());
        Javalin app = WebApp.create(new WebApp.Parts(service, admin, auth, sessions, limiter, dashboard, s), config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            spec.connectors().accept(config);
        });
        app.start();
        return new WebServer(app, store, admin, hasher, spec.clock());
    }

    public int port() {
        return app.port();
    }

    /** The first start's administrator: added only when there are no users yet. Returns whether it was added. */
    public boolean ensureAdmin(String name, String password) {
        if (store.hasUsers()) {
            return false;
        }
        return store.addUser(new raypool.web.store.UserRecord(name, Optional.of(hasher.hash(password)), "local", true),
                clock.instant());
    }

    public AccessAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        app.stop();
    }
}
