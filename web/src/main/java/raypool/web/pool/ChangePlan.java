package raypool.web.pool;

import java.util.List;
import raypool.web.access.Usage;

/** The XAPI calls that make a change, and what it adds to the running VMs' usage (for the quotas). */
public record ChangePlan(List<XapiCall> calls, Usage adds) {
    public ChangePlan {
        calls = List.copyOf(calls);
    }
}
