package raypool.web.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import raypool.xapi.rrd.DataSource;
import raypool.xapi.rrd.RrdUpdates;

/**
 * CPU and memory use per host over time, from rrd_updates: seeded with the pool's archive of the last hours,
 * then one sample per refresh. Keeps at most {@code capacity} samples per host.
 */
public final class HostHistory {
    private final int capacity;
    private final Map<String, Deque<double[]>> byHost = new HashMap<>();

    public HostHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Adds every row of {@code updates}: per host, the mean of its cpuN sources and the used share of memory. */
    public synchronized void add(RrdUpdates updates) {
        Map<String, List<Integer>> cpuColumns = new HashMap<>();
        Map<String, int[]> memoryColumns = new HashMap<>();
        for (int c = 0; c < updates.columns().size(); c++) {
            DataSource ds = updates.columns().get(c);
            if (!ds.ownerType().equals("host")) {
                continue;
            }
            if (ds.name().matches("cpu\\d+")) {
                cpuColumns.computeIfAbsent(ds.ownerUuid(), k -> new ArrayList<>()).add(c);
            } else if (ds.name().equals("memory_total_kib")) {
                memoryColumns.computeIfAbsent(ds.ownerUuid(), k -> new int[] {-1, -1})[0] = c;
            } else if (ds.name().equals("memory_free_kib")) {
                memoryColumns.computeIfAbsent(ds.ownerUuid(), k -> new int[] {-1, -1})[1] = c;
            }
        }
        // rows come newest first in rrd_updates' JSON and oldest first in the XML: order by time
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < updates.rows(); r++) {
            rows.add(r);
        }
        rows.sort((a, b) -> Long.compare(updates.times()[a], updates.times()[b]));
        for (var e : cpuColumns.entrySet()) {
            Deque<double[]> q = byHost.computeIfAbsent(e.getKey(), k -> new ArrayDeque<>());
            int[] mem = memoryColumns.getOrDefault(e.getKey(), new int[] {-1, -1});
            for (int r : rows) {
                double sum = 0;
                int n = 0;
                for (int c : e.getValue()) {
                    double v = updates.values()[r][c];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
                double memory = Double.NaN;
                if (mem[0] >= 0 && mem[1] >= 0) {
                    double total = updates.values()[r][mem[0]];
                    memory = total > 0 ? 1 - updates.values()[r][mem[1]] / total : Double.NaN;
                }
                long t = updates.times()[r];
                if (n > 0 && (q.isEmpty() || q.peekLast()[0] < t)) {
                    q.addLast(new double[] {t, sum / n, memory});
                }
                while (q.size() > capacity) {
                    q.removeFirst();
                }
            }
        }
    }

    public synchronized Chart cpu(String hostUuid) {
        return chart(hostUuid, 1);
    }

    public synchronized Chart memory(String hostUuid) {
        return chart(hostUuid, 2);
    }

    private Chart chart(String hostUuid, int field) {
        List<Double> values = new ArrayList<>();
        for (double[] s : byHost.getOrDefault(hostUuid, new ArrayDeque<>())) {
            if (!Double.isNaN(s[field])) {
                values.add(s[field]);
            }
        }
        return Chart.of(values);
    }
}
