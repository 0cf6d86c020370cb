package raypool.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import raypool.web.SelfService;
import raypool.web.access.Principal;
import raypool.web.auth.Sessions;
import raypool.web.pool.HardwareChange;
import raypool.web.pool.PowerOp;

/** The browser pages: sign-in, my VMs, one VM, users and access (admins), the dashboard (admins). */
final class PageRoutes {
    private final WebApp.Parts parts;
    private final Pages pages;

    PageRoutes(WebApp.Parts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
    }

    void register(RoutesConfig r) {
        r.before(this::authenticate);
        r.get("/login", this::loginPage);
        r.post("/login", this::login);
        r.post("/logout", ctx -> {
            parts.sessions().end(session(ctx).token());
            ctx.cookie(WebApp.cookie(WebApp.SESSION_COOKIE, "", 0, parts.settings().tls()));
            ctx.redirect("/login");
        });
        r.get("/", ctx -> ctx.html(pages.render("vms.jte", new Models.VmList(chrome(ctx, "My VMs"),
                parts.service().visible(WebApp.principal(ctx)), message(ctx)))));
        r.get("/vms/{uuid}", ctx -> {
            Principal who = WebApp.principal(ctx);
            SelfService.Visible vm = parts.service().find(who, ctx.pathParam("uuid"));
            ctx.html(pages.render("vm.jte", new Models.VmPage(chrome(ctx, "VM"), vm, parts.service().usableNetworks(who),
                    message(ctx))));
        });
        r.post("/vms/{uuid}/power", ctx -> {
            String uuid = ctx.pathParam("uuid");
            Principal who = WebApp.principal(ctx);
            Optional<PowerOp> op = PowerOp.parse(Optional.ofNullable(ctx.formParam("op")).orElse(""));
            if (op.isEmpty()) {
                parts.service().find(who, uuid);
                throw ApiError.badRequest("op must be one of " + String.join(", ", PowerOp.names()));
            }
            parts.service().power(who, uuid, op.get());
            back(ctx, "/vms/" + uuid, op.get().wire() + " done");
        });
        r.post("/vms/{uuid}/hardware", ctx -> {
            String uuid = ctx.pathParam("uuid");
            parts.service().change(WebApp.principal(ctx), uuid, new HardwareChange(number(ctx, "vcpus"),
                    number(ctx, "memory_mib")));
            back(ctx, "/vms/" + uuid, "hardware changed");
        });
        r.post("/vms/{uuid}/networks", ctx -> {
            String uuid = ctx.pathParam("uuid");
            Principal who = WebApp.principal(ctx);
            if ("detach".equals(ctx.formParam("action"))) {
                parts.service().detach(who, uuid, form(ctx, "network"));
                back(ctx, "/vms/" + uuid, "network detached");
            } else {
                parts.service().attach(who, uuid, form(ctx, "network"));
                back(ctx, "/vms/" + uuid, "network attached");
            }
        });
        r.post("/vms/{uuid}/disks", ctx -> {
            String uuid = ctx.pathParam("uuid");
            Principal who = WebApp.principal(ctx);
            long size = number(ctx, "size_gib").orElseThrow(() -> ApiError.badRequest("the form field \"size_gib\" is empty"));
            String device = Optional.ofNullable(ctx.formParam("device")).orElse("");
            if (device.isEmpty()) {
                parts.service().addDisk(who, uuid, Optional.ofNullable(ctx.formParam("name")).filter(n -> !n.isBlank()).orElse("disk"),
                        size);
                back(ctx, "/vms/" + uuid, "disk added");
            } else {
                parts.service().growDisk(who, uuid, device, size);
                back(ctx, "/vms/" + uuid, "disk grown");
            }
        });
        r.post("/vms/{uuid}/grant", ctx -> {
            String uuid = ctx.pathParam("uuid");
            parts.admin().grant(WebApp.principal(ctx), form(ctx, "subject"), "vm:" + uuid, form(ctx, "role"));
            back(ctx, "/vms/" + uuid, "role granted");
        });
        r.get("/admin/access", ctx -> {
            Principal who = WebApp.principal(ctx);
            ctx.html(pages.render("access.jte", new Models.Access(chrome(ctx, "Users and access"), parts.admin().users(who),
                    parts.admin().acl(who), parts.admin().quotas(who), message(ctx))));
        });
        r.post("/admin/users", ctx -> {
            parts.admin().addUser(WebApp.principal(ctx), form(ctx, "name"), form(ctx, "password"));
            back(ctx, "/admin/access", "user added");
        });
        r.post("/admin/groups", ctx -> {
            parts.admin().addToGroup(WebApp.principal(ctx), form(ctx, "group"), form(ctx, "user"));
            back(ctx, "/admin/access", "member added");
        });
        r.post("/admin/acl", ctx -> {
            parts.admin().grant(WebApp.principal(ctx), form(ctx, "subject"), form(ctx, "object"), form(ctx, "role"));
            back(ctx, "/admin/access", "role granted");
        });
        r.post("/admin/quotas", ctx -> {
            parts.admin().setQuota(WebApp.principal(ctx), form(ctx, "subject"), Map.of("vcpus", number(ctx, "vcpus"),
                    "memory_mib", number(ctx, "memory_mib"), "vms", number(ctx, "vms"), "disk_gib", number(ctx, "disk_gib")),
                    List.of(Optional.ofNullable(ctx.formParam("networks")).orElse("").split(",")));
            back(ctx, "/admin/access", "quota set");
        });
        r.get("/admin", ctx -> {
            Principal who = WebApp.principal(ctx);
            if (!who.serviceAdmin()) {
                throw new ApiError(403, "FORBIDDEN", "the dashboard is for service administrators");
            }
            ctx.html(pages.render("dashboard.jte", new Models.DashboardPage(chrome(ctx, "Dashboard"),
                    parts.dashboard().current())));
        });
    }

