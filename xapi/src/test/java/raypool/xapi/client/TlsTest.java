package raypool.xapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.xapi.sim.SimFixture;

/** The simulated pool over HTTPS with a self-signed certificate made by keytool, as a XAPI host has. */
class TlsTest {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static SimFixture sim;
    private static String fingerprint;

    @BeforeAll
    static void serveHttpsWithASelfSignedCertificate() throws Exception {
        Path store = dir.resolve("xapi-ssl.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "xapi", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=xapi-sim", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + output);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        fingerprint = TlsPolicy.sha256Hex((X509Certificate) keys.getCertificate("xapi"));
        sim = SimFixture.start(100, Optional.of(context));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void pinnedFingerprintIsAccepted() {
        try (XapiClient client = XapiClient.login(sim.settings().withTls(TlsPolicy.PinnedSha256.parse(fingerprint)))) {
            assertEquals("https", client.endpoint().getScheme());
            assertEquals(4, client.call("host.get_all").size());
        }
    }

    @Test
    void anyOtherFingerprintIsRejected() {
        byte[] wrong = HexFormat.of().parseHex(fingerprint.replace(":", ""));
        wrong[0] ^= 1;
        XapiTransportException e = assertThrows(XapiTransportException.class,
                () -> XapiClient.login(sim.settings().withTls(new TlsPolicy.PinnedSha256(wrong))));
        assertInstanceOf(SSLHandshakeException.class, e.getCause());
        assertEquals(0, sim.pool().openSessions());
    }

    @Test
    void withoutAPinTheSelfSignedCertificateIsNotTrusted() {
        XapiTransportException e = assertThrows(XapiTransportException.class,
                () -> XapiClient.login(sim.settings().withTls(new TlsPolicy.SystemTrust())));
        assertInstanceOf(SSLHandshakeException.class, e.getCause());
    }

    @Test
    void pinsParseInOpensslAndPlainHexForms() {
        String plain = fingerprint.replace(":", "").toLowerCase();
        assertEquals(fingerprint, TlsPolicy.PinnedSha256.parse(plain).hex());
        assertEquals(fingerprint, TlsPolicy.PinnedSha256.parse("sha256/" + fingerprint).hex());
        for (String bad : List.of("", "AB:CD", "zz" + plain.substring(2))) {
            assertThrows(IllegalArgumentException.class, () -> TlsPolicy.PinnedSha256.parse(bad));
        }
    }
}
