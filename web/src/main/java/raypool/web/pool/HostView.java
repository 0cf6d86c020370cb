package raypool.web.pool;

/** A host: name, uuid, whether it is live and enabled, threads, memory total and free in MiB. */
public record HostView(String ref, String uuid, String name, boolean live, boolean enabled, int threads,
                       long memoryTotalMib, long memoryFreeMib) {
}
