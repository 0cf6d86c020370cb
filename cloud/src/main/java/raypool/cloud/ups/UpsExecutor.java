package raypool.cloud.ups;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import raypool.cloud.audit.AuditTrail;
import raypool.xapi.client.AsyncCalls;
import raypool.xapi.client.TaskTimeoutException;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.connect.CommandFailure;
import raypool.xapi.connect.XapiErrorMeanings;

/**
 * Carries out a {@link UpsPlan} through the XAPI client, auditing each call: a VM gets its clean
 * shutdown and, when the guest does not stop in time or refuses, a hard shutdown. Before each action up
 * to the first host shutdown (the point of no return) it asks {@code mainsBack}: when power has
 * returned, it stops there and leaves the rest running.
 */
public final class UpsExecutor {
    /** How long to sleep for a {@link UpsAction.Pause}; tests pass one that records instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(java.time.Duration d) throws InterruptedException;
    }

    /** What the run did. {@code cancelled}: mains returned before the point of no return. */
    public record Outcome(List<String> done, boolean cancelled) {
    }

    private final XapiClient client;
    private final AuditTrail audit;
    private final Sleeper sleeper;

    public UpsExecutor(XapiClient client, AuditTrail audit, Sleeper sleeper) {
        this.client = client;
        this.audit = audit;
        this.sleeper = sleeper;
    }

    public Outcome run(UpsPlan plan, BooleanSupplier mainsBack) {
        List<String> done = new ArrayList<>();
        audit.requireWritable();
        boolean committed = false;
        for (UpsAction action : plan.actions()) {
            committed |= action.pointOfNoReturn();
            if (!committed && mainsBack.getAsBoolean()) {
                done.add("mains returned: stopped before " + action.describe());
                return new Outcome(done, true);
            }
            switch (action) {
                case UpsAction.DisableHa a -> call("pool.disable_ha", a.name(), "HA would restart what is being stopped", done);
                case UpsAction.StopVm v -> stopVm(v, done);
                case UpsAction.Pause p -> {
                    try {
                        sleeper.sleep(p.delay());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw CommandFailure.refused("interrupted while waiting " + p.reason());
                    }
                    done.add(p.describe());
                }
                case UpsAction.DisableHost h -> call("host.disable", h.name(), "no VM may start on it any more", done, h.host());
                case UpsAction.ShutdownHost h -> call("host.shutdown", h.name(), h.master() ? "the master, last" : "power off",
                        done, h.host());
            }
        }
        return new Outcome(done, false);
    }

    private void stopVm(UpsAction.StopVm v, List<String> done) {
        try {
            new AsyncCalls(client).run("VM.clean_shutdown", v.cleanTimeout(), v.vm());
            audit.done("VM.clean_shutdown", List.of(v.name()), v.name(), "UPS shutdown");
            done.add("VM.clean_shutdown(" + v.name() + ")");
            return;
        } catch (TaskTimeoutException e) {
            audit.refused("VM.clean_shutdown", List.of(v.name()), v.name(), "UPS shutdown",
                    "no shutdown within " + v.cleanTimeout().toSeconds() + " s");
        } catch (XapiError e) {
            audit.refused("VM.clean_shutdown", List.of(v.name()), v.name(), "UPS shutdown", e.code() + " " + e.params());
            if (e.code().equals("VM_BAD_POWER_STATE")) {
                done.add(v.name() + " was halted already");
                return;
            }
        }
        call("VM.hard_shutdown", v.name(), "the guest did not stop cleanly in time", done, v.vm());
    }

    private void call(String method, String target, String reason, List<String> done, Object... args) {
        try {
            client.call(method, args);
        } catch (XapiError e) {
            audit.refused(method, List.of(target), target, reason, e.code() + " " + e.params());
            throw CommandFailure.refused(method + "(" + target + "): " + XapiErrorMeanings.describe(e)
                    + " (" + done.size() + " earlier action(s) done)");
        }
        audit.done(method, List.of(target), target, reason);
        done.add(method + "(" + target + ")");
    }
}
