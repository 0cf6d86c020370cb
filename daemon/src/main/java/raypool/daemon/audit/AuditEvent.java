package raypool.daemon.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * Everything the daemon writes to its audit log, one record per kind of event. The JSON name of each
 * kind is its {@code event} field; every line also has {@code time} (wall clock), {@code poolTime}
 * (the pool's clock) and {@code round}. {@link AuditCodec} turns these into lines and back, and the
 * same records rebuild the daemon's memory after a restart ({@link raypool.daemon.DaemonMemory#apply}),
 * so a field renamed here is renamed for both, and a round-trip test covers every kind.
 *
 * <p>Names ({@code vm}, {@code from}, {@code to}, {@code host}) are name labels for people; the
 * {@code ...Key} fields are the pool's references, which restart recovery uses. Only names, refs,
 * figures and pool error codes are written: never a password or a session.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AuditEvent.Start.class, name = "start"),
        @JsonSubTypes.Type(value = AuditEvent.Recovered.class, name = "recovered"),
        @JsonSubTypes.Type(value = AuditEvent.Round.class, name = "round"),
        @JsonSubTypes.Type(value = AuditEvent.RoundFailed.class, name = "round-failed"),
        @JsonSubTypes.Type(value = AuditEvent.RoundSkipped.class, name = "round-skipped"),
        @JsonSubTypes.Type(value = AuditEvent.PoolNote.class, name = "pool"),
        @JsonSubTypes.Type(value = AuditEvent.LeaseAcquired.class, name = "lease-acquired"),
        @JsonSubTypes.Type(value = AuditEvent.LeaseWaiting.class, name = "lease-waiting"),
        @JsonSubTypes.Type(value = AuditEvent.LeaseReleased.class, name = "lease-released"),
        @JsonSubTypes.Type(value = AuditEvent.MetricsUnknown.class, name = "metrics-unknown"),
        @JsonSubTypes.Type(value = AuditEvent.MetricsImplausible.class, name = "metrics-implausible"),
        @JsonSubTypes.Type(value = AuditEvent.Rules.class, name = "rules"),
        @JsonSubTypes.Type(value = AuditEvent.Capacity.class, name = "capacity"),
        @JsonSubTypes.Type(value = AuditEvent.Maintenance.class, name = "maintenance"),
        @JsonSubTypes.Type(value = AuditEvent.PlanRejected.class, name = "plan-rejected"),
        @JsonSubTypes.Type(value = AuditEvent.Recommend.class, name = "recommend"),
        @JsonSubTypes.Type(value = AuditEvent.RecommendPower.class, name = "recommend-power"),
        @JsonSubTypes.Type(value = AuditEvent.EvacuationStuck.class, name = "evacuation-stuck"),
        @JsonSubTypes.Type(value = AuditEvent.OverloadUnrelieved.class, name = "overload-unrelieved"),
        @JsonSubTypes.Type(value = AuditEvent.MigrationRequested.class, name = "migration-requested"),
        @JsonSubTypes.Type(value = AuditEvent.MigrationStarted.class, name = "migration-started"),
        @JsonSubTypes.Type(value = AuditEvent.MigrationRefused.class, name = "migration-refused"),
        @JsonSubTypes.Type(value = AuditEvent.MigrationDone.class, name = "migration-done"),
        @JsonSubTypes.Type(value = AuditEvent.MigrationFailed.class, name = "migration-failed"),
        @JsonSubTypes.Type(value = AuditEvent.MigrationCancelled.class, name = "migration-cancelled"),
        @JsonSubTypes.Type(value = AuditEvent.MigrationLost.class, name = "migration-lost"),
        @JsonSubTypes.Type(value = AuditEvent.PowerRequested.class, name = "power-requested"),
        @JsonSubTypes.Type(value = AuditEvent.PowerDone.class, name = "power-done"),
        @JsonSubTypes.Type(value = AuditEvent.PowerFailed.class, name = "power-failed"),
        @JsonSubTypes.Type(value = AuditEvent.Stop.class, name = "stop"),
})
public sealed interface AuditEvent {
    Instant time();

    Instant poolTime();

    long round();

    /** The daemon started: its settings, and who it is (the lease holder name). */
    record Start(Instant time, Instant poolTime, long round, String mode, String policy, String interval,
                 int repeatRounds, String cooldown, int maxConcurrent, int maxPerRound, boolean powerManagement,
                 String holder, String duration) implements AuditEvent {
    }

    /** What was rebuilt from the log at start. */
    record Recovered(Instant time, Instant poolTime, long round, String from, int lines, int unreadable,
                     int inFlight, int cooling, int held, int standbyHosts, String detail) implements AuditEvent {
    }

    /** One round completed. {@code decideMs}: snapshot, plan and decisions, no network. */
    record Round(Instant time, Instant poolTime, long round, int hosts, int vms, int recommendations, int started,
                 int inFlight, double decideMs) implements AuditEvent {
    }

    /** The pool did not answer at {@code stage} (read, observe, start, lease, power); the next round tries again. */
    record RoundFailed(Instant time, Instant poolTime, long round, String stage, String error, String detail)
            implements AuditEvent {
    }

    /** The round decided nothing, on purpose: {@code reason} is wlb-enabled, lease-settling, ... */
    record RoundSkipped(Instant time, Instant poolTime, long round, String reason, String detail)
            implements AuditEvent {
    }

    /** Something the reader noticed: a renewed session, EVENTS_LOST. */
    record PoolNote(Instant time, Instant poolTime, long round, String detail) implements AuditEvent {
    }

