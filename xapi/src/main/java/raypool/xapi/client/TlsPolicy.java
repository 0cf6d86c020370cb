package raypool.xapi.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the client decides to trust an https endpoint. There is deliberately no "trust all": either the
 * JDK's normal PKIX validation with host name checks, or a pin of one certificate's SHA-256
 * fingerprint, which is what a XAPI host's self-signed certificate needs (read it on the host with
 * {@code openssl x509 -noout -fingerprint -sha256 -in /etc/xensource/xapi-ssl.pem}).
 */
public sealed interface TlsPolicy {

    SSLContext sslContext();

    /** The JDK's trust store and host name verification. */
    record SystemTrust() implements TlsPolicy {
        @Override
        public SSLContext sslContext() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context in this JDK", e);
            }
        }
    }

    /**
     * Accept exactly the server certificate whose DER encoding has this SHA-256 digest. The pin names
     * one certificate, so it is stronger than a host name check, which is therefore not repeated
     * (XAPI's generated certificates often name a host the client does not use).
     */
    record PinnedSha256(byte[] fingerprint) implements TlsPolicy {
        public PinnedSha256 {
            if (fingerprint.length != 32) {
                throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes, got " + fingerprint.length);
            }
            fingerprint = fingerprint.clone();
        }

        /** Parses {@code AB:CD:...} (openssl's form) or plain hex, either case. */
        public static PinnedSha256 parse(String text) {
            String hex = text.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
            if (hex.startsWith("sha256/") || hex.startsWith("sha256=")) {
                hex = hex.substring(7);
            }
            try {
                return new PinnedSha256(HexFormat.of().parseHex(hex));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pin \"" + text + "\" is not a SHA-256 fingerprint (64 hex digits)", e);
            }
        }

        @Override
        public String toString() {
            return "PinnedSha256[" + hex() + "]";
        }

        public String hex() {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(fingerprint);
        }

        @Override
        public SSLContext sslContext() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new PinningTrustManager(fingerprint)}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a TLS context for pin " + hex(), e);
            }
        }
    }

    static String sha256Hex(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** Checks the leaf certificate against the pin; nothing else is trusted. */
    final class PinningTrustManager extends X509ExtendedTrustManager {
        private final byte[] pin;

        PinningTrustManager(byte[] pin) {
            this.pin = pin.clone();
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("server sent no certificate");
            }
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
            } catch (NoSuchAlgorithmException e) {
                throw new CertificateException("SHA-256 unavailable", e);
            }
            if (!MessageDigest.isEqual(digest, pin)) {
                throw new CertificateException("server certificate SHA-256 " + HexFormat.ofDelimiter(":")
                        .withUpperCase().formatHex(digest) + " does not match the pinned "
                        + HexFormat.ofDelimiter(":").withUpperCase().formatHex(pin));
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only verifies servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("this trust manager only verifies servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("this trust manager only verifies servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
