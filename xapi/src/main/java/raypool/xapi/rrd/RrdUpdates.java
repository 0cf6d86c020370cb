package raypool.xapi.rrd;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A reply of {@code GET /rrd_updates}: rows of samples, one column per data source. Rows are kept in
 * the order the server sent them (xapi sends the newest first); {@link #latest} picks by timestamp.
 * Missing samples are NaN, as XAPI writes them.
 */
public record RrdUpdates(long start, long step, long end, List<DataSource> columns, long[] times,
                         double[][] values) {

    public RrdUpdates {
        columns = List.copyOf(columns);
        if (times.length != values.length) {
            throw new IllegalArgumentException("rrd_updates: " + times.length + " timestamps for " + values.length + " rows");
        }
        for (int row = 0; row < values.length; row++) {
            if (values[row].length != columns.size()) {
                throw new IllegalArgumentException("rrd_updates: row " + row + " has " + values[row].length
                        + " values for " + columns.size() + " columns");
            }
        }
    }

    public int rows() {
        return times.length;
    }

    /** Column index by owner and name (consolidation ignored: one CF per request), or -1. */
    public int column(String ownerUuid, String name) {
        return index().getOrDefault(ownerUuid + ":" + name, -1);
    }

    /** The newest non-NaN value of a data source, or empty when absent or never sampled. */
    public OptionalDouble latest(String ownerUuid, String name) {
        int col = column(ownerUuid, name);
        if (col < 0) {
            return OptionalDouble.empty();
        }
        Integer[] order = newestFirst();
        for (int row : order) {
            double v = values[row][col];
            if (!Double.isNaN(v)) {
                return OptionalDouble.of(v);
            }
        }
        return OptionalDouble.empty();
    }

    /** The newest row's values for every column of {@code ownerUuid}, by data-source name. */
    public Map<String, Double> latestOf(String ownerUuid) {
        Map<String, Double> out = latestByOwner().get(ownerUuid);
        return out == null ? new HashMap<>() : out;
    }

    /**
     * {@link #latestOf} for every owner in one pass over the columns: what a reader of a whole pool
     * wants (asking owner by owner rescans every column each time). A data source that appears twice
     * keeps its first column, as {@link #latest} does.
     */
    public Map<String, Map<String, Double>> latestByOwner() {
        Integer[] order = newestFirst();
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (int col = 0; col < columns.size(); col++) {
            DataSource ds = columns.get(col);
            Map<String, Double> owner = out.computeIfAbsent(ds.ownerUuid(), k -> new HashMap<>());
            if (owner.containsKey(ds.name())) {
                continue;
            }
            for (int row : order) {
                double v = values[row][col];
                if (!Double.isNaN(v)) {
                    owner.put(ds.name(), v);
                    break;
                }
            }
        }
        return out;
    }

    private Integer[] newestFirst() {
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times[b], times[a]));
        return order;
    }

    private Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(columns.get(i).ownerUuid() + ":" + columns.get(i).name(), i);
        }
        return index;
    }
}
