package raypool.daemon.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.DaemonConfig;
import raypool.daemon.PoolState;
import raypool.daemon.cli.MemberTrustAccess;
import raypool.xapi.client.TlsPolicy;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;

/**
 * Members' metrics are read with each member's own trust. The simulated pool serves HTTPS with a
 * self-signed certificate; the master is reached as {@code localhost} with its pin, and the members
 * answer at their address, 127.0.0.1, which the reader asks over a connection of its own: the JDK's
 * trust store refuses the certificate there (the master's pin is not reused), and the pin configured
 * for the member is accepted.
 */
@Timeout(60)
class MemberTrustTest {
    @TempDir
    Path dir;

    private record Tls(SSLContext context, String pin) {
    }

    private Tls selfSigned() throws Exception {
        Path store = dir.resolve("pool.p12");
        String pass = "storepass";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "xapi", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=pool",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "1", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", pass).redirectErrorStream(true).start();
        String log = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, log);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, pass.toCharArray());
        }
        byte[] der = keys.getCertificate("xapi").getEncoded();
        String pin = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, pass.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return new Tls(context, pin);
    }

    @Test
    void eachMemberIsReadWithItsOwnTrust() throws Exception {
        Tls tls = selfSigned();
        SimConfig stand = SimConfig.defaultStand(TestPool.USER, TestPool.PASSWORD);
        try (SimServer server = SimServer.start(SimPool.create(stand), 0, Optional.of(tls.context()),
                Optional.empty())) {
            URI master = URI.create("https://localhost:" + server.port());
            XapiSettings settings = XapiSettings.of(master, TestPool.USER, TestPool.PASSWORD)
                    .withTls(TlsPolicy.PinnedSha256.parse(tls.pin()));
            try (XapiClient client = XapiClient.login(settings)) {
                DaemonConfig none = DaemonConfig.defaults();
                PoolState untrusted = new XapiPoolReader(client, true,
                        (name, address) -> MemberTrustAccess.memberTrust(none, name, address)).read();
                assertTrue(untrusted.hosts().stream().allMatch(h -> h.metricsProblem().isPresent()),
                        "the master's pin is not the members' trust");
                String problem = untrusted.hosts().getFirst().metricsProblem().orElseThrow();
                assertTrue(problem.contains("127.0.0.1") && problem.contains("could not be read"), problem);

                DaemonConfig pinned = DaemonConfig.defaults().with("host-pin.127.0.0.1", tls.pin());
                PoolState trusted = new XapiPoolReader(client, true,
                        (name, address) -> MemberTrustAccess.memberTrust(pinned, name, address)).read();
                assertTrue(trusted.hosts().stream().allMatch(h -> h.metricsProblem().isEmpty()),
                        trusted.hosts().toString());
                assertFalse(trusted.vms().getFirst().cpu().isEmpty());

                DaemonConfig byName = DaemonConfig.defaults().with("host-pin.host-1", tls.pin());
                PoolState named = new XapiPoolReader(client, true,
                        (name, address) -> MemberTrustAccess.memberTrust(byName, name, address)).read();
                assertEquals(0, named.hosts().stream().filter(h -> h.metricsProblem().isPresent()).count(),
                        "a pin by the member's name label");
            }
        }
    }
}
