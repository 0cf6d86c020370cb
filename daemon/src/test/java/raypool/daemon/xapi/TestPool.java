package raypool.daemon.xapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;

/** The simulated pool's default stand on 127.0.0.1 with a free port (and TLS when given), for command tests. */
public final class TestPool implements AutoCloseable {
    public static final String USER = "root";
    public static final String PASSWORD = "secret";

    public final SimServer server;

    private TestPool(SimServer server) {
        this.server = server;
    }

    public static TestPool start(double timeScale) {
        return start(timeScale, Optional.empty());
    }

    public static TestPool start(double timeScale, Optional<SSLContext> tls) {
        SimConfig config = SimConfig.defaultStand(USER, PASSWORD).withTimeScale(timeScale);
        try {
            return new TestPool(SimServer.start(SimPool.create(config), 0, tls, Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SimPool pool() {
        return server.pool();
    }

    @Override
    public void close() {
        server.close();
    }
}
