package raypool.web.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One sign-in attempt, rate-limited by user name and by client address, for the page and the API alike. */
final class SignIn {
    private SignIn() {
    }

    /** The canonical user name; throws 429 while blocked and 401 for a wrong name or password. */
    static String check(WebApp.Parts parts, String user, String password, String address) {
        Optional<Duration> wait = parts.limiter().blocked(user, address);
        if (wait.isPresent()) {
            long s = ApiRoutes.seconds(wait.get());
            throw new ApiError(429, "TOO_MANY_ATTEMPTS", "too many failed sign-ins; try again in " + s + " s",
                    Map.of("retry_after_s", s));
        }
        Optional<String> ok = parts.auth().authenticate(user, password);
        if (ok.isEmpty()) {
            parts.limiter().failed(user, address);
            throw new ApiError(401, "BAD_CREDENTIALS", "wrong user name or password");
        }
        return ok.get();
    }
}
