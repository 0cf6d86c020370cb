package raypool.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import raypool.web.Api;
import raypool.web.WebFixture;
import raypool.web.pool.PoolView;
import raypool.web.pool.VmView;

/**
 * Isolation over HTTP: random users, groups, ACL entries and quotas on a simulated pool; for every API
 * endpoint and page, a user sees exactly the VMs an independent reading of the rules gives them, a VM
 * outside that set answers exactly like one that does not exist, roles below what an action needs are
 * refused, and no change a user is allowed to make takes a quota's usage past its limit.
 */
class IsolationPropertyTest {
    private static WebFixture fx;
    private static final AtomicInteger TRY = new AtomicInteger();
    private static final String[] OPS = {"start", "clean_shutdown", "clean_reboot", "suspend", "resume"};

    @BeforeAll
    static void start() throws Exception {
        fx = WebFixture.start(8);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private record Grant(String subject, String object, String role) {
    }

    private record QuotaSpec(String subject, long vcpus, long memoryMib, long vms, long diskGib) {
    }

    static LongStream seeds() {
        return LongStream.range(1, 13);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void usersSeeAndChangeOnlyWhatTheirAclAllows(long seed) throws Exception {
        Random rnd = new Random(seed);
        String p = "t" + TRY.incrementAndGet() + "-";
        String admin = fx.login("admin", WebFixture.ADMIN_PASSWORD);
        PoolView pool = fx.pool();
        List<String> users = List.of(p + "u0", p + "u1", p + "u2");
        List<String> groups = List.of(p + "g0", p + "g1");
        Map<String, Set<String>> memberOf = new HashMap<>();
        for (String u : users) {
            ok(fx.send("POST", "/api/users", admin, Api.json(Map.of("name", u, "password", "password-" + u))));
            memberOf.put(u, new HashSet<>());
            for (String g : groups) {
                if (rnd.nextInt(3) == 0) {
                    ok(fx.send("POST", "/api/groups", admin, Api.json(Map.of("group", g, "user", u))));
                    memberOf.get(u).add(g);
                }
            }
        }
        List<Grant> grants = new ArrayList<>();
        int n = 2 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            String subject = rnd.nextBoolean() ? users.get(rnd.nextInt(users.size())) : "group:" + groups.get(rnd.nextInt(2));
            int k = rnd.nextInt(10);
            String object = k < 8 ? "vm:" + pool.vms().get(rnd.nextInt(pool.vms().size())).uuid()
                    : k < 9 ? "host:" + pool.hosts().get(rnd.nextInt(pool.hosts().size())).uuid() : "pool";
            String role = List.of("viewer", "operator", "admin").get(rnd.nextInt(3));
            ok(fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", subject, "object", object, "role", role))));
            grants.removeIf(g -> g.subject().equals(subject) && g.object().equals(object));
            grants.add(new Grant(subject, object, role));
        }
        List<QuotaSpec> quotas = new ArrayList<>();
        for (String s : Stream.concat(users.stream(), groups.stream().map(g -> "group:" + g)).toList()) {
            if (rnd.nextBoolean()) {
                QuotaSpec q = new QuotaSpec(s, 2 + rnd.nextInt(20), 1024L * (1 + rnd.nextInt(24)), 1 + rnd.nextInt(4),
                        rnd.nextInt(60));
                ok(fx.send("POST", "/api/quotas", admin, Api.json(Map.of("subject", s, "vcpus", q.vcpus(),
                        "memory_mib", q.memoryMib(), "vms", q.vms(), "disk_gib", q.diskGib()))));
                quotas.add(q);
            }
        }
        String missing = fx.send("GET", "/api/vms/00000000-0000-0000-0000-000000000000", admin, null).body();
        for (String u : users) {
            String token = fx.login(u, "password-" + u);
            for (int step = 0; step < 4; step++) {
                PoolView now = fx.pool();
                Map<String, String> expected = visible(u, memberOf.get(u), grants, now);
                checkViews(token, now, expected, missing);
                act(rnd, token, now, expected, grants, quotas, memberOf);
            }
        }
    }

    /** What the user should see: each VM and their strongest role on it, from the grants as written. */
    private static Map<String, String> visible(String user, Set<String> groups, List<Grant> grants, PoolView pool) {
        Map<String, String> out = new HashMap<>();
        for (VmView vm : pool.vms()) {
            Optional<String> best = Optional.empty();
            for (Grant g : grants) {
                if (!covers(g, vm) || !(g.subject().equals(user) || g.subject().startsWith("group:")
                        && groups.contains(g.subject().substring(6)))) {
                    continue;
                }
                if (best.isEmpty() || rank(g.role()) > rank(best.get())) {
                    best = Optional.of(g.role());
                }
            }
            best.ifPresent(r -> out.put(vm.uuid(), r));
        }
        return out;
    }

    private static boolean covers(Grant g, VmView vm) {
        return g.object().equals("pool") || g.object().equals("vm:" + vm.uuid())
                || vm.hostUuid().map(h -> g.object().equals("host:" + h)).orElse(false);
    }

    private static int rank(String role) {
        return List.of("viewer", "operator", "admin").indexOf(role);
    }

    private static void checkViews(String token, PoolView pool, Map<String, String> expected, String missing) throws Exception {
        JsonNode list = Api.read(fx.send("GET", "/api/vms", token, null).body()).get("vms");
        Map<String, String> seen = new HashMap<>();
        list.forEach(v -> seen.put(v.get("uuid").asText(), v.get("role").asText()));
        assertEquals(expected, seen, "GET /api/vms");
        String page = page(token, "/");
        String events = firstEvent(token);
        for (VmView vm : pool.vms()) {
            if (expected.containsKey(vm.uuid())) {
                assertEquals(200, fx.send("GET", "/api/vms/" + vm.uuid(), token, null).statusCode());
                assertTrue(page.contains(vm.uuid()), "the page lists a visible VM");
                continue;
            }
            String u = vm.uuid();
            assertEquals(missing, notFound(fx.send("GET", "/api/vms/" + u, token, null)));
            assertEquals(missing, notFound(fx.send("POST", "/api/vms/" + u + "/start", token, null)));
            assertEquals(missing, notFound(fx.send("POST", "/api/vms/" + u + "/nonsense", token, null)));
            assertEquals(missing, notFound(fx.send("PATCH", "/api/vms/" + u, token, "{\"memory_mib\":1024}")));
            assertEquals(missing, notFound(fx.send("POST", "/api/vms/" + u + "/networks", token, "{\"network\":\"x\"}")));
            assertEquals(missing, notFound(fx.send("POST", "/api/vms/" + u + "/disks", token, "{\"size_gib\":1}")));
            assertEquals(missing, notFound(fx.send("PATCH", "/api/vms/" + u + "/disks/1", token, "{\"size_gib\":2}")));
            assertEquals(missing, notFound(fx.send("DELETE", "/api/vms/" + u + "/networks/x", token, null)));
            assertEquals(missing, notFound(fx.send("POST", "/api/acl", token,
                    Api.json(Map.of("subject", "admin", "object", "vm:" + u, "role", "viewer")))));
            assertFalse(page.contains(u), "the VM list page never names an invisible VM");
            assertFalse(events.contains(u), "the event stream never names an invisible VM");
            assertEquals(404, pageStatus(token, "/vms/" + u));
        }
        assertTrue(page.contains(expected.size() + " VM(s)"), "the count is of visible VMs only");
    }

    private void act(Random rnd, String token, PoolView pool, Map<String, String> roles, List<Grant> grants,
                     List<QuotaSpec> quotas, Map<String, Set<String>> memberOf) throws Exception {
        List<VmView> mine = pool.vms().stream().filter(v -> roles.containsKey(v.uuid())).toList();
        if (mine.isEmpty()) {
            return;
        }
        VmView vm = mine.get(rnd.nextInt(mine.size()));
        Map<String, long[]> before = usage(pool, grants, quotas);
        HttpResponse<String> r;
        int kind = rnd.nextInt(3);
        if (kind == 2) {
            r = fx.send("POST", "/api/vms/" + vm.uuid() + "/disks", token, Api.json(Map.of("size_gib", 1 + rnd.nextInt(40))));
            if (rank(roles.get(vm.uuid())) < 2) {
                assertEquals(403, r.statusCode(), r.body());
            }
        } else if (kind == 1) {
            long memory = 512L * (1 + rnd.nextInt(32));
            r = fx.send("PATCH", "/api/vms/" + vm.uuid(), token, Api.json(Map.of("memory_mib", memory, "vcpus", 1 + rnd.nextInt(8))));
            if (rank(roles.get(vm.uuid())) < 2) {
                assertEquals(403, r.statusCode(), r.body());
            }
        } else {
            r = fx.send("POST", "/api/vms/" + vm.uuid() + "/" + OPS[rnd.nextInt(OPS.length)], token, null);
            if (rank(roles.get(vm.uuid())) < 1) {
                assertEquals(403, r.statusCode(), r.body());
            }
        }
        if (r.statusCode() == 409) {
            String code = Api.read(r.body()).get("error").get("code").asText();
            assertTrue(code.equals("QUOTA_EXCEEDED") || code.equals("XAPI_ERROR"), r.body());
        }
        Map<String, long[]> after = usage(fx.pool(), grants, quotas);
        for (QuotaSpec q : quotas) {
            long[] b = before.get(q.subject());
            long[] a = after.get(q.subject());
            long[] limit = {q.vcpus(), q.memoryMib(), q.vms(), q.diskGib()};
            for (int i = 0; i < 4; i++) {
                assertTrue(a[i] <= Math.max(b[i], limit[i]), "quota of " + q.subject() + " passed by " + r.body());
            }
        }
    }

    /** Per quota subject: vCPUs, MiB and count of the running VMs its grants reach. */
    private static Map<String, long[]> usage(PoolView pool, List<Grant> grants, List<QuotaSpec> quotas) {
        Map<String, long[]> out = new HashMap<>();
        for (QuotaSpec q : quotas) {
            String subject = q.subject();
            long[] u = new long[4];
            for (VmView vm : pool.vms()) {
                boolean reached = grants.stream().anyMatch(g -> g.subject().equals(subject) && covers(g, vm));
                if (reached) {
                    u[3] += pool.diskGibOf(vm.uuid());
                }
                if (reached && vm.running()) {
                    u[0] += vm.vcpus();
                    u[1] += vm.memoryMib();
                    u[2] += 1;
                }
            }
            out.put(subject, u);
        }
        return out;
    }

    private static String notFound(HttpResponse<String> r) {
        assertEquals(404, r.statusCode(), r.body());
        return r.body();
    }

    private static void ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String page(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(fx.url(path)).header("Cookie", WebApp.SESSION_COOKIE + "=" + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int pageStatus(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(fx.url(path)).header("Cookie", WebApp.SESSION_COOKIE + "=" + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The first message of the user's event stream (their VM list). */
    static String firstEvent(String token) throws Exception {
        HttpResponse<Stream<String>> r = HTTP.send(HttpRequest.newBuilder(fx.url("/events"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream")
                .header("Cookie", WebApp.SESSION_COOKIE + "=" + token).build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = r.body()) {
            return lines.filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
        }
    }
}
