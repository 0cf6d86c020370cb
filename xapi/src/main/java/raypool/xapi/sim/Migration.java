package raypool.xapi.sim;

import java.util.Optional;

/**
 * A live migration under way: memory still to copy, the switchover after the copy, and what goes
 * wrong halfway when a fault was armed for it. The copy moves the VM's memory once, at the rate the
 * balancer's {@link raypool.balancer.model.MigrationLink} gives; like the balancer's rules, it adds no
 * separate allowance for pages dirtied during the copy. Mutable; guarded by the pool's lock.
 */
final class Migration {
    /** Stop-and-copy and resume on the target, once the pages are across. */
    static final long SWITCHOVER_MILLIS = 300;

    final String task;
    final String vm;
    final String from;
    final String to;
    final double totalBytes;
    final Optional<SimError> failHalfway;
    final boolean targetGoesOffline;
    double remainingBytes;
    /** When the switchover ends, once the copy is done; -1 while copying. */
    long switchoverUntil = -1;
    int reportedTenths;

    Migration(String task, SimVm vm, String to, Optional<SimError> failHalfway, boolean targetGoesOffline) {
        this.task = task;
        this.vm = vm.ref;
        this.from = vm.residentOn;
        this.to = to;
        this.totalBytes = vm.memoryBytes;
        this.remainingBytes = totalBytes;
        this.failHalfway = failHalfway;
        this.targetGoesOffline = targetGoesOffline;
    }

    /** Below 1 until the task itself reports success. */
    double progress() {
        return Math.min(0.99, 1 - remainingBytes / totalBytes);
    }

    boolean copying() {
        return remainingBytes > 0;
    }
}
