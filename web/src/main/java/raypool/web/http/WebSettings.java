package raypool.web.http;

import java.time.Duration;

/**
 * How the web service behaves: whether it is served over TLS (cookies then carry Secure), how long sessions
 * last, how many failed sign-ins a name or address gets per window, and how often live pages are updated.
 */
public record WebSettings(boolean tls, Duration sessionIdle, Duration sessionLifetime, int loginFailures,
                          Duration loginWindow, Duration liveInterval) {
    public static final WebSettings DEFAULTS = new WebSettings(false, Duration.ofMinutes(30), Duration.ofHours(12), 5,
            Duration.ofMinutes(15), Duration.ofSeconds(2));

    public WebSettings withTls(boolean on) {
        return new WebSettings(on, sessionIdle, sessionLifetime, loginFailures, loginWindow, liveInterval);
    }

    public WebSettings withLiveInterval(Duration d) {
        return new WebSettings(tls, sessionIdle, sessionLifetime, loginFailures, loginWindow, d);
    }
}
