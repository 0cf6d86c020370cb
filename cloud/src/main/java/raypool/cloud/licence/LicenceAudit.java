package raypool.cloud.licence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import raypool.cloud.report.Report;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;

/**
 * What {@code licence audit} reports (pure, from a view and the pool's clock): each host's edition and
 * expiry, the licence server and the VM it runs in, when it is one of this pool's, and the findings.
 */
public record LicenceAudit(String licenceServer, Optional<String> licenceServerVm, List<HostLicence> hosts,
                           List<Finding> findings) implements Report {

    /** @param expiry ISO-8601 or "never"; {@code daysLeft} negative once expired, empty for never */
    public record HostLicence(String host, String edition, String expiry, Optional<Long> daysLeft) {
    }

    /** The licence server VM the hosts name: by its address, or by its infrastructure mark when halted (no address then). */
    public static Optional<VmView> licenceServerVm(PoolView view) {
        String address = view.master().licenseServer().replaceFirst(":[0-9]+$", "");
        return view.vms().stream().filter(VmView::guest)
                .filter(v -> v.ips().containsValue(address)
                        || "licence-server".equals(v.otherConfig().get(VmView.INFRASTRUCTURE_KEY)))
                .findFirst();
    }

    public static LicenceAudit of(PoolView view, Duration soon) {
        Instant now = view.serverTime();
        List<Finding> findings = new ArrayList<>();
        List<HostLicence> hosts = new ArrayList<>();
        for (HostView h : view.hosts()) {
            Optional<Long> days = h.expiry().map(e -> Duration.between(now, e).toDays());
            hosts.add(new HostLicence(h.name(), h.edition(), h.expiry().map(Instant::toString).orElse("never"), days));
            if (h.expiry().isPresent() && h.expiry().get().isBefore(now)) {
                findings.add(new Finding(Finding.Code.LICENCE_EXPIRED, h.name(), "the " + h.edition() + " licence expired on "
                        + h.expiry().get() + ": no VM starts on " + h.name() + " (licence recover)"));
            } else if (h.expiry().isPresent() && h.expiry().get().isBefore(now.plus(soon))) {
                findings.add(new Finding(Finding.Code.LICENCE_EXPIRES_SOON, h.name(), "the " + h.edition()
                        + " licence expires in " + days.orElseThrow() + " days, on " + h.expiry().get()));
            }
        }
        List<String> editions = view.hosts().stream().map(HostView::edition).distinct().toList();
        if (editions.size() > 1) {
            findings.add(new Finding(Finding.Code.LICENCE_EDITIONS_MIXED, view.pool().name(), "the hosts run "
                    + String.join(", ", editions) + ": a pool runs one edition (LICENSE_HOST_POOL_MISMATCH on join)"));
        }
        Optional<VmView> server = licenceServerVm(view);
        server.ifPresent(vm -> {
            findings.add(new Finding(Finding.Code.LICENCE_SERVER_IN_POOL, vm.name(), "the licence server "
                    + view.master().licenseServer() + " runs in VM " + vm.name() + " of this pool: after a pool-wide "
                    + "shutdown with expired licences it cannot start; keep it outside, or recover with the free edition"));
            if (!vm.running()) {
                findings.add(new Finding(Finding.Code.LICENCE_SERVER_DOWN, vm.name(), "the licence server VM is "
                        + vm.powerState() + ": paid editions cannot be checked out"));
            }
        });
        return new LicenceAudit(view.master().licenseServer(), server.map(VmView::name), hosts, findings);
    }

    @Override
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("licence server ").append(licenceServer).append(licenceServerVm.map(v -> " (VM " + v + " of this pool)")
                .orElse("")).append('\n');
        s.append(String.format(Locale.ROOT, "  %-10s %-10s %-21s %s%n", "HOST", "EDITION", "EXPIRES", "DAYS LEFT"));
        for (HostLicence h : hosts) {
            s.append(String.format(Locale.ROOT, "  %-10s %-10s %-21s %s%n", h.host(), h.edition(), h.expiry(),
                    h.daysLeft().map(String::valueOf).orElse("-")));
        }
        if (findings.isEmpty()) {
            s.append("no findings\n");
        }
        for (Finding f : findings) {
            s.append(String.format(Locale.ROOT, "%-22s %s: %s%n", f.code(), f.subject(), f.message()));
        }
        return s.toString();
    }
}
