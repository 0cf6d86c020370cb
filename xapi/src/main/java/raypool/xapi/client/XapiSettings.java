package raypool.xapi.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect. {@code url} is the pool master's base URL (https://host or, for the
 * simulated pool, http://127.0.0.1:port); JSON-RPC goes to {@code url + /jsonrpc}.
 *
 * @param callTimeout   reply timeout of an ordinary call
 * @param taskPoll      how often an asynchronous task's status is read
 * @param originator    sent at login; XAPI counts its 500-session limit per originator
 */
public record XapiSettings(URI url, String user, String password, TlsPolicy tls, Duration callTimeout,
                           Duration taskPoll, String originator) {

    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TASK_POLL = Duration.ofMillis(500);

    public XapiSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("url " + url + ": scheme must be http or https");
        }
    }

    public static XapiSettings of(URI url, String user, String password) {
        return new XapiSettings(url, user, password, new TlsPolicy.SystemTrust(), DEFAULT_CALL_TIMEOUT,
                DEFAULT_TASK_POLL, "raypool");
    }

    public XapiSettings withTls(TlsPolicy policy) {
        return new XapiSettings(url, user, password, policy, callTimeout, taskPoll, originator);
    }

    public XapiSettings withCallTimeout(Duration timeout) {
        return new XapiSettings(url, user, password, tls, timeout, taskPoll, originator);
    }

    public XapiSettings withTaskPoll(Duration poll) {
        return new XapiSettings(url, user, password, tls, callTimeout, poll, originator);
    }

    public XapiSettings withUrl(URI other) {
        return new XapiSettings(other, user, password, tls, callTimeout, taskPoll, originator);
    }

    /** Never prints the password: settings end up in logs. */
    @Override
    public String toString() {
        return "XapiSettings[url=" + url + ", user=" + user + ", password=***, tls=" + tls.getClass().getSimpleName()
                + ", callTimeout=" + callTimeout + "]";
    }
}
