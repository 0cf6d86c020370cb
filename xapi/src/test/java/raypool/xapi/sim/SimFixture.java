package raypool.xapi.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import raypool.xapi.client.HostMetricsRecord;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.Ref;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;

/** A simulated pool served on 127.0.0.1 with a free port, for tests. */
public final class SimFixture implements AutoCloseable {
    public static final String USER = "root";
    public static final String PASSWORD = "secret";
    public static final String READ_ONLY_USER = "auditor";

    public final SimServer server;

    private SimFixture(SimServer server) {
        this.server = server;
    }

    /** The default stand; {@code timeScale} simulated seconds per real second. */
    public static SimFixture start(double timeScale) {
        return start(timeScale, Optional.empty());
    }

    public static SimFixture start(double timeScale, Optional<SSLContext> tls) {
        SimConfig config = SimConfig.defaultStand(USER, PASSWORD).withTimeScale(timeScale)
                .withUser(new SimUser(READ_ONLY_USER, PASSWORD, SimUser.Role.READ_ONLY));
        try {
            return new SimFixture(SimServer.start(SimPool.create(config), 0, tls, Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SimPool pool() {
        return server.pool();
    }

    public Faults faults() {
        return server.faults();
    }

    public XapiSettings settings() {
        return XapiSettings.of(server.url(), USER, PASSWORD).withTaskPoll(Duration.ofMillis(20));
    }

    public XapiClient login() {
        return XapiClient.login(settings());
    }

    /** A running guest VM and a live host with room for it that is not its own. */
    public record Move(VmRecord vm, HostRecord target) {
    }

    public static Move smallestMove(PoolApi api) {
        Map<Ref, HostRecord> hosts = api.hosts();
        Map<Ref, HostMetricsRecord> metrics = api.hostMetrics();
        String localDisk = localDiskVmName(api);
        return api.vms().values().stream().filter(VmRecord::isMovableGuest)
                .filter(v -> !v.nameLabel().equals(localDisk))
                .sorted(Comparator.comparingLong(VmRecord::memoryStaticMax))
                .flatMap(v -> hosts.values().stream()
                        .filter(h -> !h.ref().equals(v.residentOn()))
                        .filter(h -> metrics.get(h.metrics()).memoryFree() >= v.memoryStaticMax())
                        .map(h -> new Move(v, h)))
                .findFirst().orElseThrow();
    }

    /** The stand's guest with a disk on local storage (the last but one). */
    public static String localDiskVmName(PoolApi api) {
        return api.vms().values().stream().filter(v -> !v.isControlDomain()).map(VmRecord::nameLabel)
                .sorted().toList().reversed().get(1);
    }

    @Override
    public void close() {
        server.close();
    }
}
