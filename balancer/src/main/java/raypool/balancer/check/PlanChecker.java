package raypool.balancer.check;

import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a plan step by step against a snapshot, independently of any planner, and lists every rule a
 * step breaks. Migrations of one plan run concurrently, so a VM's memory stays held on its source
 * until the whole plan is done and is held on its destination from the start: memory is checked that
 * way, after every step.
 */
public final class PlanChecker {
    private PlanChecker() {
    }

    /** One broken rule: the index of the action in the plan and what is wrong. */
    public record Violation(int action, String message) {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid() implements Result {
    }

    public record Invalid(List<Violation> violations) implements Result {
    }

    public static Result check(Snapshot s, Plan plan) {
        int hosts = s.hostCount();
        int[] position = new int[s.vmCount()];
        for (int v = 0; v < position.length; v++) {
            position[v] = s.hostOf(v);
        }
        int[] memory = new int[hosts];
        int[] residents = new int[hosts];
        HostState[] state = new HostState[hosts];
        Map<String, int[]> antiAffinityCount = new HashMap<>();
        for (int h = 0; h < hosts; h++) {
            memory[h] = s.memoryUsedMb(h);
            residents[h] = s.vmsOnHostCount(h);
            state[h] = s.hostState(h);
            for (int i = 0; i < s.vmsOnHostCount(h); i++) {
                countAntiAffinity(antiAffinityCount, s.vm(s.vmOnHost(h, i)), h, hosts, 1);
            }
        }
        boolean[] moved = new boolean[s.vmCount()];
        boolean[] poweredOff = new boolean[hosts];
        int[] incoming = new int[hosts];
        List<Violation> violations = new ArrayList<>();
        List<Action> actions = plan.actions();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            switch (action) {
                case Action.Migrate m -> {
                    Optional<String> problem = migrateProblem(s, m, position, moved, state, memory, antiAffinityCount)
                            .or(() -> poweredOffProblem(m.to(), poweredOff));
                    if (problem.isPresent()) {
                        violations.add(new Violation(i, problem.get()));
                        continue;
                    }
                    VmSpec vm = s.vm(m.vm());
                    memory[m.to()] += vm.ramMb();
                    countAntiAffinity(antiAffinityCount, vm, m.to(), hosts, 1);
                    // the source keeps the VM's memory (and its group slot) until the plan completes
                    position[m.vm()] = m.to();
                    moved[m.vm()] = true;
                    residents[m.from()]--;
                    incoming[m.to()]++;
                }
                case Action.Place p -> {
                    if (p.vm() < 0 || p.vm() >= s.vmCount() || position[p.vm()] != -1) {
                        violations.add(new Violation(i, "VM " + p.vm() + " is already placed"));
                        continue;
                    }
                    Optional<String> problem = destinationProblem(s, s.vm(p.vm()), p.to(), state, memory, antiAffinityCount)
                            .or(() -> poweredOffProblem(p.to(), poweredOff));
                    if (problem.isPresent()) {
                        violations.add(new Violation(i, problem.get()));
                        continue;
                    }
                    memory[p.to()] += s.vm(p.vm()).ramMb();
                    countAntiAffinity(antiAffinityCount, s.vm(p.vm()), p.to(), hosts, 1);
                    position[p.vm()] = p.to();
                    incoming[p.to()]++;
                }
                case Action.PowerOff off -> {
                    if (state[off.host()] != HostState.ON) {
                        violations.add(new Violation(i, "host " + off.host() + " is " + state[off.host()] + ", not ON"));
                    } else if (residents[off.host()] > 0 || incoming[off.host()] > 0 || s.incomingRamMb(off.host()) > 0) {
                        violations.add(new Violation(i, "host " + off.host() + " still has VMs; it cannot be powered off"));
                    } else {
                        state[off.host()] = HostState.OFF;
                        poweredOff[off.host()] = true;
                    }
                }
                case Action.PowerOn on -> {
                    if (state[on.host()] != HostState.OFF) {
                        violations.add(new Violation(i, "host " + on.host() + " is " + state[on.host()] + ", not OFF"));
                    } else {
                        state[on.host()] = HostState.BOOTING;
                    }
                }
            }
        }
        return violations.isEmpty() ? new Valid() : new Invalid(List.copyOf(violations));
    }

    /** An OFF host may take VMs (the executor powers it on), but not one this very plan switched off. */
    private static Optional<String> poweredOffProblem(int to, boolean[] poweredOff) {
        return to >= 0 && to < poweredOff.length && poweredOff[to]
                ? Optional.of("host " + to + " is powered off earlier in this plan") : Optional.empty();
    }

    private static Optional<String> migrateProblem(Snapshot s, Action.Migrate m, int[] position, boolean[] moved,
                                                   HostState[] state, int[] memory, Map<String, int[]> groups) {
        if (m.vm() < 0 || m.vm() >= s.vmCount()) {
            return Optional.of("no VM " + m.vm());
        }
        VmSpec vm = s.vm(m.vm());
        if (position[m.vm()] != m.from()) {
            return Optional.of("VM " + vm.name() + " is on host " + position[m.vm()] + ", not " + m.from());
        }
        if (m.from() == m.to()) {
            return Optional.of("VM " + vm.name() + " would move to the host it is on");
        }
        if (s.isMigrating(m.vm())) {
            return Optional.of("VM " + vm.name() + " is already migrating");
        }
        if (vm.excluded()) {
            return Optional.of("VM " + vm.name() + " is excluded from balancing");
        }
        if (moved[m.vm()] && !s.constraints().repeatMovesAllowed()) {
            return Optional.of("VM " + vm.name() + " moves twice in one plan");
        }
        return destinationProblem(s, vm, m.to(), state, memory, groups);
    }

    private static Optional<String> destinationProblem(Snapshot s, VmSpec vm, int to, HostState[] state, int[] memory,
                                                       Map<String, int[]> groups) {
        if (to < 0 || to >= s.hostCount()) {
            return Optional.of("no host " + to);
        }
        if (!state[to].acceptsVms()) {
            return Optional.of("host " + to + " is " + state[to] + " and takes no VMs");
        }
        if (s.constraints().memoryEnforced() && memory[to] + vm.ramMb() > s.host(to).ramMb()) {
            return Optional.of("host " + to + " would need " + (memory[to] + vm.ramMb()) + " MB of "
                    + s.host(to).ramMb() + " MB for VM " + vm.name());
        }
        if (vm.antiAffinityGroup().isPresent() && groups.getOrDefault(vm.antiAffinityGroup().get(), new int[s.hostCount()])[to] > 0) {
            return Optional.of("VM " + vm.name() + " would share host " + to + " with its anti-affinity group "
                    + vm.antiAffinityGroup().get());
        }
        return Optional.empty();
    }

    private static void countAntiAffinity(Map<String, int[]> groups, VmSpec vm, int h, int hosts, int delta) {
        vm.antiAffinityGroup().ifPresent(g -> groups.computeIfAbsent(g, k -> new int[hosts])[h] += delta);
    }
}
