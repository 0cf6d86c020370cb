package raypool.cloud.licence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import raypool.cloud.plan.Arg;
import raypool.cloud.plan.Plan;
import raypool.cloud.plan.Step;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;

/**
 * The way out of the licence trap, planned over a view (pure): with an expired licence no VM starts,
 * the licence server's own VM included; the free edition needs no licence server, so apply it first on
 * every expired host, start the licence server VM, then apply the paid edition again, checked out from
 * the server now running. Plans only what is missing: a pool whose licences are valid and whose
 * licence server runs gets an empty plan.
 */
public final class LicenceRecovery {
    public static final String FREE = "free";

    private LicenceRecovery() {
    }

    /** The edition to re-apply: {@code wanted}, else the paid edition most hosts run. */
    static Optional<String> targetEdition(PoolView view, Optional<String> wanted) {
        if (wanted.isPresent()) {
            return wanted.filter(e -> !e.equals(FREE));
        }
        return view.hosts().stream().map(HostView::edition).filter(e -> !e.equals(FREE))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    public static Plan plan(PoolView view, Optional<String> wanted) {
        List<HostView> expired = view.hosts().stream()
                .filter(h -> h.expiry().map(e -> e.isBefore(view.serverTime())).orElse(false)).toList();
        Optional<VmView> server = LicenceAudit.licenceServerVm(view);
        Optional<String> edition = targetEdition(view, wanted);
        Plan.Builder plan = Plan.builder();
        for (HostView h : expired) {
            plan.add(Step.of("host.apply_edition", h.name(), "the " + h.edition() + " licence of " + h.name()
                    + " expired; the free edition needs no licence server and lets VMs start again",
                    Arg.ref(h.ref(), h.name()), Arg.text(FREE)));
        }
        if (server.isPresent() && !server.get().running()) {
            VmView vm = server.get();
            plan.add(Step.of("VM.start", vm.name(), "start the licence server so that the paid edition can be checked out",
                    Arg.ref(vm.ref(), vm.name()), Arg.bool(false), Arg.bool(false)));
        }
        if (edition.isPresent()) {
            for (HostView h : view.hosts()) {
                boolean needs = expired.contains(h) || !h.edition().equals(edition.get());
                if (needs) {
                    plan.add(Step.of("host.apply_edition", h.name(), "re-apply " + edition.get() + " from the licence server "
                            + h.licenseServer(), Arg.ref(h.ref(), h.name()), Arg.text(edition.get())));
                }
            }
        }
        if (plan.build().isEmpty()) {
            plan.note("every licence is valid" + (server.isPresent() ? " and the licence server VM " + server.get().name()
                    + " runs" : "") + edition.map(e -> "; every host runs " + e).orElse(""));
        } else if (server.isEmpty() && !expired.isEmpty()) {
            plan.note("the licence server " + view.master().licenseServer() + " is no VM of this pool: it must be up for "
                    + edition.orElse("the paid edition"));
        }
        return plan.build();
    }
}
