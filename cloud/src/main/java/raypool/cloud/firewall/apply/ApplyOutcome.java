package raypool.cloud.firewall.apply;

import java.util.List;

/** What applying did (or, in a dry run, would do): the flows per cookie that changed, the fail mode set. */
public record ApplyOutcome(String bridge, boolean applied, int flows, String failMode, List<CookieChange> changes) {

    public ApplyOutcome {
        changes = List.copyOf(changes);
    }
}
