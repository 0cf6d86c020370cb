package raypool.daemon.cli;

import raypool.xapi.sim.Workload;

/**
 * The synthetic workload with a surge, so that a short simulated run has something to balance: after
 * {@value #CALM_MINUTES} simulated minutes, every guest runs at 85 % or more for {@value #SURGE_MINUTES}
 * minutes (the stand places more VMs on the first hosts, so those go over WLB's HIGH threshold), then
 * calms down again; the cycle repeats. Network and disk follow the base workload. (When the base was
 * the pool's own synthetic load, whose batch guests ran hot, two guests in three were enough; the
 * balancer's synthetic traces are light, as PlanetLab's are, so every guest surges.)
 */
public final class SurgeWorkload implements Workload {
    static final long CALM_MINUTES = 20;
    static final long SURGE_MINUTES = 120;
    private final Workload base;
    private final long startMillis;

    public SurgeWorkload(Workload base, long startMillis) {
        this.base = base;
        this.startMillis = startMillis;
    }

    private boolean surging(long epochMillis) {
        long minutes = (epochMillis - startMillis) / 60_000;
        long phase = Math.floorMod(minutes, CALM_MINUTES + SURGE_MINUTES);
        return phase >= CALM_MINUTES;
    }

    @Override
    public double cpu(int vm, long epochMillis) {
        double b = base.cpu(vm, epochMillis);
        return surging(epochMillis) ? Math.max(b, 0.85) : b;
    }

    @Override
    public String kind(int vm) {
        return base.kind(vm);
    }

    @Override
    public double networkBytesPerSecond(int vm, long epochMillis) {
        return base.networkBytesPerSecond(vm, epochMillis);
    }

    @Override
    public double diskBytesPerSecond(int vm, long epochMillis) {
        return base.diskBytesPerSecond(vm, epochMillis);
    }
}
