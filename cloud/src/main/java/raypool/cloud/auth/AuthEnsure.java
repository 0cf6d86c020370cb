package raypool.cloud.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import raypool.cloud.plan.Arg;
import raypool.cloud.plan.Plan;
import raypool.cloud.plan.Step;
import raypool.cloud.view.PoolView;
import raypool.xapi.connect.CommandFailure;

/**
 * Decides how to get external authentication (AD) on every host (pure): nothing when all hosts are on
 * the domain; pool.enable_external_auth when none is; when a reboot dropped it on some hosts, disable it
 * pool-wide first, since xapi refuses to enable it while any host has it (AUTH_ALREADY_ENABLED) and has
 * no call that joins one host again. A pool on another domain is left alone (bad input).
 */
public final class AuthEnsure {
    /** The account that may join machines to the domain; the password goes to the pool, never to the log. */
    public record Credentials(String domain, String user, String password, Optional<String> ou) {
        @Override
        public String toString() {
            return "Credentials[domain=" + domain + ", user=" + user + ", password=***]";
        }
    }

    private AuthEnsure() {
    }

    public static Plan plan(PoolView view, Credentials c) {
        AuthState state = AuthState.of(view);
        boolean sameDomain = state.domain().equalsIgnoreCase(c.domain());
        if (state.state() == AuthState.State.MIXED || state.state() != AuthState.State.OFF && !sameDomain) {
            throw CommandFailure.badInput("option --domain: the pool's hosts are joined to " + state.domain()
                    + ", not " + c.domain() + "; auth ensure does not move a pool to another domain");
        }
        if (state.state() == AuthState.State.ON) {
            return Plan.nothing("every host is joined to " + state.domain());
        }
        Plan.Builder plan = Plan.builder();
        Arg pool = Arg.ref(view.pool().ref(), view.pool().name());
        if (state.state() == AuthState.State.PARTIAL) {
            plan.add(Step.of("pool.disable_external_auth", view.pool().name(), String.join(", ", state.missing())
                    + " lost the domain (rebooted?): xapi re-joins only the whole pool", pool, Arg.map(Map.of())));
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("user", c.user());
        config.put("pass", c.password());
        c.ou().ifPresent(ou -> config.put("ou", ou));
        plan.add(Step.of("pool.enable_external_auth", view.pool().name(), "join every host to " + c.domain(), pool,
                Arg.map(config, "{user=" + c.user() + ", pass=***" + c.ou().map(ou -> ", ou=" + ou).orElse("") + "}"),
                Arg.text(c.domain()), Arg.text("AD")));
        return plan.build();
    }
}
