package raypool.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.Stamp;

/**
 * Carries out the decisions a round applies, in order, each preceded by its audit event
 * (migration-requested, power-requested) so that nothing starts without its record, and stops at the
 * first the pool refuses: a later decision may have relied on it, and the next round plans again.
 */
final class DecisionExecutor {
    private final MigrationExecutor executor;
    private final HostPower power;
    private final Duration failureHold;

    DecisionExecutor(MigrationExecutor executor, HostPower power, Duration failureHold) {
        this.executor = executor;
        this.power = power;
        this.failureHold = failureHold;
    }

    /** Carries out the applied decisions in order; stops at the first the pool refuses. Returns migrations started. */
    int act(List<RoundDecider.Decision> applied, Supplier<Stamp> stamp, Consumer<AuditEvent> record) {
        int started = 0;
        for (RoundDecider.Decision d : applied) {
            Stamp at = stamp.get();
            boolean ok = switch (d.proposal()) {
                case RoundDecider.Migration m -> {
                    boolean s = start(m, at, record);
                    started += s ? 1 : 0;
                    yield s;
                }
                case RoundDecider.PowerOff off -> power(DaemonMemory.POWER_OFF, off.hostKey(), off.hostName(),
                        off.reason(), at, record);
                case RoundDecider.PowerOn on -> power(DaemonMemory.POWER_ON, on.hostKey(), on.hostName(), on.reason(),
                        at, record);
            };
            if (!ok) {
                break;   // a later choice may have relied on this one; plan again next round
            }
        }
        return started;
    }

    private boolean start(RoundDecider.Migration m, Stamp at, Consumer<AuditEvent> record) {
        record.accept(new AuditEvent.MigrationRequested(at.time(), at.poolTime(), at.round(), m.vmName(), m.vmKey(),
                m.fromName(), m.fromKey(), m.toName(), m.toKey(), m.reason(), m.severity().name()));
        Instant heldUntil = at.poolTime().plus(failureHold);
        String task;
        try {
            task = executor.start(m.vmKey(), m.toKey());
        } catch (MigrationRefusedException e) {
            record.accept(new AuditEvent.MigrationRefused(at.time(), at.poolTime(), at.round(), m.vmName(), m.vmKey(),
                    m.fromName(), m.fromKey(), m.toName(), m.toKey(), e.code(), e.getMessage(), heldUntil,
                    "the pool refused; the VM is left alone for " + failureHold));
            return false;
        } catch (PoolUnavailableException e) {
            record.accept(new AuditEvent.MigrationRefused(at.time(), at.poolTime(), at.round(), m.vmName(), m.vmKey(),
                    m.fromName(), m.fromKey(), m.toName(), m.toKey(), "NO_ANSWER", e.getMessage(), heldUntil,
                    "the pool did not answer; if the migration started, the next read shows the VM busy; "
                            + "the VM is left alone for " + failureHold));
            return false;
        }
        record.accept(new AuditEvent.MigrationStarted(at.time(), at.poolTime(), at.round(), m.vmName(), m.vmKey(),
                m.fromName(), m.fromKey(), m.toName(), m.toKey(), task, m.reason(), m.severity().name()));
        return true;
    }

    private boolean power(String action, String hostKey, String hostName, String reason, Stamp at,
                          Consumer<AuditEvent> record) {
        record.accept(new AuditEvent.PowerRequested(at.time(), at.poolTime(), at.round(), action, hostName, hostKey, reason));
        try {
            if (action.equals(DaemonMemory.POWER_OFF)) {
                power.powerOff(hostKey);
            } else {
                power.powerOn(hostKey);
            }
            return true;
        } catch (MigrationRefusedException e) {
            record.accept(new AuditEvent.PowerFailed(at.time(), at.poolTime(), at.round(), action, hostName, hostKey, e.code(),
                    e.getMessage()));
            return false;
        } catch (PoolUnavailableException e) {
            record.accept(new AuditEvent.PowerFailed(at.time(), at.poolTime(), at.round(), action, hostName, hostKey,
                    "NO_ANSWER", e.getMessage() + "; the next rounds see what the host became"));
            return false;
        }
    }
}
