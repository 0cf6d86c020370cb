package raypool.cloud.pool;

import java.util.ArrayList;
import java.util.List;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;

/**
 * The checks xapi makes when a host joins a pool, made before asking (pure, from the joining host's
 * pool and the master's): each failure is the error xapi would answer, with what to do about it.
 */
public final class JoinPreflight {
    /** One check; {@code code} is the XAPI error it would fail with. */
    public record Check(String code, boolean passed, String explanation) {
    }

    private JoinPreflight() {
    }

    public static List<Check> checks(PoolView joiner, PoolView master) {
        List<Check> out = new ArrayList<>();
        HostView host = joiner.master();
        out.add(new Check("JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS", joiner.hosts().size() == 1,
                joiner.hosts().size() == 1 ? "the joining host is a pool of one"
                        : "the joining host is the master of " + joiner.hosts().size() + " hosts; eject them first"));
        List<String> running = joiner.vms().stream().filter(v -> v.guest() && v.running()).map(VmView::name).toList();
        out.add(new Check("JOINING_HOST_CANNOT_HAVE_RUNNING_VMS", running.isEmpty(), running.isEmpty() ? "no VM runs on it"
                : "VMs run on it (" + String.join(", ", running) + "); shut them down (their disks stay on its local SR)"));
        List<String> shared = joiner.networks().srs().stream().filter(s -> s.shared()).map(s -> s.name()).toList();
        out.add(new Check("JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS", shared.isEmpty(), shared.isEmpty() ? "no shared SR"
                : "it has shared SRs (" + String.join(", ", shared) + "); detach them: it will see the pool's"));
        int tunnels = joiner.networks().tunnels().size();
        out.add(new Check("POOL_JOINING_HOST_HAS_TUNNELS", tunnels == 0, tunnels == 0 ? "no tunnels"
                : tunnels + " tunnel(s); destroy them, the pool's private networks reach it once it has joined"));
        boolean bonds = joiner.networks().pifs().stream().anyMatch(p -> p.bondSlave());
        out.add(new Check("POOL_JOINING_HOST_HAS_BONDS", !bonds, bonds ? "it has bonded interfaces; destroy the bonds first"
                : "no bonds"));
        String auth = host.externalAuth() + " " + host.externalAuthService();
        String poolAuth = master.master().externalAuth() + " " + master.master().externalAuthService();
        out.add(new Check("POOL_JOINING_EXTERNAL_AUTH_MISMATCH", auth.equals(poolAuth), auth.equals(poolAuth)
                ? "external authentication matches (" + (auth.isBlank() ? "none" : auth.trim()) + ")"
                : "it has " + (auth.isBlank() ? "none" : auth.trim()) + ", the pool " + (poolAuth.isBlank() ? "none" : poolAuth.trim())
                        + "; make them the same (auth ensure on the pool, or leave the domain on the host)"));
        String version = master.master().productVersion();
        out.add(new Check("POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION", host.productVersion().equals(version),
                host.productVersion().equals(version) ? "both run " + version
                        : "it runs " + host.productVersion() + ", the pool " + version + "; update it to the pool's version"));
        String edition = master.master().edition();
        out.add(new Check("LICENSE_HOST_POOL_MISMATCH", host.edition().equals(edition), host.edition().equals(edition)
                ? "both run the " + edition + " edition"
                : "it runs the " + host.edition() + " edition, the pool " + edition + "; apply " + edition + " to it first"));
        out.add(new Check("HA_IS_ENABLED", !master.pool().haEnabled() && !joiner.pool().haEnabled(),
                master.pool().haEnabled() ? "HA is on in the pool; disable it while the host joins" : "HA is off"));
        return out;
    }
}
