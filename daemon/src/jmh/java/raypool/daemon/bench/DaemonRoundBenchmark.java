package raypool.daemon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import raypool.daemon.BalancerDaemon;
import raypool.daemon.DaemonConfig;
import raypool.daemon.MigrationExecutor;
import raypool.daemon.PoolReader;
import raypool.daemon.PoolState;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;

/**
 * One daemon round (automatic mode) on a pool of 64 hosts and 1,000 VMs, with the pool behind
 * in-memory ports, so the time is the daemon's own: building the snapshot and its history, planning,
 * checking, choosing, the audit lines (written to a file) and the status JSON; no network. Each round
 * reads new loads (a seeded random walk; the first hosts carry more), so plans and migrations change
 * from round to round as in a real run; migrations finish by the next round.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DaemonRoundBenchmark {
    @Param({"64x1000"})
    public String size;

    private BalancerDaemon daemon;
    private Path audit;

    /** A pool that lives in memory: where VMs run, what they use; time moves 5 minutes per read. */
    static final class MemoryPool implements PoolReader, MigrationExecutor {
        final int hosts;
        final String[] vmHost;
        final int[] vcpus;
        final long[] memory;
        final double[] cpu;
        final SplittableRandom random = new SplittableRandom(11);
        final Map<String, String[]> tasks = new HashMap<>();
        long time = 1_700_000_000_000L;
        int nextTask;

        MemoryPool(int hosts, int vms) {
            this.hosts = hosts;
            vmHost = new String[vms];
            vcpus = new int[vms];
            memory = new long[vms];
            cpu = new double[vms];
            for (int v = 0; v < vms; v++) {
                // skewed: the first quarter of the hosts holds half the VMs
                int h = v % 2 == 0 ? v / 2 % (hosts / 4) : v % hosts;
                vmHost[v] = "h" + h;
                vcpus[v] = 1 << random.nextInt(4);
                memory[v] = (2L << random.nextInt(3)) << 30;
                cpu[v] = random.nextDouble(0.2, 0.7);
            }
        }

        @Override
        public PoolState read() {
            time += 300_000;
            List<PoolState.Host> hs = new ArrayList<>(hosts);
            long[] used = new long[hosts];
            for (int v = 0; v < vmHost.length; v++) {
                cpu[v] = Math.clamp(cpu[v] + random.nextDouble(-0.05, 0.05), 0.0, 1.0);
                used[Integer.parseInt(vmHost[v].substring(1))] += memory[v];
            }
            long total = 256L << 30;
            for (int h = 0; h < hosts; h++) {
                hs.add(PoolState.Host.simple("h" + h, "host-" + h, 64, total, Math.max(0, total - used[h]), true, true,
                        PoolState.Samples.of(time, 0.5)));
            }
            List<PoolState.Vm> vms = new ArrayList<>(vmHost.length);
            for (int v = 0; v < vmHost.length; v++) {
                vms.add(PoolState.Vm.simple("v" + v, "vm-" + v, vcpus[v], memory[v], vmHost[v], Optional.empty(),
                        PoolState.Samples.of(time, cpu[v])));
            }
            return PoolState.of(time, hs, vms);
        }

        @Override
        public String start(String vm, String host) {
            String task = "t" + nextTask++;
            tasks.put(task, new String[] {vm, host});
            return task;
        }

        @Override
        public TaskStatus poll(String task) {
            String[] t = tasks.remove(task);
            if (t == null) {
                return new Gone();
            }
            vmHost[Integer.parseInt(t[0].substring(1))] = t[1];
            return new Succeeded();
        }

        @Override
        public void cancel(String task) {
            tasks.remove(task);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String[] parts = size.split("x");
        MemoryPool pool = new MemoryPool(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        audit = Files.createTempFile("daemon-bench", ".jsonl");
        DaemonConfig config = DaemonConfig.defaults().with("mode", "automatic").with("repeat-rounds", "1")
                .with("max-concurrent", "8").with("max-per-round", "8").with("max-per-host", "2")
                .with("status-port", "-1").with("audit", audit.toString()).with("policy", "wlb-performance");
        daemon = new BalancerDaemon(config, pool, pool, new AuditLog(audit));
        for (int i = 0; i < 5; i++) {
            daemon.runRound();   // a little history before timing
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        daemon.close();
        // what the timed rounds did, so that the figure is not that of empty rounds
        long rounds = 0;
        long recommendations = 0;
        long started = 0;
        for (AuditEvent line : AuditLog.read(audit).events()) {
            switch (line) {
                case AuditEvent.Round r -> rounds++;
                case AuditEvent.Recommend r -> recommendations++;
                case AuditEvent.MigrationStarted m -> started++;
                default -> { }
            }
        }
        System.out.printf("%n%d rounds: %d recommendations, %d migrations started%n", rounds, recommendations, started);
        Files.deleteIfExists(audit);
    }

    @Benchmark
    public int daemonRound() {
        daemon.runRound();
        return daemon.round();
    }
}
