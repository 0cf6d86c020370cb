package raypool.cloud.auth;

import java.util.List;
import java.util.Locale;
import raypool.cloud.report.Report;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;

/**
 * What {@code auth status} shows (pure): each host's external authentication, and the pool's state:
 * {@code on} (every host joined to one domain), {@code off}, {@code partial} (some hosts lost it, as after
 * a reboot), or {@code mixed} (hosts on different domains).
 */
public record AuthState(State state, String domain, List<Host> hosts, List<String> missing) implements Report {

    public enum State { ON, OFF, PARTIAL, MIXED }

    public record Host(String host, String type, String domain) {
    }

    public static AuthState of(PoolView view) {
        List<Host> hosts = view.hosts().stream().map(h -> new Host(h.name(), h.externalAuth(), h.externalAuthService())).toList();
        List<String> domains = view.hosts().stream().filter(h -> !h.externalAuth().isEmpty()).map(HostView::externalAuthService)
                .distinct().toList();
        List<String> missing = view.hosts().stream().filter(h -> h.externalAuth().isEmpty()).map(HostView::name).toList();
        State state;
        if (domains.isEmpty()) {
            state = State.OFF;
        } else if (domains.size() > 1) {
            state = State.MIXED;
        } else {
            state = missing.isEmpty() ? State.ON : State.PARTIAL;
        }
        return new AuthState(state, String.join(", ", domains), hosts, state == State.OFF ? List.of() : missing);
    }

    @Override
    public String text() {
        StringBuilder s = new StringBuilder("external authentication: " + state.name().toLowerCase(Locale.ROOT)
                + (domain.isEmpty() ? "" : " (" + domain + ")")
                + (missing.isEmpty() ? "" : "; not joined: " + String.join(", ", missing)) + "\n");
        for (Host h : hosts) {
            s.append(String.format(Locale.ROOT, "  %-10s %s%n", h.host(), h.type().isEmpty() ? "none" : h.type() + " " + h.domain()));
        }
        return s.toString();
    }
}
