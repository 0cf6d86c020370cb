package raypool.cloud.view;

import raypool.xapi.client.Ref;

/** The pool object: its name, master, and the pool-wide switches. */
public record PoolInfo(Ref ref, String uuid, String name, Ref master, boolean haEnabled, boolean wlbEnabled,
                       String wlbUrl) {
}
