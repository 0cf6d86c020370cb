package raypool.web.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.web.WebFixture;
import raypool.web.WebServer;
import raypool.web.http.WebSettings;

/** --tls: HTTPS with a self-signed certificate kept in the data folder; the session cookie is Secure. */
class TlsTest {
    @TempDir
    Path data;

    @Test
    void servesHttpsWithTheKeptCertificateAndSecureCookies() throws Exception {
        try (WebFixture fx = new WebFixture(2, WebSettings.DEFAULTS.withTls(true), Clock.systemUTC()) {
            @Override
            protected WebServer.Spec spec(WebServer.Spec base) {
                return base.withConnectors(SelfSigned.connector(data, "127.0.0.1", 0));
            }
        }) {
            Path p12 = data.resolve("tls.p12");
            assertTrue(Files.exists(p12), "the certificate is kept in the data folder");
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, SelfSigned.STORE_PASSWORD.toCharArray());
            }
            X509Certificate cert = (X509Certificate) ks.getCertificate("web");
            assertEquals("CN=raypool web", cert.getSubjectX500Principal().getName());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("web", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + fx.server.port() + "/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String set = r.headers().allValues("Set-Cookie").getFirst().toLowerCase();
            assertTrue(set.contains("secure") && set.contains("httponly") && set.contains("samesite=strict"), set);
            assertEquals(cert, SelfSigned.loadOrCreate(p12, "127.0.0.1").getCertificate("web"), "a restart keeps the certificate");
        }
    }
}
