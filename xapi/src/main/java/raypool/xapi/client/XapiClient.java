package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A logged-in XAPI session on the pool master. Reuses one session for all calls (XAPI keeps at most
 * 500 per originator and destroys the oldest), logs in again once when a call answers
 * SESSION_INVALID, follows HOST_IS_SLAVE to the master at login, and logs out on {@link #close()}
 * so that sessions never pile up on the pool.
 *
 * <p>Thread-safe: calls may run concurrently (for instance while another thread waits in event.from).
 */
public final class XapiClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XapiClient.class.getName());
    /** A pool has one master; more redirects than this means members disagree about who it is. */
    private static final int MAX_MASTER_REDIRECTS = 3;

    private final XapiSettings settings;
    private volatile JsonRpcTransport transport;
    private volatile Ref session = Ref.NULL;
    private final Object loginLock = new Object();
    private volatile boolean closed;

    private XapiClient(XapiSettings settings) {
        this.settings = settings;
        this.transport = new JsonRpcTransport(settings.url(),
                JsonRpcTransport.httpClient(settings.tls(), settings.callTimeout()));
    }

    /** Connects and logs in; the caller owns the client and must close it. */
    public static XapiClient login(XapiSettings settings) {
        XapiClient client = new XapiClient(settings);
        try {
            client.relogin(Ref.NULL);
        } catch (RuntimeException e) {
            client.http().shutdownNow();
            throw e;
        }
        return client;
    }

    public XapiSettings settings() {
        return settings;
    }

    /** The master's base URL actually in use (differs from the settings after HOST_IS_SLAVE). */
    public URI endpoint() {
        return transport.base();
    }

    public Ref session() {
        return session;
    }

    JsonRpcTransport transport() {
        return transport;
    }

    /** The HTTP client with this connection's TLS policy, for XAPI's other HTTP handlers (rrd_updates). */
    public HttpClient http() {
        return transport.http();
    }

    /** Calls a method that takes the session as its first parameter. */
    public JsonNode call(String method, Object... args) {
        return callWithin(settings.callTimeout(), method, args);
    }

    /** As {@link #call}, with a reply timeout of its own (event.from needs a longer one). */
    public JsonNode callWithin(Duration replyTimeout, String method, Object... args) {
        ensureOpen(method);
        Ref used = session;
        try {
            return transport.call(method, withSession(used, args), replyTimeout);
        } catch (XapiError.SessionInvalid e) {
            // the call was refused before it ran, so running it again cannot do it twice
            LOG.log(Level.INFO, "{0}: session expired ({1}); logging in again", method, e.getMessage());
            relogin(used);
            return transport.call(method, withSession(session, args), replyTimeout);
        }
    }

    /** Calls a method that takes no session (session.*, system.*). */
    public JsonNode callWithoutSession(String method, Object... args) {
        ensureOpen(method);
        return transport.call(method, Arrays.asList(args), settings.callTimeout());
    }

    /**
     * Logs out, so that the session stops counting against the pool's limit, and releases the HTTP
     * client (also the one an {@code RrdClient} shares). Idempotent.
     */
    @Override
    public void close() {
        synchronized (loginLock) {
            if (closed) {
                return;
            }
            closed = true;
            Ref current = session;
            session = Ref.NULL;
            try {
                if (!current.isNull()) {
                    transport.call("session.logout", List.of(current.value()), settings.callTimeout());
                }
            } catch (XapiError.SessionInvalid e) {
                // already gone on the server: the goal of logout is reached
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session.logout on " + transport.base() + " failed: " + e.getMessage());
            } finally {
                // graceful: a long poll on another thread may still finish
                transport.http().shutdown();
            }
        }
    }

    private void ensureOpen(String method) {
        if (closed) {
            throw new IllegalStateException(method + ": the XAPI client for " + settings.url() + " is closed");
        }
    }

    private static List<Object> withSession(Ref session, Object[] args) {
        List<Object> params = new ArrayList<>(args.length + 1);
        params.add(session.value());
        for (Object a : args) {
            params.add(a instanceof Ref r ? r.value() : a);
        }
        return params;
    }

    /** Logs in unless another thread already replaced {@code stale} with a fresh session. */
    private void relogin(Ref stale) {
        synchronized (loginLock) {
            ensureOpen("session.login_with_password");
            if (!Objects.equals(session, stale)) {
                return;
            }
            for (int redirect = 0; ; redirect++) {
                try {
                    JsonNode ref = transport.call("session.login_with_password",
                            List.of(settings.user(), settings.password(), "1.0", settings.originator()),
                            settings.callTimeout());
                    session = new Ref(ref.asText());
                    return;
                } catch (XapiError.HostIsSlave e) {
                    if (redirect >= MAX_MASTER_REDIRECTS) {
                        throw e;
                    }
                    URI master = masterUri(transport.base(), e.masterAddress());
                    LOG.log(Level.INFO, "{0} is a pool member; reconnecting to master {1}", transport.base(), master);
                    transport = new JsonRpcTransport(master, transport.http());
                }
            }
        }
    }

    /**
     * The master's URL from HOST_IS_SLAVE's address. XAPI sends a bare address; all members of a pool
     * listen on the same port, so scheme and port are kept. An explicit {@code address:port} (the
     * simulated pool, whose members share 127.0.0.1) overrides the port.
     */
    static URI masterUri(URI member, String masterAddress) {
        String host = masterAddress;
        int port = member.getPort();
        int colon = masterAddress.lastIndexOf(':');
        // "name:port" has one colon; a bare IPv6 address has several, and "[v6]:port" ends in "]:port"
        boolean namesPort = colon > 0 && (masterAddress.indexOf(':') == colon || masterAddress.startsWith("[")
                && masterAddress.charAt(colon - 1) == ']');
        if (namesPort) {
            host = masterAddress.substring(0, colon);
            try {
                port = Integer.parseInt(masterAddress.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("HOST_IS_SLAVE named master \"" + masterAddress + "\": bad port", e);
            }
        }
        try {
            // URI adds the brackets an IPv6 literal needs
            return new URI(member.getScheme(), null, host.replace("[", "").replace("]", ""), port, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("HOST_IS_SLAVE named master \"" + masterAddress + "\": not an address", e);
        }
    }
}
