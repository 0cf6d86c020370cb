package raypool.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import raypool.web.auth.PasswordHasher;
import raypool.web.dashboard.PoolDashboard;
import raypool.web.http.WebSettings;
import raypool.web.pool.PoolView;
import raypool.web.pool.XapiPoolGateway;
import raypool.web.store.AuditStore;
import raypool.web.store.Database;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;

/** A simulated pool, the web service over it with a private in-memory database, and an HTTP client. */
public class WebFixture implements AutoCloseable {
    private static final AtomicInteger DB = new AtomicInteger();
    /** Cheap hashes in tests: the cost is a parameter, the algorithm is the same. */
    public static final PasswordHasher.Cost TEST_COST = new PasswordHasher.Cost(256, 1, 1);
    public static final String ADMIN_PASSWORD = "admin-password-1";

    public final SimServer sim;
    public final XapiClient client;
    public final Database db;
    public final WebServer server;
    public final XapiPoolGateway gateway;
    public final PoolDashboard dashboard;
    private final HttpClient http = HttpClient.newHttpClient();

    public WebFixture(int vms, WebSettings settings, Clock clock) throws Exception {
        SimConfig config = SimConfig.defaultStand("root", "pool-secret").withVms(vms).withHosts(3).withTimeScale(60);
        sim = SimServer.start(SimPool.create(config), 0);
        client = XapiClient.login(XapiSettings.of(sim.url(), "root", "pool-secret"));
        db = Database.inMemory("web" + DB.incrementAndGet());
        gateway = new XapiPoolGateway(client);
        dashboard = new PoolDashboard(client, new AuditStore(db), clock);
        server = WebServer.start(spec(WebServer.Spec.of(gateway, db).withSettings(settings).withHashCost(TEST_COST)
                .withClock(clock)), dashboard, "127.0.0.1", 0);
        server.ensureAdmin("admin", ADMIN_PASSWORD);
    }

    /** Subclasses add parts (a directory, TLS). */
    protected WebServer.Spec spec(WebServer.Spec base) {
        return base;
    }

    public static WebFixture start(int vms) throws Exception {
        return new WebFixture(vms, WebSettings.DEFAULTS.withLiveInterval(java.time.Duration.ofMillis(300)), Clock.systemUTC());
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public PoolView pool() {
        return gateway.read();
    }

    public HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String login(String user, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/api/login", null, Api.json(Map.of("user", user, "password", password)));
        if (r.statusCode() != 200) {
            throw new AssertionError("login " + user + ": " + r.statusCode() + " " + r.body());
        }
        return Api.read(r.body()).get("token").asText();
    }

    @Override
    public void close() {
        server.close();
        client.close();
        sim.close();
        db.close();
    }
}
