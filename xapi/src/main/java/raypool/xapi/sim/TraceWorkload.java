package raypool.xapi.sim;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A workload replayed from CPU traces ({@link CpuTrace}: one VM per trace, 288 samples of 5 minutes):
 * {@link #synthetic} from {@link SyntheticCpuTraces}, {@link #planetLab} through {@link CpuTraceReader}.
 * The day starts at {@code originMillis} and repeats; between samples the CPU is interpolated, so an RRD
 * step of 5 seconds sees a smooth curve.
 *
 * <p>The traces hold CPU only. Each VM has a kind ({@link GuestKind}), which sizes it in the stand: with
 * the synthetic traces the default stand's seeded mix ({@link StandMix}), with PlanetLab "guest"
 * (PlanetLab says nothing about the VMs). Network, disk and memory writes follow the VM's CPU at rates
 * set by its kind.
 */
public final class TraceWorkload implements Workload {
    private final CpuTrace trace;
    private final long originMillis;
    private final GuestKind[] kinds;

    TraceWorkload(CpuTrace trace, long originMillis, String[] kinds) {
        if (kinds.length != trace.vmCount()) {
            throw new IllegalArgumentException(kinds.length + " kinds for " + trace.vmCount() + " traces");
        }
        this.trace = trace;
        this.originMillis = originMillis;
        this.kinds = Arrays.stream(kinds).map(GuestKind::of).toArray(GuestKind[]::new);
    }

    /** Seeded synthetic traces on the default stand's seeded mix of kinds: same seed, same stand and load. */
    public static TraceWorkload synthetic(long seed, int vms, long originMillis) {
        String[] kinds = StandMix.kinds(seed, vms);
        return new TraceWorkload(SyntheticCpuTraces.generate(kinds, seed), originMillis, kinds);
    }

    /**
     * The first {@code vms} traces (in file-name order) of a PlanetLab day directory.
     *
     * @throws TraceFileException naming the file and line of a bad value, or the directory when it holds
     *         too few traces
     */
    public static TraceWorkload planetLab(Path dayDirectory, int vms, long originMillis) {
        String[] guests = new String[vms];
        Arrays.fill(guests, GuestKind.GUEST.label());
        return new TraceWorkload(CpuTraceReader.read(dayDirectory, vms), originMillis, guests);
    }

    public CpuTrace trace() {
        return trace;
    }

    @Override
    public String kind(int vm) {
        return kinds[vm].label();
    }

    @Override
    public double cpu(int vm, long epochMillis) {
        long since = Math.floorMod(epochMillis - originMillis, CpuTrace.DAY_MILLIS);
        int k = (int) (since / CpuTrace.SAMPLE_MILLIS);
        double frac = (since % CpuTrace.SAMPLE_MILLIS) / (double) CpuTrace.SAMPLE_MILLIS;
        double a = trace.utilization(vm, k);
        double b = trace.utilization(vm, (k + 1) % CpuTrace.SAMPLES);
        return a + (b - a) * frac;
    }

    @Override
    public double networkBytesPerSecond(int vm, long epochMillis) {
        return kinds[vm].networkBytesPerSecond(cpu(vm, epochMillis));
    }

    @Override
    public double diskBytesPerSecond(int vm, long epochMillis) {
        return kinds[vm].diskBytesPerSecond(cpu(vm, epochMillis));
    }
}
