package raypool.web.tls;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import raypool.files.AtomicFiles;

/**
 * HTTPS with a self-signed certificate (Bouncy Castle), made at the first start and kept in the data
 * folder as {@code tls.p12}, so that browsers that accepted it once keep accepting it.
 */
public final class SelfSigned {
    static final String STORE_PASSWORD = "raypool-web";

    private SelfSigned() {
    }

    /** A Jetty connector serving TLS on {@code host:port} with the data folder's certificate. */
    public static Consumer<JavalinConfig> connector(Path dataDir, String host, int port) {
        Path file = dataDir.resolve("tls.p12");
        return config -> config.jetty.addConnector((server, http) -> {
            KeyStore ks = loadOrCreate(file, host);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(ks);
            ssl.setKeyStorePassword(STORE_PASSWORD);
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer src = new SecureRequestCustomizer();
            src.setSniHostCheck(false);
            https.addCustomizer(src);
            ServerConnector c = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
            c.setHost(host);
            c.setPort(port);
            return c;
        });
    }

    static KeyStore loadOrCreate(Path file, String host) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, STORE_PASSWORD.toCharArray());
                }
                return ks;
            }
            ks.load(null, null);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair pair = gen.generateKeyPair();
            X509Certificate cert = certificate(pair, host);
            ks.setKeyEntry("web", pair.getPrivate(), STORE_PASSWORD.toCharArray(), new X509Certificate[] {cert});
            AtomicFiles.write(file, (OutputStream out) -> {
                try {
                    ks.store(out, STORE_PASSWORD.toCharArray());
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            });
            return ks;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("TLS certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(KeyPair pair, String host) throws OperatorCreationException, GeneralSecurityException {
        X500Name name = new X500Name("CN=raypool web");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(825))), name, pair.getPublic());
        try {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(host.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, host)}));
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException(e);
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
