package raypool.balancer.policy;

/**
 * Settings of the WLB-style planner, with Citrix WLB's published defaults where it has them
 * (its administrator's guide) and the project's own where it does not (marked). One record, so a run's
 * behaviour is fully described by it.
 *
 * @param mode Maximize Performance spreads load; Maximize Density packs it and powers hosts off
 * @param cpuCritical critical CPU threshold (WLB default 90 %); high / medium / low are 0.85 / 0.50 /
 *                    0.15 times it
 * @param freeMemoryCriticalMb critical free memory (WLB default 51 MB); high / medium / low are 1.25 /
 *                             10 / 20 times it (free memory is an inverse metric)
 * @param cpuWeight weight of CPU in placement scores (WLB lets the administrator weigh metrics)
 * @param memoryWeight weight of memory in placement scores
 * @param recentSamples the short window of the smoothed history (samples of 5 minutes)
 * @param longSamples the long window of the smoothed history
 * @param recentWeight weight of the short window in the smoothed load (the long gets the rest)
 * @param repeatRounds hysteresis: a HIGH recommendation must hold this many rounds in a row (CRITICAL acts at once)
 * @param cooldownSteps a VM that moved waits this many 5-minute steps before it moves again
 * @param maxPerRound at most this many migrations start in one round
 * @param maxPerHost at most this many migrations touch one host at a time (its link is shared)
 * @param benefitCostRatio a consolidation must save at least this many times what its migrations cost
 * @param migrationCostWh energy-equivalent cost of a 20-second migration (CPU on both ends, the VM slowed);
 *                        longer ones (more memory, slower link) cost proportionally more
 * @param horizonHours how long a consolidation is expected to last when weighing its benefit
 * @param newVmCpuShare share of its nominal MIPS a VM with no history is assumed to use (project's)
 * @param packTarget density mode fills hosts to this share of the HIGH threshold (project's)
 * @param consolidateBelow density mode tries to empty hosts whose smoothed CPU is below this share of
 *                         capacity (project's; WLB's LOW threshold is 0.15 x critical)
 * @param powerManagement density mode powers off emptied hosts and on when load needs them
 */
public record WlbSettings(Mode mode, double cpuCritical, double freeMemoryCriticalMb, double cpuWeight,
                          double memoryWeight, int recentSamples, int longSamples, double recentWeight,
                          int repeatRounds, int cooldownSteps, int maxPerRound, int maxPerHost,
                          double benefitCostRatio, double migrationCostWh, double horizonHours,
                          double newVmCpuShare, double packTarget, double consolidateBelow, boolean powerManagement) {

    public enum Mode { PERFORMANCE, DENSITY }

    public static WlbSettings defaults(Mode mode) {
        return new WlbSettings(mode, 0.90, 51, 1.0, 0.5, 1, 6, 0.75, 2, 12, 100, 4, 2.0, 5.0, 1.0, 0.5, 1.0, 0.45,
                mode == Mode.DENSITY);
    }

    public double cpuHigh() { return 0.85 * cpuCritical; }
    public double cpuMedium() { return 0.50 * cpuCritical; }
    public double cpuLow() { return 0.15 * cpuCritical; }
    public double freeMemoryHighMb() { return 1.25 * freeMemoryCriticalMb; }
    public double freeMemoryMediumMb() { return 10 * freeMemoryCriticalMb; }
    public double freeMemoryLowMb() { return 20 * freeMemoryCriticalMb; }

    public WlbSettings withCooldownSteps(int steps) {
        return new WlbSettings(mode, cpuCritical, freeMemoryCriticalMb, cpuWeight, memoryWeight, recentSamples,
                longSamples, recentWeight, repeatRounds, steps, maxPerRound, maxPerHost, benefitCostRatio,
                migrationCostWh, horizonHours, newVmCpuShare, packTarget, consolidateBelow, powerManagement);
    }

    public WlbSettings withLimits(int perRound, int perHost) {
        return new WlbSettings(mode, cpuCritical, freeMemoryCriticalMb, cpuWeight, memoryWeight, recentSamples,
                longSamples, recentWeight, repeatRounds, cooldownSteps, perRound, perHost, benefitCostRatio,
                migrationCostWh, horizonHours, newVmCpuShare, packTarget, consolidateBelow, powerManagement);
    }

    public WlbSettings withRepeatRounds(int rounds) {
        return new WlbSettings(mode, cpuCritical, freeMemoryCriticalMb, cpuWeight, memoryWeight, recentSamples,
                longSamples, recentWeight, rounds, cooldownSteps, maxPerRound, maxPerHost, benefitCostRatio,
                migrationCostWh, horizonHours, newVmCpuShare, packTarget, consolidateBelow, powerManagement);
    }
}
