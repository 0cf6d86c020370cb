package raypool.xapi.sim;

import java.util.Optional;

/**
 * A live migration under way: memory pages still to copy, the switchover after the copy, and what
 * goes wrong halfway when a fault was armed for it. Mutable; guarded by the pool's lock.
 */
final class Migration {
    /** Pre-copy resends pages the guest dirtied meanwhile: about 30% more than its memory. */
    static final double DIRTY_PAGE_OVERHEAD = 1.3;
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
        this.totalBytes = vm.memoryBytes * DIRTY_PAGE_OVERHEAD;
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
