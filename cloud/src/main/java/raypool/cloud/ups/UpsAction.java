package raypool.cloud.ups;

import java.time.Duration;
import raypool.xapi.client.Ref;

/** One action of the UPS shutdown, in order: data, carried out by {@link UpsExecutor}. */
public sealed interface UpsAction {
    /** What a person reads: the call(s) it makes and why. */
    String describe();

    /** Whether this action powers a host off: from the first one on, mains returning no longer cancel. */
    default boolean pointOfNoReturn() {
        return false;
    }

    /** pool.disable_ha: with HA on, the pool would restart the VMs being stopped, and host.shutdown refuses. */
    record DisableHa(Ref pool, String name) implements UpsAction {
        public String describe() {
            return "pool.disable_ha(" + name + "): HA would restart what is being stopped";
        }
    }

    /** Clean shutdown, then hard shutdown if the guest has not stopped within {@code cleanTimeout}. */
    record StopVm(Ref vm, String name, long order, boolean infrastructure, Duration cleanTimeout) implements UpsAction {
        public String describe() {
            return "VM.clean_shutdown(" + name + "), VM.hard_shutdown after " + cleanTimeout.toSeconds() + " s"
                    + (infrastructure ? " [infrastructure: last among the VMs]" : " [order " + order + "]");
        }
    }

    /** VM.shutdown_delay: the VMs of one order are given this long before the next order's go down. */
    record Pause(Duration delay, String reason) implements UpsAction {
        public String describe() {
            return "wait " + delay.toSeconds() + " s: " + reason;
        }
    }

    record DisableHost(Ref host, String name) implements UpsAction {
        public String describe() {
            return "host.disable(" + name + "): no VM may start on it any more";
        }
    }

    record ShutdownHost(Ref host, String name, boolean master) implements UpsAction {
        public String describe() {
            return "host.shutdown(" + name + ")" + (master ? ": the master, last" : "");
        }

        @Override
        public boolean pointOfNoReturn() {
            return true;
        }
    }
}
