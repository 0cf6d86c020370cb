package raypool.cloud.view;

import java.util.List;
import java.util.Map;
import raypool.xapi.client.Ref;

/**
 * A VM as the cloud commands see it (guests, templates and control domains alike).
 *
 * @param order         VM.order: lower shuts down later and starts earlier
 * @param shutdownDelay VM.shutdown_delay in seconds
 * @param ips           the guest's addresses by VIF device ("0" -> "10.0.0.5"), from its guest metrics
 */
public record VmView(Ref ref, String uuid, String name, String powerState, Ref residentOn, boolean template,
                     boolean controlDomain, boolean snapshot, long order, long shutdownDelay, String hvmBootPolicy,
                     Map<String, String> hvmBootParams, String pvBootloader, Map<String, String> otherConfig,
                     List<Ref> vifs, Map<String, String> ips) {

    /** other_config key that marks a VM the pool's own services run in (licence server, directory, ...). */
    public static final String INFRASTRUCTURE_KEY = "raypool-infrastructure";

    public boolean running() {
        return "Running".equals(powerState);
    }

    /** A VM a person runs: not a template, snapshot or control domain. */
    public boolean guest() {
        return !template && !controlDomain && !snapshot;
    }

    /** A guest that runs a service of the pool itself (other_config raypool-infrastructure=ROLE). */
    public boolean infrastructure() {
        return otherConfig.containsKey(INFRASTRUCTURE_KEY);
    }
}
