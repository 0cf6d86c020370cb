package raypool.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import raypool.daemon.audit.AuditEvent;

/**
 * What the daemon remembers between rounds, immutable: how many rounds in a row each proposal has been
 * made (streaks), when VMs last moved (cooldowns), VMs on hold after a failure, the migrations it
 * started and has not seen end, and the hosts it is powering off or on.
 *
 * <p>Everything but the streaks changes only through {@link #apply(AuditEvent)}: the daemon writes an
 * event, then applies it; a restart applies the same events read back from the log. So the state after
 * a restart is the state before it, by construction (streaks start again from zero: a restart waits
 * the repeat rounds again, which is the safe side).
 *
 * @param streaks     rounds in a row each proposal (see {@link Proposal#key()}) has been made
 * @param lastMoved   VM key to the pool time (epoch ms) it last moved
 * @param heldUntil   VM key to the pool time until which it is left alone after a failure
 * @param inFlight    VM key to the migration this daemon started (task empty: requested, not confirmed)
 * @param powered     host key to the power action this daemon has under way or did (standby hosts)
 */
public record DaemonMemory(Map<String, Integer> streaks, Map<String, Long> lastMoved, Map<String, Long> heldUntil,
                           Map<String, InFlight> inFlight, Map<String, PoweredHost> powered) {

    public static final DaemonMemory EMPTY = new DaemonMemory(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public DaemonMemory {
        streaks = Map.copyOf(streaks);
        lastMoved = Map.copyOf(lastMoved);
        heldUntil = Map.copyOf(heldUntil);
        inFlight = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inFlight));
        powered = Map.copyOf(powered);
    }

    /** A migration this daemon started (or asked for) and has not seen end. */
    public record InFlight(String task, String vm, String vmName, String from, String fromName, String to,
                           String toName, long startedMillis, String reason, String severity) {
        /** Asked for, but the pool's answer (the task) was never recorded: a crash came in between. */
        public boolean unconfirmed() {
            return task.isEmpty();
        }
    }

    /** A host this daemon powers off or on. */
    public record PoweredHost(String key, String name, Phase phase, long sinceMillis) {
    }

    public enum Phase {
        /** Being disabled and shut down by this daemon. */
        POWERING_OFF,
        /** Off because this daemon shut it down: a standby host it may power on again. */
        STANDBY,
        /** Power-on asked for; enabled again once it is live. */
        BOOTING
    }

    // ------------------------------------------------------------------ the one cooldown and hold rule

    /**
     * Why a VM must stay where it is now, if it must: in flight, within its cooldown (pool time since it
     * last moved), or on hold after a failure. The snapshot builder and the decider both ask this, so the
     * rule exists once.
     */
    public Optional<String> resting(String vm, long now, Duration cooldown) {
        InFlight f = inFlight.get(vm);
        if (f != null) {
            return Optional.of(f.unconfirmed() ? "a migration was asked for and its outcome is unknown"
                    : "migrating (task started by this daemon)");
        }
        Long moved = lastMoved.get(vm);
        if (moved != null && now - moved < cooldown.toMillis()) {
            return Optional.of("moved " + (now - moved) / 1000 + " s ago, cooldown " + cooldown);
        }
        Long held = heldUntil.get(vm);
        if (held != null && now < held) {
            return Optional.of("on hold after a failed or refused move until " + Instant.ofEpochMilli(held));
        }
        return Optional.empty();
    }

    public DaemonMemory withStreaks(Map<String, Integer> next) {
        return new DaemonMemory(next, lastMoved, heldUntil, inFlight, powered);
    }

    /** Holds and cooldowns that ended before {@code now} are forgotten. */
    public DaemonMemory expire(long now, Duration cooldown) {
        Map<String, Long> held = new HashMap<>(heldUntil);
        held.values().removeIf(until -> until <= now);
        Map<String, Long> moved = new HashMap<>(lastMoved);
        moved.values().removeIf(at -> now - at >= cooldown.toMillis());
        return new DaemonMemory(streaks, moved, held, inFlight, powered);
    }

    /**
     * After recovery: a migration asked for whose start was never recorded may or may not have
     * started; the VM counts as moved then (its cooldown runs), and the pool's current_operations show
     * it busy if it is still migrating.
     */
    public DaemonMemory settleUnconfirmed() {
        Map<String, InFlight> flying = new LinkedHashMap<>(inFlight);
        Map<String, Long> moved = new HashMap<>(lastMoved);
        inFlight.forEach((vm, f) -> {
            if (f.unconfirmed()) {
                flying.remove(vm);
                moved.put(vm, f.startedMillis());
            }
        });
        return new DaemonMemory(streaks, moved, heldUntil, flying, powered);
    }

    // ------------------------------------------------------------------ the fold over audit events

    /** The memory after an event: the same whether the event was just written or read back at a restart. */
    public DaemonMemory apply(AuditEvent event) {
        boolean changes = event instanceof AuditEvent.MigrationRequested || event instanceof AuditEvent.MigrationStarted
                || event instanceof AuditEvent.MigrationRefused || event instanceof AuditEvent.MigrationDone
                || event instanceof AuditEvent.MigrationLost || event instanceof AuditEvent.MigrationFailed
                || event instanceof AuditEvent.MigrationCancelled || event instanceof AuditEvent.PowerRequested
                || event instanceof AuditEvent.PowerDone || event instanceof AuditEvent.PowerFailed;
        if (!changes) {
            return this;   // most events only say what was seen or decided: nothing to copy
        }
        long at = event.poolTime().toEpochMilli();
        Map<String, InFlight> flying = new LinkedHashMap<>(inFlight);
        Map<String, Long> moved = new HashMap<>(lastMoved);
        Map<String, Long> held = new HashMap<>(heldUntil);
        Map<String, PoweredHost> hosts = new HashMap<>(powered);
        switch (event) {
            case AuditEvent.MigrationRequested r -> flying.put(r.vmKey(), new InFlight("", r.vmKey(), r.vm(),
                    r.fromKey(), r.from(), r.toKey(), r.to(), at, r.reason(), r.severity()));
            case AuditEvent.MigrationStarted s -> flying.put(s.vmKey(), new InFlight(s.task(), s.vmKey(), s.vm(),
                    s.fromKey(), s.from(), s.toKey(), s.to(), at, s.reason(), s.severity()));
            case AuditEvent.MigrationRefused r -> {
                flying.remove(r.vmKey());
                held.put(r.vmKey(), r.heldUntil().toEpochMilli());
            }
            case AuditEvent.MigrationDone d -> {
                flying.remove(d.vmKey());
                moved.put(d.vmKey(), at);
            }
            case AuditEvent.MigrationLost l -> {
                // where the VM is now is read again, but it may well have moved: its cooldown runs
                flying.remove(l.vmKey());
                moved.put(l.vmKey(), at);
            }
            case AuditEvent.MigrationFailed f -> {
                flying.remove(f.vmKey());
                held.put(f.vmKey(), f.heldUntil().toEpochMilli());
            }
            case AuditEvent.MigrationCancelled c -> {
                flying.remove(c.vmKey());
                held.put(c.vmKey(), c.heldUntil().toEpochMilli());
            }
            case AuditEvent.PowerRequested p -> hosts.put(p.hostKey(), new PoweredHost(p.hostKey(), p.host(),
                    p.action().equals(POWER_OFF) ? Phase.POWERING_OFF : Phase.BOOTING, at));
            case AuditEvent.PowerDone p -> {
                if (p.action().equals(POWER_OFF)) {
                    hosts.put(p.hostKey(), new PoweredHost(p.hostKey(), p.host(), Phase.STANDBY, at));
                } else {
                    hosts.remove(p.hostKey());
                }
            }
            case AuditEvent.PowerFailed p -> {
                if (p.action().equals(POWER_OFF)) {
                    hosts.remove(p.hostKey());
                } else {
                    hosts.put(p.hostKey(), new PoweredHost(p.hostKey(), p.host(), Phase.STANDBY, at));
                }
            }
            default -> {
                return this;
            }
        }
        return new DaemonMemory(streaks, moved, held, flying, hosts);
    }

    public static final String POWER_OFF = "power-off";
    public static final String POWER_ON = "power-on";
}
