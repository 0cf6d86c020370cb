package raypool.web.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.util.function.Consumer;
import raypool.web.AccessAdmin;
import raypool.web.SelfService;
import raypool.web.access.Principal;
import raypool.web.auth.Authenticator;
import raypool.web.auth.LoginLimiter;
import raypool.web.auth.Sessions;
import raypool.web.dashboard.DashboardSource;

/**
 * The HTTP side: pages under /, the JSON API under /api, static files under /static. Pages sign in with a
 * session cookie (HttpOnly, SameSite=Strict, Secure over TLS) and every form carries the session's CSRF
 * token; the API signs in with {@code Authorization: Bearer}. Every error is JSON with a code under /api
 * and a plain page elsewhere, never a stack trace.
 */
public final class WebApp {
    static final String SESSION_COOKIE = "rp_session";
    static final String LOGIN_COOKIE = "rp_login";
    static final String PRINCIPAL = "raypool.principal";
    static final String SESSION = "raypool.session";

    /** What the routes need. */
    public record Parts(SelfService service, AccessAdmin admin, Authenticator auth, Sessions sessions,
                        LoginLimiter limiter, DashboardSource dashboard, WebSettings settings) {
    }

    private WebApp() {
    }

    /** The configured (not started) server; {@code server} adds connectors (TLS) when given. */
    public static Javalin create(Parts parts, Consumer<io.javalin.config.JavalinConfig> server) {
        Pages pages = new Pages();
        ApiRoutes api = new ApiRoutes(parts);
        PageRoutes web = new PageRoutes(parts, pages);
        LiveRoutes live = new LiveRoutes(parts);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/raypool/web/static";
                s.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> securityHeaders(ctx));
            api.register(config.routes);
            web.register(config.routes);
            live.register(config.routes);
            config.routes.exception(ApiError.class, (e, ctx) -> fail(ctx, pages, e));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.getLogger(WebApp.class.getName()).log(System.Logger.Level.ERROR, "request failed: " + ctx.path(), e);
                fail(ctx, pages, new ApiError(500, "INTERNAL", "the request failed inside the service"));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    fail(ctx, pages, new ApiError(404, "NOT_FOUND", "no such page"));
                }
            });
            config.routes.error(405, ctx -> fail(ctx, pages, new ApiError(405, "METHOD_NOT_ALLOWED", "method not allowed")));
            server.accept(config);
        });
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    static void fail(Context ctx, Pages pages, ApiError e) {
        ctx.status(e.status());
        if (e.status() == 429 && e.details().containsKey("retry_after_s")) {
            ctx.header("Retry-After", String.valueOf(e.details().get("retry_after_s")));
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Json.write(Json.error(e)));
        } else {
            ctx.html(pages.render("error.jte", new Models.ErrorPage(e.status(), e.code(), e.getMessage())));
        }
    }

    static Cookie cookie(String name, String value, int maxAgeSeconds, boolean secure) {
        return new Cookie(name, value, "/", maxAgeSeconds, secure, true, null, SameSite.STRICT);
    }

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new ApiError(401, "UNAUTHENTICATED", "sign in first");
        }
        return p;
    }

    static String clientAddress(Context ctx) {
        return ctx.ip();
    }
}
