package raypool.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import raypool.web.access.Principal;
import raypool.web.dashboard.Dashboard;

/**
 * Live updates by server-sent events: {@code /events} streams the signed-in user's own VMs (the same list
 * as their page, so a VM they may not see never appears), {@code /admin/events} the dashboard's figures to
 * service administrators. Each stream gets a message when what it shows changes.
 */
final class LiveRoutes {
    private final WebApp.Parts parts;
    private final Map<SseClient, Stream> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raypool-web-live");
        t.setDaemon(true);
        return t;
    });

    private static final class Stream {
        final Principal who;
        final boolean dashboard;
        String last = "";

        Stream(Principal who, boolean dashboard) {
            this.who = who;
            this.dashboard = dashboard;
        }
    }

    LiveRoutes(WebApp.Parts parts) {
        this.parts = parts;
        long ms = parts.settings().liveInterval().toMillis();
        timer.scheduleWithFixedDelay(this::push, ms, ms, TimeUnit.MILLISECONDS);
    }

    void register(RoutesConfig r) {
        r.sse("/events", client -> open(client, false));
        r.sse("/admin/events", client -> open(client, true));
    }

    private void open(SseClient client, boolean dashboard) {
        Principal who = WebApp.principal(client.ctx());
        if (dashboard && !who.serviceAdmin()) {
            client.close();
            return;
        }
        client.keepAlive();
        Stream s = new Stream(who, dashboard);
        clients.put(client, s);
        client.onClose(() -> clients.remove(client));
        send(client, s);
    }

    private void push() {
        clients.forEach(this::send);
    }

    private void send(SseClient client, Stream s) {
        try {
            String data = s.dashboard ? Json.write(dashboardFigures(parts.dashboard().current()))
                    : Json.write(Json.vms(parts.service().visible(s.who)));
            if (!data.equals(s.last)) {
                s.last = data;
                client.sendEvent(s.dashboard ? "dashboard" : "vms", data);
            }
        } catch (RuntimeException e) {
            // a stream that cannot be written to has gone; drop it
            System.getLogger(LiveRoutes.class.getName()).log(System.Logger.Level.DEBUG, "event stream closed: " + e);
            clients.remove(client);
        }
    }

    static Map<String, Object> dashboardFigures(Dashboard d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", d.at().toString());
        out.put("hosts", d.hosts().stream().map(h -> Map.of("name", h.name(), "cpu", h.cpuHistory().lastPercent(),
                "cpu_points", h.cpuHistory().points(), "memory_points", h.memoryHistory().points(),
                "samples", h.cpuHistory().samples())).toList());
        out.put("recommendations", d.recommendations().size());
        out.put("migrations", d.migrations().size());
        return out;
    }
}
