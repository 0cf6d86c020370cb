package raypool.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raypool.web.Api;
import raypool.web.WebFixture;
import raypool.web.auth.MutableClock;

/** The security basics over HTTP: session expiry, the login rate limit, CSRF, cookie flags, JSON errors. */
class SecurityTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private WebFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WebFixture(4, WebSettings.DEFAULTS, clock);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private String code(HttpResponse<String> r) {
        return Api.read(r.body()).get("error").get("code").asText();
    }

    @Test
    void aSessionEndsAfterItsIdleTime() throws Exception {
        String token = fx.login("admin", WebFixture.ADMIN_PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, fx.send("GET", "/api/vms", token, null).statusCode(), "used within the idle time");
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, fx.send("GET", "/api/vms", token, null).statusCode(), "each use restarts the idle time");
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> r = fx.send("GET", "/api/vms", token, null);
        assertEquals(401, r.statusCode());
        assertEquals("UNAUTHENTICATED", code(r));
    }

    @Test
    void aSessionEndsAtItsLifetimeHoweverBusy() throws Exception {
        String token = fx.login("admin", WebFixture.ADMIN_PASSWORD);
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertEquals(200, fx.send("GET", "/api/vms", token, null).statusCode(), "after " + (i + 1) * 20 + " min");
        }
        clock.advance(Duration.ofMinutes(21));
        assertEquals(401, fx.send("GET", "/api/vms", token, null).statusCode());
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        String token = fx.login("admin", WebFixture.ADMIN_PASSWORD);
        assertEquals(204, fx.send("POST", "/api/logout", token, null).statusCode());
        assertEquals(401, fx.send("GET", "/api/vms", token, null).statusCode());
    }

    @Test
    void failedSignInsAreRateLimitedEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = fx.send("POST", "/api/login", null, Api.json(Map.of("user", "admin", "password", "wrong" + i)));
            assertEquals(401, r.statusCode());
            assertEquals("BAD_CREDENTIALS", code(r));
        }
        HttpResponse<String> r = fx.send("POST", "/api/login", null,
                Api.json(Map.of("user", "admin", "password", WebFixture.ADMIN_PASSWORD)));
        assertEquals(429, r.statusCode());
        assertEquals("TOO_MANY_ATTEMPTS", code(r));
        assertEquals("900", r.headers().firstValue("Retry-After").orElseThrow());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(200, fx.send("POST", "/api/login", null,
                Api.json(Map.of("user", "admin", "password", WebFixture.ADMIN_PASSWORD))).statusCode());
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() throws Exception {
        HttpResponse<String> r = fx.send("POST", "/api/login", null, Api.json(Map.of("user", "nobody", "password", "x")));
        assertEquals(401, r.statusCode());
        assertEquals("BAD_CREDENTIALS", code(r));
    }

    /** A browser's sign-in: the login page's token cookie and field, then the session cookie. */
    private record Browser(String sessionCookie, String setCookie, String csrf) {
    }

    private Browser signIn(String user, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(fx.url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        String loginCookie = cookie(page, WebApp.LOGIN_COOKIE);
        String csrf = field(page.body());
        HttpResponse<String> r = post("/login", WebApp.LOGIN_COOKIE + "=" + loginCookie,
                Map.of("csrf", csrf, "user", user, "password", password));
        assertEquals(302, r.statusCode(), r.body());
        String set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebApp.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
        String session = cookie(r, WebApp.SESSION_COOKIE);
        HttpResponse<String> home = get("/", WebApp.SESSION_COOKIE + "=" + session);
        return new Browser(WebApp.SESSION_COOKIE + "=" + session, set, field(home.body()));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        Browser b = signIn("admin", WebFixture.ADMIN_PASSWORD);
        String set = b.setCookie().toLowerCase();
        assertTrue(set.contains("httponly"), set);
        assertTrue(set.contains("samesite=strict"), set);
        assertFalse(set.contains("secure"), "plain HTTP: Secure would make the browser drop it; " + set);
    }

    @Test
    void signInNeedsTheLoginPagesToken() throws Exception {
        HttpResponse<String> r = post("/login", "", Map.of("user", "admin", "password", WebFixture.ADMIN_PASSWORD));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("CSRF"));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(fx.url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = post("/login", WebApp.LOGIN_COOKIE + "=" + cookie(page, WebApp.LOGIN_COOKIE),
                Map.of("csrf", "guessed", "user", "admin", "password", WebFixture.ADMIN_PASSWORD));
        assertEquals(403, forged.statusCode());
    }

    @Test
    void everyFormNeedsItsSessionsCsrfToken() throws Exception {
        Browser admin = signIn("admin", WebFixture.ADMIN_PASSWORD);
        Browser again = signIn("admin", WebFixture.ADMIN_PASSWORD);
        String vm = fx.pool().vms().getFirst().uuid();
        for (String path : List.of("/vms/" + vm + "/power", "/vms/" + vm + "/hardware", "/admin/users", "/admin/acl",
                "/admin/quotas", "/admin/groups", "/logout")) {
            assertEquals(403, post(path, admin.sessionCookie(), Map.of("op", "clean_reboot")).statusCode(), path + " without a token");
            assertEquals(403, post(path, admin.sessionCookie(), Map.of("op", "clean_reboot", "csrf", again.csrf())).statusCode(),
                    path + " with another session's token");
        }
        HttpResponse<String> ok = post("/admin/users", admin.sessionCookie(),
                Map.of("csrf", admin.csrf(), "name", "carol", "password", "carol-password"));
        assertEquals(302, ok.statusCode(), ok.body());
        assertTrue(fx.server.admin().users(new raypool.web.access.Principal("admin", java.util.Set.of(), true)).contains("carol"));
    }

    @Test
    void errorsAreJsonWithACodeAndNoStackTrace() throws Exception {
        String token = fx.login("admin", WebFixture.ADMIN_PASSWORD);
        String vm = fx.pool().vms().getFirst().uuid();
        HttpResponse<String> bad = fx.send("PATCH", "/api/vms/" + vm, token, "{not json");
        assertEquals(400, bad.statusCode());
        assertEquals("BAD_REQUEST", code(bad));
        HttpResponse<String> neg = fx.send("PATCH", "/api/vms/" + vm, token, "{\"memory_mib\": -5}");
        assertEquals("BAD_REQUEST", code(neg));
        assertEquals(401, fx.send("GET", "/api/vms", null, null).statusCode());
        assertEquals("UNAUTHENTICATED", code(fx.send("GET", "/api/vms", "forged", null)));
        for (HttpResponse<String> r : List.of(bad, neg)) {
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        }
        HttpResponse<String> page = get("/vms/" + vm, "rp_session=forged");
        assertEquals(302, page.statusCode(), "pages send a stranger to the sign-in page");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(fx.url(path));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(fx.url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookie(HttpResponse<?> r, String name) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith(name + "=")) {
                return c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            }
        }
        throw new AssertionError("no cookie " + name + " in " + r.headers().allValues("Set-Cookie"));
    }

    static String field(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf field in " + html);
        }
        return m.group(1);
    }
}
