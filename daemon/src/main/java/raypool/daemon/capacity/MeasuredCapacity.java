package raypool.daemon.capacity;

import raypool.balancer.capacity.RaybenchCapacity;
import raypool.daemon.PoolState;
import raypool.result.RaybenchResult;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU capacity of each pool host from raybench results measured on it, a pure function of the results
 * and the pool's hosts.
 *
 * <p>Matching, first that applies: the XenServer / XCP-ng host UUID a result recorded
 * ({@code host.xen_host_uuid}), the host name it recorded ({@code host.hostname}) against the host's
 * name_label, or its CPU model against the host's {@code cpu_info} model name (one result then stands for
 * every host of that model). A host no result matches keeps the fallback: a thread of the average speed.
 *
 * <p>Units, as the balancer's own measured capacity ({@link RaybenchCapacity}): one thread's speed is the
 * result's frames per CPU-second per thread; the average over the matched hosts' threads is
 * {@link #FALLBACK_THREAD_MIPS} MIPS, the daemon's unit for a thread whose speed is not known, so a pool
 * whose hosts are all measured keeps its total capacity and only its distribution changes. A VM's load read
 * as a share of its host's threads is work at that host's speed: on a host twice as fast the same work is
 * half the share (the snapshot turns shares into MIPS with the VM's current host's thread MIPS).
 */
public final class MeasuredCapacity {

    /** MIPS of a thread of unknown speed, and of the average measured thread. */
    public static final double FALLBACK_THREAD_MIPS = 1000;

    /** A result and the file it came from. */
    public record Result(Path file, RaybenchResult result) {
    }

    /**
     * The capacity of one host.
     *
     * @param threadMips MIPS of one of its threads
     * @param source     the result file it came from, or empty for the fallback
     * @param matchedBy  how the result was matched: uuid, hostname or cpu-model; empty for the fallback
     */
    public record HostCapacity(double threadMips, Optional<Path> source, Optional<String> matchedBy) {
        public static final HostCapacity FALLBACK = new HostCapacity(FALLBACK_THREAD_MIPS, Optional.empty(),
            Optional.empty());
    }

    /** Every host's capacity, by host key; {@link #of} answers the fallback for a host not seen. */
    public record Capacities(Map<String, HostCapacity> byHost) {

        public static final Capacities NONE = new Capacities(Map.of());

        public Capacities {
            byHost = Map.copyOf(byHost);
        }

        public HostCapacity of(String hostKey) {
            return byHost.getOrDefault(hostKey, HostCapacity.FALLBACK);
        }

        /** Names of the hosts that kept the fallback, among those given. */
        public List<String> fallbackHosts(List<PoolState.Host> hosts) {
            return hosts.stream().filter(h -> of(h.key()).source().isEmpty()).map(PoolState.Host::name).toList();
        }
    }

    private MeasuredCapacity() {
    }

    /** Matches results to hosts; results are checked (verified frames, a speed) by the balancer's rules. */
    public static Capacities match(List<Result> results, List<PoolState.Host> hosts) {
        if (results.isEmpty()) {
            return Capacities.NONE;
        }
        Map<String, Result> byUuid = new HashMap<>();
        Map<String, Result> byName = new HashMap<>();
        Map<String, Result> byModel = new HashMap<>();
        Map<Path, Double> speed = new HashMap<>();
        for (Result r : results) {
            speed.put(r.file(), RaybenchCapacity.from(r.file(), r.result()).threadSpeed());
            r.result().host().xenHostUuid().ifPresent(u -> byUuid.putIfAbsent(u.toLowerCase(Locale.ROOT), r));
            r.result().host().hostname().ifPresent(n -> byName.putIfAbsent(n.toLowerCase(Locale.ROOT), r));
            byModel.putIfAbsent(model(r.result().host().cpuModel()), r);
        }
        Map<String, Result> matched = new HashMap<>();
        Map<String, String> how = new HashMap<>();
        for (PoolState.Host h : hosts) {
            Result r = byUuid.get(h.identity().uuid().toLowerCase(Locale.ROOT));
            String by = "uuid";
            if (r == null) {
                r = byName.get(h.name().toLowerCase(Locale.ROOT));
                by = "hostname";
            }
            if (r == null && !h.identity().cpuModel().isBlank()) {
                r = byModel.get(model(h.identity().cpuModel()));
                by = "cpu-model";
            }
            if (r != null) {
                matched.put(h.key(), r);
                how.put(h.key(), by);
            }
        }
        if (matched.isEmpty()) {
            return Capacities.NONE;
        }
        double threads = 0;
        double work = 0;
        for (PoolState.Host h : hosts) {
            Result r = matched.get(h.key());
            if (r != null) {
                int t = Math.max(1, h.threads());
                threads += t;
                work += t * speed.get(r.file());
            }
        }
        double average = work / threads;
        Map<String, HostCapacity> byHost = new HashMap<>();
        for (Map.Entry<String, Result> e : matched.entrySet()) {
            double mips = FALLBACK_THREAD_MIPS * speed.get(e.getValue().file()) / average;
            byHost.put(e.getKey(), new HostCapacity(mips, Optional.of(e.getValue().file()), Optional.of(how.get(e.getKey()))));
        }
        return new Capacities(byHost);
    }

    private static String model(String cpuModel) {
        return cpuModel == null ? "" : cpuModel.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