    /** Pages need a session cookie; every POST but the sign-in needs the session's CSRF token. */
    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/static/") || path.equals("/login")) {
            if (path.equals("/login") && ctx.method() == HandlerType.POST) {
                String expected = ctx.cookie(WebApp.LOGIN_COOKIE);
                if (!Sessions.same(expected, ctx.formParam("csrf"))) {
                    throw new ApiError(403, "CSRF", "the form is stale or came from another site; reload the page");
                }
            }
            return;
        }
        Optional<Sessions.Session> s = Optional.ofNullable(ctx.cookie(WebApp.SESSION_COOKIE)).flatMap(parts.sessions()::resolve);
        if (s.isEmpty()) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ApiError(401, "UNAUTHENTICATED", "sign in first");
        }
        if (ctx.method() != HandlerType.GET && !Sessions.same(s.get().csrf(), ctx.formParam("csrf"))) {
            throw new ApiError(403, "CSRF", "the form is stale or came from another site; reload the page");
        }
        ctx.attribute(WebApp.SESSION, s.get());
        ctx.attribute(WebApp.PRINCIPAL, parts.service().principal(s.get().user()));
    }

    private void loginPage(Context ctx) {
        // keep a token the browser already holds: a second load (another tab, a redirected favicon request)
        // must not make the first form stale
        String held = ctx.cookie(WebApp.LOGIN_COOKIE);
        String token = held != null && held.matches("[A-Za-z0-9_-]{43}") ? held : parts.sessions().randomToken();
        ctx.cookie(WebApp.cookie(WebApp.LOGIN_COOKIE, token, 3600, parts.settings().tls()));
        ctx.html(pages.render("login.jte", new Models.Login(token, message(ctx))));
    }

    private void login(Context ctx) {
        try {
            String user = SignIn.check(parts, form(ctx, "user"), form(ctx, "password"), WebApp.clientAddress(ctx));
            Sessions.Session s = parts.sessions().create(user);
            int maxAge = (int) parts.settings().sessionLifetime().toSeconds();
            ctx.cookie(WebApp.cookie(WebApp.SESSION_COOKIE, s.token(), maxAge, parts.settings().tls()));
            ctx.cookie(WebApp.cookie(WebApp.LOGIN_COOKIE, "", 0, parts.settings().tls()));
            ctx.redirect("/");
        } catch (ApiError e) {
            if (e.status() == 429) {
                throw e;
            }
            ctx.status(e.status());
            String token = parts.sessions().randomToken();
            ctx.cookie(WebApp.cookie(WebApp.LOGIN_COOKIE, token, 3600, parts.settings().tls()));
            ctx.html(pages.render("login.jte", new Models.Login(token, e.getMessage())));
        }
    }

    private Models.Chrome chrome(Context ctx, String title) {
        Principal who = WebApp.principal(ctx);
        return new Models.Chrome(who.user(), who.serviceAdmin(), session(ctx).csrf(), title);
    }

    private static Sessions.Session session(Context ctx) {
        Sessions.Session s = ctx.attribute(WebApp.SESSION);
        if (s == null) {
            throw new ApiError(401, "UNAUTHENTICATED", "sign in first");
        }
        return s;
    }

    private static String message(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("m")).orElse("");
    }

    private static void back(Context ctx, String path, String message) {
        ctx.redirect(path + "?m=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    private static String form(Context ctx, String field) {
        String v = ctx.formParam(field);
        if (v == null || v.isBlank()) {
            throw ApiError.badRequest("the form field \"" + field + "\" is empty");
        }
        return v.trim();
    }

    private static OptionalLong number(Context ctx, String field) {
        String v = ctx.formParam(field);
        if (v == null || v.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the form field \"" + field + "\" must be a whole number");
        }
    }
}
