package raypool.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import raypool.web.access.AclEntry;
import raypool.web.access.Principal;
import raypool.web.access.Quota;
import raypool.web.auth.Sessions;
import raypool.web.pool.HardwareChange;
import raypool.web.pool.PowerOp;

/** The JSON API under /api: bearer tokens from POST /api/login, the same rules as the pages. */
final class ApiRoutes {
    private final WebApp.Parts parts;

    ApiRoutes(WebApp.Parts parts) {
        this.parts = parts;
    }

    void register(RoutesConfig r) {
        r.before("/api/*", this::authenticate);
        r.post("/api/login", this::login);
        r.post("/api/logout", ctx -> {
            parts.sessions().end(bearer(ctx).orElseThrow());
            ctx.status(204);
        });
        r.get("/api/vms", ctx -> ctx.json(Json.vms(parts.service().visible(WebApp.principal(ctx)))));
        r.get("/api/vms/{uuid}", ctx -> ctx.json(Json.vm(parts.service().find(WebApp.principal(ctx), ctx.pathParam("uuid")))));
        // before /api/vms/{uuid}/{op}: routes match in the order they are added
        r.post("/api/vms/{uuid}/disks", ctx -> {
            Principal who = WebApp.principal(ctx);
            parts.service().find(who, ctx.pathParam("uuid"));
            JsonNode body = Json.body(ctx);
            long size = Json.optionalLong(body, "size_gib").orElseThrow(() -> ApiError.badRequest("give \"size_gib\""));
            String name = body.hasNonNull("name") ? body.get("name").asText() : "disk";
            parts.service().addDisk(who, ctx.pathParam("uuid"), name, size);
            ctx.json(Json.vm(parts.service().find(who, ctx.pathParam("uuid"))));
        });
        r.patch("/api/vms/{uuid}/disks/{device}", ctx -> {
            Principal who = WebApp.principal(ctx);
            parts.service().find(who, ctx.pathParam("uuid"));
            long size = Json.optionalLong(Json.body(ctx), "size_gib").orElseThrow(() -> ApiError.badRequest("give \"size_gib\""));
            parts.service().growDisk(who, ctx.pathParam("uuid"), ctx.pathParam("device"), size);
            ctx.json(Json.vm(parts.service().find(who, ctx.pathParam("uuid"))));
        });
        r.post("/api/vms/{uuid}/networks", ctx -> {
            Principal who = WebApp.principal(ctx);
            parts.service().find(who, ctx.pathParam("uuid"));
            parts.service().attach(who, ctx.pathParam("uuid"), Json.text(Json.body(ctx), "network"));
            ctx.json(Json.vm(parts.service().find(who, ctx.pathParam("uuid"))));
        });
        r.delete("/api/vms/{uuid}/networks/{network}", ctx -> {
            Principal who = WebApp.principal(ctx);
            parts.service().detach(who, ctx.pathParam("uuid"), ctx.pathParam("network"));
            ctx.json(Json.vm(parts.service().find(who, ctx.pathParam("uuid"))));
        });
        r.post("/api/vms/{uuid}/{op}", ctx -> {
            Principal who = WebApp.principal(ctx);
            String uuid = ctx.pathParam("uuid");
            Optional<PowerOp> op = PowerOp.parse(ctx.pathParam("op"));
            if (op.isEmpty()) {
                parts.service().find(who, uuid); // an invisible VM stays invisible, whatever the operation
                throw new ApiError(404, "NO_SUCH_OPERATION", "operations: " + String.join(", ", PowerOp.names()));
            }
            parts.service().power(who, uuid, op.get());
            ctx.json(Json.vm(parts.service().find(who, uuid)));
        });
        r.patch("/api/vms/{uuid}", ctx -> {
            Principal who = WebApp.principal(ctx);
            JsonNode body = Json.body(ctx);
            parts.service().change(who, ctx.pathParam("uuid"),
                    new HardwareChange(Json.optionalLong(body, "vcpus"), Json.optionalLong(body, "memory_mib")));
            ctx.json(Json.vm(parts.service().find(who, ctx.pathParam("uuid"))));
        });
        r.post("/api/users", ctx -> {
            JsonNode body = Json.body(ctx);
            String name = Json.text(body, "name");
            parts.admin().addUser(WebApp.principal(ctx), name, Json.text(body, "password"));
            ctx.status(201).json(Map.of("name", name));
        });
        r.post("/api/groups", ctx -> {
            JsonNode body = Json.body(ctx);
            parts.admin().addToGroup(WebApp.principal(ctx), Json.text(body, "group"), Json.text(body, "user"));
            ctx.status(201).json(Map.of("group", body.get("group").asText(), "user", body.get("user").asText()));
        });
        r.post("/api/acl", ctx -> {
            JsonNode body = Json.body(ctx);
            AclEntry e = parts.admin().grant(WebApp.principal(ctx), Json.text(body, "subject"), Json.text(body, "object"),
                    Json.text(body, "role"));
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("subject", e.subject().wire());
            out.put("object", e.object().wire());
            out.put("role", e.role().wireName());
            ctx.status(201).json(out);
        });
        r.post("/api/quotas", ctx -> {
            JsonNode body = Json.body(ctx);
            Map<String, OptionalLong> limits = Map.of("vcpus", Json.optionalLong(body, "vcpus"),
                    "memory_mib", Json.optionalLong(body, "memory_mib"), "vms", Json.optionalLong(body, "vms"),
                    "disk_gib", Json.optionalLong(body, "disk_gib"));
            Quota q = parts.admin().setQuota(WebApp.principal(ctx), Json.text(body, "subject"), limits,
                    Json.strings(body, "networks"));
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("subject", q.subject().wire());
            out.put("vcpus", q.vcpus().isPresent() ? q.vcpus().getAsLong() : null);
            out.put("memory_mib", q.memoryMib().isPresent() ? q.memoryMib().getAsLong() : null);
            out.put("vms", q.vms().isPresent() ? q.vms().getAsLong() : null);
            out.put("disk_gib", q.diskGib().isPresent() ? q.diskGib().getAsLong() : null);
            out.put("networks", q.networks());
            ctx.status(201).json(out);
        });
    }

    /** Every /api call but login needs a live bearer token. */
    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/login")) {
            return;
        }
        Optional<Sessions.Session> s = bearer(ctx).flatMap(parts.sessions()::resolve);
        if (s.isEmpty()) {
            throw new ApiError(401, "UNAUTHENTICATED", "send Authorization: Bearer TOKEN (from POST /api/login)");
        }
        ctx.attribute(WebApp.SESSION, s.get());
        ctx.attribute(WebApp.PRINCIPAL, parts.service().principal(s.get().user()));
    }

    private void login(Context ctx) {
        JsonNode body = Json.body(ctx);
        String user = Json.text(body, "user");
        String password = Json.text(body, "password");
        String user1 = SignIn.check(parts, user, password, WebApp.clientAddress(ctx));
        ctx.json(Map.of("token", parts.sessions().create(user1).token()));
    }

    static Optional<String> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        return h != null && h.startsWith("Bearer ") ? Optional.of(h.substring(7).trim()) : Optional.empty();
    }

    static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
