package raypool.xapi.sim;

import java.util.Optional;

/**
 * A live migration under way: its task, where it goes, the {@link PreCopy} physics of its copy, and
 * what goes wrong halfway when a fault was armed for it. Mutable; guarded by the pool's lock.
 */
final class Migration {
    final String task;
    final String vm;
    final String from;
    final String to;
    final PreCopy copy;
    final Optional<SimError> failHalfway;
    final boolean targetGoesOffline;
    int reportedTenths;

    Migration(String task, SimVm vm, String to, GuestKind kind, Optional<SimError> failHalfway,
              boolean targetGoesOffline) {
        this.task = task;
        this.vm = vm.ref;
        this.from = vm.residentOn;
        this.to = to;
        this.copy = new PreCopy(vm.memoryBytes, kind.writableWorkingSet());
        this.failHalfway = failHalfway;
        this.targetGoesOffline = targetGoesOffline;
    }

    /** A fault strikes this migration when its first round is halfway through. */
    boolean faultArmed() {
        return failHalfway.isPresent() || targetGoesOffline;
    }

    double progress() {
        return copy.progress();
    }

    boolean copying() {
        return copy.copying();
    }
}
