package raypool.cloud.pool;

import java.util.Optional;
import raypool.cloud.plan.Arg;
import raypool.cloud.plan.Plan;
import raypool.cloud.plan.Step;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;
import raypool.xapi.connect.CommandFailure;

/** pool create and eject, decided over a view (pure). */
public final class PoolDecider {
    private PoolDecider() {
    }

    /**
     * XAPI has no pool.create: every host is a pool of one, and creating a pool is naming it (then
     * joining hosts to it). A pool of several hosts keeps its name; renaming it is not creating one.
     */
    public static Plan create(PoolView view, String name) {
        if (view.pool().name().equals(name)) {
            return Plan.nothing("the pool is called " + name + " already (" + view.hosts().size() + " host(s))");
        }
        if (view.hosts().size() > 1) {
            throw CommandFailure.badInput("option --name: this host is the master of a pool of " + view.hosts().size()
                    + " hosts already (" + view.pool().name() + "); pool create names a pool of one");
        }
        return new Plan(java.util.List.of(Step.of("pool.set_name_label", name, "a pool of one is named; hosts then join it",
                Arg.ref(view.pool().ref(), view.pool().name()), Arg.text(name))), java.util.List.of());
    }

    /** pool.eject of a member; never the master; nothing when the host is not (or no longer) in the pool. */
    public static Plan eject(PoolView view, String key) {
        Optional<HostView> host = view.hostNamed(key);
        if (host.isEmpty()) {
            return Plan.nothing("no host " + key + " in this pool (ejected already, or never a member)");
        }
        HostView h = host.get();
        if (h.ref().equals(view.pool().master())) {
            throw CommandFailure.badInput("HOST: " + h.name() + " is the pool's master, which is never ejected; "
                    + "make another host the master first (pool.designate_new_master)");
        }
        return new Plan(java.util.List.of(Step.of("pool.eject", h.name(), "take " + h.name()
                + " out of the pool; it restarts as a pool of its own and loses its VMs' records",
                Arg.ref(h.ref(), h.name()))), java.util.List.of());
    }
}
