package raypool.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.Stamp;

/**
 * Follows what the daemon started and has not seen end: migrations (their tasks polled each round,
 * cancelled past {@code migration-timeout}) and power actions (a host powering off is seen going down;
 * one powering on is enabled again once live, or given up after {@link #BOOT_TIMEOUT}). Each outcome is
 * an audit event handed to {@code record}, which writes it and applies it to the memory: the tracker
 * reads the memory, it never changes it itself.
 */
public final class MigrationTracker {
    /** Pool time a host may take from power-on to live before the daemon stops waiting for it. */
    public static final Duration BOOT_TIMEOUT = Duration.ofMinutes(20);
    /** Pool time a host may take to go down after its shutdown was accepted. */
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofMinutes(10);

    private final MigrationExecutor executor;
    private final HostPower power;
    private final Duration migrationTimeout;
    private final Duration failureHold;
    /** Tasks cancelled on timeout, polled until they end so that the executor can clean them up. */
    private final Set<String> cancelling = new LinkedHashSet<>();

    public MigrationTracker(MigrationExecutor executor, HostPower power, Duration migrationTimeout,
                            Duration failureHold) {
        this.executor = executor;
        this.power = power;
        this.migrationTimeout = migrationTimeout;
        this.failureHold = failureHold;
    }

    /**
     * Polls every migration in flight. {@code memory} supplies the current memory (it changes as
     * events are recorded).
     */
    public void observeMigrations(java.util.function.Supplier<DaemonMemory> memory, Stamp at,
                                  Consumer<AuditEvent> record) {
        long now = at.poolTime().toEpochMilli();
        for (String task : List.copyOf(cancelling)) {
            try {
                if (!(executor.poll(task) instanceof MigrationExecutor.Pending)) {
                    cancelling.remove(task);
                }
            } catch (PoolUnavailableException e) {
                // tried again next round
            }
        }
        for (DaemonMemory.InFlight f : new ArrayList<>(memory.get().inFlight().values())) {
            if (f.unconfirmed()) {
                continue;
            }
            MigrationExecutor.TaskStatus s;
            try {
                s = executor.poll(f.task());
            } catch (PoolUnavailableException e) {
                record.accept(new AuditEvent.RoundFailed(at.time(), at.poolTime(), at.round(), "observe",
                        e.getMessage(), "could not read the task of the migration of " + f.vmName()
                        + "; it stays in flight"));
                continue;
            }
            Instant heldUntil = Instant.ofEpochMilli(now).plus(failureHold);
            switch (s) {
                case MigrationExecutor.Pending p -> {
                    if (now - f.startedMillis() > migrationTimeout.toMillis()) {
                        try {
                            executor.cancel(f.task());
                        } catch (RuntimeException e) {
                            // the next poll reports whatever the task became
                        }
                        cancelling.add(f.task());
                        record.accept(new AuditEvent.MigrationCancelled(at.time(), at.poolTime(), at.round(),
                                f.vmName(), f.vm(), f.fromName(), f.from(), f.toName(), f.to(), f.task(), f.reason(),
                                heldUntil, "running longer than migration-timeout " + migrationTimeout
                                + "; the VM is left alone for " + failureHold));
                    }
                }
                case MigrationExecutor.Succeeded ok -> record.accept(new AuditEvent.MigrationDone(at.time(),
                        at.poolTime(), at.round(), f.vmName(), f.vm(), f.fromName(), f.from(), f.toName(), f.to(),
                        f.task(), f.reason(), (now - f.startedMillis()) / 1000.0));
                case MigrationExecutor.Failed failed -> record.accept(new AuditEvent.MigrationFailed(at.time(),
                        at.poolTime(), at.round(), f.vmName(), f.vm(), f.fromName(), f.from(), f.toName(), f.to(),
                        f.task(), f.reason(), failed.code(), heldUntil,
                        failed.detail() + "; the VM is left alone for " + failureHold));
                case MigrationExecutor.Gone gone -> record.accept(new AuditEvent.MigrationLost(at.time(),
                        at.poolTime(), at.round(), f.vmName(), f.vm(), f.fromName(), f.from(), f.toName(), f.to(),
                        f.task(), f.reason(), "the pool no longer knows the task; where the VM runs is read again "
                        + "this round, and it counts as moved for its cooldown"));
            }
        }
    }

    /** Follows the hosts this daemon is powering off or on, from what the pool shows of them now. */
    public void observePower(DaemonMemory memory, PoolState state, Stamp at, Consumer<AuditEvent> record) {
        long now = at.poolTime().toEpochMilli();
        for (DaemonMemory.PoweredHost p : memory.powered().values()) {
            Optional<PoolState.Host> seen = state.hosts().stream().filter(h -> h.key().equals(p.key())).findFirst();
            if (seen.isEmpty()) {
                continue;
            }
            PoolState.Host host = seen.get();
            switch (p.phase()) {
                case POWERING_OFF -> {
                    if (!host.live()) {
                        record.accept(new AuditEvent.PowerDone(at.time(), at.poolTime(), at.round(),
                                DaemonMemory.POWER_OFF, host.name(), host.key(),
                                "the host is down: a standby host this daemon may power on again"));
                    } else if (now - p.sinceMillis() > SHUTDOWN_TIMEOUT.toMillis()) {
                        String detail = enableAgain(host);
                        record.accept(new AuditEvent.PowerFailed(at.time(), at.poolTime(), at.round(),
                                DaemonMemory.POWER_OFF, host.name(), host.key(), "STILL_LIVE",
                                "still live " + SHUTDOWN_TIMEOUT + " after its shutdown was asked for; " + detail));
                    }
                }
                case BOOTING -> {
                    if (host.live()) {
                        try {
                            if (!host.enabled()) {
                                power.enable(host.key());
                            }
                            record.accept(new AuditEvent.PowerDone(at.time(), at.poolTime(), at.round(),
                                    DaemonMemory.POWER_ON, host.name(), host.key(),
                                    "live again after " + (now - p.sinceMillis()) / 1000 + " s; enabled"));
                        } catch (MigrationRefusedException | PoolUnavailableException e) {
                            record.accept(new AuditEvent.RoundFailed(at.time(), at.poolTime(), at.round(), "power",
                                    e.getMessage(), "host " + host.name() + " is live but could not be enabled; "
                                    + "tried again next round"));
                        }
                    } else if (now - p.sinceMillis() > BOOT_TIMEOUT.toMillis()) {
                        record.accept(new AuditEvent.PowerFailed(at.time(), at.poolTime(), at.round(),
                                DaemonMemory.POWER_ON, host.name(), host.key(), "NOT_LIVE",
                                "not live " + BOOT_TIMEOUT + " after it was powered on; it stays a standby host"));
                    }
                }
                case STANDBY -> { }
            }
        }
    }

    private String enableAgain(PoolState.Host host) {
        try {
            power.enable(host.key());
            return "enabled again";
        } catch (MigrationRefusedException | PoolUnavailableException e) {
            return "could not enable it again (" + e.getMessage() + "): an administrator must";
        }
    }
}
