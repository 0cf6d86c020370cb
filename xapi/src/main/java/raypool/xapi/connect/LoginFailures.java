package raypool.xapi.connect;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiTransportException;

/**
 * Why a command could not log in to a pool, in words an administrator can act on (the JDK's HTTP
 * client reports a refused connection as a {@code ConnectException} without a message, several causes
 * deep), and whether trying again later can help: a refused connection, a timeout or an HTTP 5xx can
 * pass; an unknown host, a certificate that is not trusted, a reply that is not XAPI or a refused
 * password will not. The command prefixes "cannot log in to URL as USER: ".
 */
public final class LoginFailures {
    private LoginFailures() {
    }

    /** What went wrong, and whether it is worth trying again. */
    public record Failure(String message, boolean transientFault) {
    }

    /** No XAPI answer: connection, name, TLS, timeout, or something that is not a XAPI master. */
    public static Failure transport(XapiTransportException e, boolean pinned) {
        if (e.httpStatus() == 200) {
            return new Failure("the reply is not XAPI JSON-RPC (is this the pool master's address?)", false);
        }
        if (e.httpStatus() >= 500) {
            return new Failure("HTTP " + e.httpStatus() + " from the pool", true);
        }
        if (e.httpStatus() != 0) {
            return new Failure("HTTP " + e.httpStatus() + " (is this the pool master's address?)", false);
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new Failure("unknown host " + e.endpoint().getHost(), false);
            }
            if (t instanceof SSLException) {
                return new Failure(tls(t, pinned), false);
            }
            if (t instanceof HttpTimeoutException) {
                return new Failure("no reply in time (" + messageOf(t) + ")", true);
            }
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                String detail = deepestMessage(e);
                return new Failure(detail.toLowerCase(Locale.ROOT).contains("refused") || detail.isEmpty()
                        ? "connection refused (is XAPI listening on " + hostAndPort(e) + "?)"
                        : "cannot connect to " + hostAndPort(e) + " (" + detail + ")", true);
            }
        }
        return new Failure("no XAPI answer (" + deepestMessage(e) + ")", true);
    }

    /** A failed handshake: most often a self-signed certificate and no pin, or a pin that is not the master's. */
    private static String tls(Throwable handshake, boolean pinned) {
        for (Throwable t = handshake; t != null; t = t.getCause()) {
            if (pinned && t instanceof CertificateException && t.getMessage() != null) {
                return "TLS: the master's certificate is not the one --pin-sha256 names (" + t.getMessage() + ")";
            }
            if (t instanceof CertPathBuilderException) {
                return "TLS: the JDK does not trust the master's certificate (self-signed?); "
                        + "give its SHA-256 fingerprint with --pin-sha256";
            }
        }
        return "TLS handshake failed (" + messageOf(handshake) + ")"
                + (pinned ? "" : "; for a self-signed certificate give its fingerprint with --pin-sha256");
    }

    /** XAPI answered, with an error: most often the user name or password. */
    public static Failure refused(XapiError e, Path passwordFile) {
        return switch (e.code()) {
            case "SESSION_AUTHENTICATION_FAILED" -> new Failure("the pool refused the user name or the password in "
                    + passwordFile + " (SESSION_AUTHENTICATION_FAILED)", false);
            case "RBAC_PERMISSION_DENIED" -> new Failure("the user may not log in to the API (RBAC_PERMISSION_DENIED "
                    + e.params() + ")", false);
            case "HOST_STILL_BOOTING", "INTERNAL_ERROR" -> new Failure("the pool answered " + e.code()
                    + (e.params().isEmpty() ? "" : " " + e.params()), true);
            default -> new Failure("the pool answered " + e.code() + (e.params().isEmpty() ? "" : " " + e.params()),
                    false);
        };
    }

    private static String hostAndPort(XapiTransportException e) {
        int port = e.endpoint().getPort();
        if (port < 0) {
            port = "http".equals(e.endpoint().getScheme()) ? 80 : 443;
        }
        return e.endpoint().getHost() + ":" + port;
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The innermost cause's message, or "" when none of the causes has one. */
    private static String deepestMessage(Throwable e) {
        String found = "";
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                found = t.getMessage();
            }
        }
        return found;
    }
}
