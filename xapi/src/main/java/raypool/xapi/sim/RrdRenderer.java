package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers /rrd_updates from the workload: for each step between {@code start} and now, the host and VM
 * data sources xapi's rrdd publishes. Values are computed from (workload, time) rather than stored,
 * using where VMs run now (a simplification: a VM's past samples follow it to its current host).
 * The simulated pool answers for all its hosts at once, since they share one address.
 */
final class RrdRenderer {
    /** xapi keeps 5-second samples for 10 minutes; older starts are clamped to that. */
    private static final int MAX_ROWS = 120;
    private static final double KIB = 1024.0;

    private record Column(String legend, Source source) {
    }

    @FunctionalInterface
    private interface Source {
        double at(long epochMillis);
    }

    private RrdRenderer() {
    }

    /** Renders rows newest first, as xapi does. Runs under the pool's lock. */
    static String render(SimPool pool, long startSeconds, int step, boolean json) {
        long now = pool.clock().nowMillis() / 1000;
        // as rrdd: a negative start counts back from the latest sample
        long start = startSeconds < 0 ? now + startSeconds : startSeconds;
        long end = now - now % step;
        long first = Math.max(start - start % step + step, end - (long) (MAX_ROWS - 1) * step);
        if (first > end) {
            first = end;
        }
        List<Column> columns = columns(pool);
        List<Long> times = new ArrayList<>();
        for (long t = end; t >= first; t -= step) {
            times.add(t);
        }
        return json ? json(first, step, end, columns, times) : xml(first, step, end, columns, times);
    }

    private static List<Column> columns(SimPool pool) {
        List<Column> out = new ArrayList<>();
        Workload w = pool.workload();
        List<Column> dom0Columns = new ArrayList<>();
        for (SimHost h : pool.hostList()) {
            List<SimVm> resident = h.residentVms.stream().map(ref -> pool.vmList().stream()
                    .filter(v -> v.ref.equals(ref)).findFirst().orElseThrow()).toList();
            List<SimVm> guests = resident.stream().filter(v -> !v.controlDomain).toList();
            SimVm dom0 = resident.stream().filter(v -> v.controlDomain).findFirst().orElseThrow();
            String p = "AVERAGE:host:" + h.uuid + ":";
            Source guestNet = t -> guests.stream().mapToDouble(v -> w.networkBytesPerSecond(v.workloadIndex, t)).sum();
            Source guestDisk = t -> guests.stream().mapToDouble(v -> w.diskBytesPerSecond(v.workloadIndex, t)).sum();
            double migIn = pool.migrationTraffic(h, true);
            double migOut = pool.migrationTraffic(h, false);
            Source dom0Threads = t -> h.live
                    ? ControlDomainLoad.threads(guestNet.at(t), guestDisk.at(t), migIn + migOut, dom0.vcpus)
                    : Double.NaN;
            Source hostCpu = t -> {
                if (!h.live) {
                    return Double.NaN;
                }
                double busy = dom0Threads.at(t); // the control domain's own work counts, as on a real host
                for (SimVm v : guests) {
                    busy += v.vcpus * w.cpu(v.workloadIndex, t);
                }
                return Math.min(1.0, busy / h.threads);
            };
            for (int cpu = 0; cpu < h.threads; cpu++) {
                // spread around the mean so per-thread columns differ, as real schedulers' do
                double skew = 0.9 + 0.2 * ((cpu * 7919) % h.threads) / h.threads;
                out.add(new Column(p + "cpu" + cpu, t -> Math.min(1.0, hostCpu.at(t) * skew)));
            }
            out.add(new Column(p + "cpu_avg", hostCpu));
            out.add(new Column(p + "memory_total_kib", t -> h.memoryBytes / KIB));
            long free = pool.freeMemory(h);
            out.add(new Column(p + "memory_free_kib", t -> free / KIB));
            out.add(new Column(p + "pif_eth0_rx", t -> guestNet.at(t) / 2));
            out.add(new Column(p + "pif_eth0_tx", t -> guestNet.at(t) / 2));
            out.add(new Column(p + "pif_eth1_rx", t -> migIn));
            out.add(new Column(p + "pif_eth1_tx", t -> migOut));
            out.add(new Column(p + "pif_aggr_rx", t -> guestNet.at(t) / 2 + migIn));
            out.add(new Column(p + "pif_aggr_tx", t -> guestNet.at(t) / 2 + migOut));
            out.add(new Column(p + "loadavg", t -> hostCpu.at(t) * h.threads));
            // dom0 is a VM too: its vCPUs' utilisation under its own uuid, as rrdd reports it
            String d = "AVERAGE:vm:" + dom0.uuid + ":";
            for (int cpu = 0; cpu < dom0.vcpus; cpu++) {
                // xapi's daemons favour dom0's first vCPUs
                double weight = dom0.vcpus * (cpu == 0 ? 2.0 : 1.0) / (dom0.vcpus + 1);
                dom0Columns.add(new Column(d + "cpu" + cpu, t -> Math.min(1.0, dom0Threads.at(t) / dom0.vcpus * weight)));
            }
            dom0Columns.add(new Column(d + "memory", t -> (double) dom0.memoryBytes));
        }
        out.addAll(dom0Columns);
        for (SimVm v : pool.vmList()) {
            if (!v.running() || v.controlDomain) {
                continue;
            }
            String p = "AVERAGE:vm:" + v.uuid + ":";
            int i = v.workloadIndex;
            for (int cpu = 0; cpu < v.vcpus; cpu++) {
                double skew = 0.95 + 0.1 * cpu / Math.max(1, v.vcpus - 1);
                out.add(new Column(p + "cpu" + cpu, t -> Math.min(1.0, w.cpu(i, t) * skew)));
            }
            out.add(new Column(p + "memory", t -> (double) v.memoryBytes));
            out.add(new Column(p + "memory_target", t -> (double) v.memoryBytes));
            out.add(new Column(p + "vif_0_rx", t -> w.networkBytesPerSecond(i, t) * 0.6));
            out.add(new Column(p + "vif_0_tx", t -> w.networkBytesPerSecond(i, t) * 0.4));
            out.add(new Column(p + "vbd_xvda_read", t -> w.diskBytesPerSecond(i, t) * 0.7));
            out.add(new Column(p + "vbd_xvda_write", t -> w.diskBytesPerSecond(i, t) * 0.3));
        }
        return out;
    }

    private static String xml(long start, int step, long end, List<Column> columns, List<Long> times) {
        StringBuilder out = new StringBuilder(64 * columns.size() * (times.size() + 1));
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xport><meta>")
                .append("<start>").append(start).append("</start><step>").append(step).append("</step>")
                .append("<end>").append(end).append("</end><rows>").append(times.size()).append("</rows>")
                .append("<columns>").append(columns.size()).append("</columns><legend>");
        for (Column c : columns) {
            out.append("<entry>").append(c.legend()).append("</entry>");
        }
        out.append("</legend></meta><data>");
        for (long t : times) {
            out.append("<row><t>").append(t).append("</t>");
            for (Column c : columns) {
                out.append("<v>").append(number(c.source().at(t * 1000))).append("</v>");
            }
            out.append("</row>");
        }
        return out.append("</data></xport>").toString();
    }

    /** Values as strings, NaN included, as the reference describes xapi's JSON form. */
    private static String json(long start, int step, long end, List<Column> columns, List<Long> times) {
        StringBuilder out = new StringBuilder(48 * columns.size() * (times.size() + 1));
        out.append("{\"meta\":{\"start\":").append(start).append(",\"step\":").append(step)
                .append(",\"end\":").append(end).append(",\"rows\":").append(times.size())
                .append(",\"columns\":").append(columns.size()).append(",\"legend\":[");
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ",").append('"').append(columns.get(i).legend()).append('"');
        }
        out.append("]},\"data\":[");
        for (int r = 0; r < times.size(); r++) {
            long t = times.get(r);
            out.append(r == 0 ? "" : ",").append("{\"t\":").append(t).append(",\"values\":[");
            for (int i = 0; i < columns.size(); i++) {
                out.append(i == 0 ? "" : ",").append('"').append(number(columns.get(i).source().at(t * 1000))).append('"');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }
}