    record LeaseAcquired(Instant time, Instant poolTime, long round, String holder, Instant expires,
                         String previousHolder, String detail) implements AuditEvent {
    }

    /** Another daemon holds the lease: this one waits and does nothing to the pool. */
    record LeaseWaiting(Instant time, Instant poolTime, long round, String holder, Instant expires, String detail)
            implements AuditEvent {
    }

    record LeaseReleased(Instant time, Instant poolTime, long round, String holder, String detail)
            implements AuditEvent {
    }

    /** Hosts and VMs whose metrics could not be read this round: no decision uses them. */
    record MetricsUnknown(Instant time, Instant poolTime, long round, List<String> hosts, List<String> vms,
                          List<String> reasons, String detail) implements AuditEvent {
    }

    /** Metrics no real pool reports (a host with 0 CPUs, a VM at exactly 0 in every sample): the round stops. */
    record MetricsImplausible(Instant time, Instant poolTime, long round, List<String> problems, String detail)
            implements AuditEvent {
    }

    /** Placement rules read from the pool (exclusions, affinity, anti-affinity), said when they change. */
    record Rules(Instant time, Instant poolTime, long round, List<String> excludedVms, List<String> excludedHosts,
                 List<String> affinity, List<String> antiAffinity, String detail) implements AuditEvent {
    }

    /** A host is disabled: by an administrator (maintenance), or by this daemon (to power it off). */
    /**
     * Each host's CPU capacity: measured (host, MIPS per thread, the raybench result it came from, how it
     * was matched) or the fallback (hosts named).
     */
    record Capacity(Instant time, Instant poolTime, long round, List<String> measured, List<String> fallback,
                    String detail) implements AuditEvent {
    }

    record Maintenance(Instant time, Instant poolTime, long round, String host, String hostKey, String by,
                       String detail) implements AuditEvent {
    }

    record PlanRejected(Instant time, Instant poolTime, long round, String error, String detail)
            implements AuditEvent {
    }

    /** A planned migration and what the daemon decided about it. */
    record Recommend(Instant time, Instant poolTime, long round, String vm, String vmKey, String from, String fromKey,
                     String to, String toKey, String reason, String severity, int streak, String decision)
            implements AuditEvent {
    }

    /** A planned power action (on or off) and what the daemon decided about it. */
    record RecommendPower(Instant time, Instant poolTime, long round, String action, String host, String hostKey,
                          String reason, int streak, String decision) implements AuditEvent {
    }

    record EvacuationStuck(Instant time, Instant poolTime, long round, String host, String vm, List<String> hosts,
                           String detail) implements AuditEvent {
    }

    record OverloadUnrelieved(Instant time, Instant poolTime, long round, String host, double cpu, double high,
                              String detail) implements AuditEvent {
    }

    /**
     * Written before the call that starts a migration, so that no migration ever starts without a
     * record of it: after a crash between this line and the next, the VM is treated as possibly moved.
     */
    record MigrationRequested(Instant time, Instant poolTime, long round, String vm, String vmKey, String from,
                              String fromKey, String to, String toKey, String reason, String severity)
            implements AuditEvent {
    }

    record MigrationStarted(Instant time, Instant poolTime, long round, String vm, String vmKey, String from,
                            String fromKey, String to, String toKey, String task, String reason, String severity)
            implements AuditEvent {
    }

    /** The pool refused to start it (e.g. VM_REQUIRES_SR); the VM is held until {@code heldUntil}. */
    record MigrationRefused(Instant time, Instant poolTime, long round, String vm, String vmKey, String from,
                            String fromKey, String to, String toKey, String code, String error, Instant heldUntil,
                            String detail) implements AuditEvent {
    }

    record MigrationDone(Instant time, Instant poolTime, long round, String vm, String vmKey, String from,
                         String fromKey, String to, String toKey, String task, String reason,
                         double seenDoneAfterSeconds) implements AuditEvent {
    }

    record MigrationFailed(Instant time, Instant poolTime, long round, String vm, String vmKey, String from,
                           String fromKey, String to, String toKey, String task, String reason, String code,
                           Instant heldUntil, String detail) implements AuditEvent {
    }

    record MigrationCancelled(Instant time, Instant poolTime, long round, String vm, String vmKey, String from,
                              String fromKey, String to, String toKey, String task, String reason, Instant heldUntil,
                              String detail) implements AuditEvent {
    }

    /** The task vanished; where the VM runs is read again, and it counts as moved (its cooldown restarts). */
    record MigrationLost(Instant time, Instant poolTime, long round, String vm, String vmKey, String from,
                         String fromKey, String to, String toKey, String task, String reason, String detail)
            implements AuditEvent {
    }

    /**
     * Written before the calls of a power action: {@code action} is {@code power-off} (disable, then
     * shut down; the host becomes this daemon's standby host) or {@code power-on} (power on; enabled
     * again once live).
     */
    record PowerRequested(Instant time, Instant poolTime, long round, String action, String host, String hostKey,
                          String reason) implements AuditEvent {
    }

    /** A power action completed: off (the host is down), or on (live and enabled again). */
    record PowerDone(Instant time, Instant poolTime, long round, String action, String host, String hostKey,
                     String detail) implements AuditEvent {
    }

    record PowerFailed(Instant time, Instant poolTime, long round, String action, String host, String hostKey,
                       String code, String detail) implements AuditEvent {
    }

    record Stop(Instant time, Instant poolTime, long round, String reason, int inFlight, String detail)
            implements AuditEvent {
    }
}
