package raypool.xapi.sim;

import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.SyntheticTraces;
import raypool.balancer.trace.TraceReader;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A workload replayed from the balancer's traces ({@link PlanetLabTrace}: one VM per trace, 288 CPU
 * samples of 5 minutes), so that the simulated pool and the balancer's simulator read load one way:
 * {@link #synthetic} from {@link SyntheticTraces}, {@link #planetLab} through {@link TraceReader}. The
 * day starts at {@code originMillis} and repeats; between samples the CPU is interpolated, so an RRD
 * step of 5 seconds sees a smooth curve.
 *
 * <p>The traces hold CPU only. Each VM has a kind, which sizes it in the stand: with the synthetic
 * traces the default stand's seeded mix ({@link StandMix}), with PlanetLab "guest" (PlanetLab says
 * nothing about the VMs). Network and disk follow the VM's CPU at rates set by its kind.
 */
public final class TraceWorkload implements Workload {
    static final long SAMPLE_MILLIS = (long) (PlanetLabTrace.STEP_SECONDS * 1000);
    static final long DAY_MILLIS = PlanetLabTrace.SAMPLES * SAMPLE_MILLIS;

    private final PlanetLabTrace trace;
    private final long originMillis;
    private final String[] kinds;

    TraceWorkload(PlanetLabTrace trace, long originMillis, String[] kinds) {
        if (kinds.length != trace.vmCount()) {
            throw new IllegalArgumentException(kinds.length + " kinds for " + trace.vmCount() + " traces");
        }
        this.trace = trace;
        this.originMillis = originMillis;
        this.kinds = kinds.clone();
    }

    /**
     * The balancer's seeded synthetic traces, on the default stand's seeded mix of kinds: same seed, same
     * stand and same load.
     */
    public static TraceWorkload synthetic(long seed, int vms, long originMillis) {
        return new TraceWorkload(SyntheticTraces.generate(vms, seed), originMillis, StandMix.kinds(seed, vms));
    }

    /**
     * The first {@code vms} traces (in file-name order) of a PlanetLab day, read by the balancer's reader.
     *
     * @throws InputException naming the file and line of a bad value, or the directory when it holds too
     *         few traces
     */
    public static TraceWorkload planetLab(Path dayDirectory, int vms, long originMillis) {
        PlanetLabTrace day = TraceReader.read(dayDirectory);
        if (day.vmCount() < vms) {
            throw new InputException(dayDirectory, day.vmCount() + " trace files, " + vms + " VMs asked for");
        }
        PlanetLabTrace first = new PlanetLabTrace(day.source(), day.names().subList(0, vms),
                Arrays.copyOf(day.percent(), vms));
        String[] guests = new String[vms];
        Arrays.fill(guests, "guest");
        return new TraceWorkload(first, originMillis, guests);
    }

    public PlanetLabTrace trace() {
        return trace;
    }

    @Override
    public String kind(int vm) {
        return kinds[vm];
    }

    @Override
    public double cpu(int vm, long epochMillis) {
        long since = Math.floorMod(epochMillis - originMillis, DAY_MILLIS);
        int k = (int) (since / SAMPLE_MILLIS);
        double frac = (since % SAMPLE_MILLIS) / (double) SAMPLE_MILLIS;
        double a = trace.utilization(vm, k);
        double b = trace.utilization(vm, (k + 1) % PlanetLabTrace.SAMPLES);
        return a + (b - a) * frac;
    }

    @Override
    public double networkBytesPerSecond(int vm, long epochMillis) {
        double rate = switch (kinds[vm]) {
            case "idle" -> 2e4;
            case "web" -> 6e6;
            case "database" -> 1e6;
            case "batch" -> 3e5;
            default -> 4e6;
        };
        return rate * (0.5 + cpu(vm, epochMillis));
    }

    @Override
    public double diskBytesPerSecond(int vm, long epochMillis) {
        double rate = switch (kinds[vm]) {
            case "idle" -> 5e4;
            case "web" -> 5e5;
            case "database" -> 2.5e7;
            case "batch" -> 5e6;
            default -> 2e6;
        };
        return rate * (0.5 + cpu(vm, epochMillis));
    }
}
