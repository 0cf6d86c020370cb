package raypool.xapi.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated stand. The default is the original one: 4 hosts of 80 threads and 150 GiB RAM on
 * shared storage, a 10 GbE migration network, 40 guests of mixed load, every host with a quarter of its
 * memory free. Change it with the {@code with...} methods, each of which returns a new configuration.
 *
 * @param migrationNicMbps speed of every host's migration network in Mbit/s; the rate a migration gets
 *        from it is {@link PreCopy#linkBytesPerSecond}, shared as {@link SimPool} says
 * @param timeScale simulated seconds per real second: 1 in a standalone pool, large in tests so that
 *        migrations finish quickly
 * @param headroom the fraction of each host's memory the stand leaves free when it places guests (and
 *        never less than the largest guest): 0.25 by default, as a pool is run; 0 packs hosts full
 * @param repeatedLicenceKeys host license_params repeats a key, as XCP-ng 8.3 sends it (the default, so
 *        that clients are tested against it); false for XenServer's map, which the official Java SDK
 *        can read
 * @param wlbEnabled pool.wlb_enabled: the pool's own Workload Balancing is on
 * @param poolOtherConfig pool.other_config at start
 * @param vmTags VM.tags at start, by VM name label (vm-01-database, ...)
 * @param vmOtherConfig VM.other_config at start, by VM name label
 * @param powerOnModes host.power_on_mode by host name label; a host not named here gets the default,
 *        "wake-on-lan" for every host but the last, which has none ("") and so cannot be powered on
 * @param hostBootTime simulated time from host.power_on until the host is live and enabled
 * @param faults faults to inject on a schedule ({@link FaultSpec}); none by default
 */
public record SimConfig(long seed,
                        int hosts,
                        int threadsPerHost,
                        long memoryPerHostBytes,
                        int vms,
                        double migrationNicMbps,
                        double timeScale,
                        List<SimUser> users,
                        double headroom,
                        boolean repeatedLicenceKeys,
                        boolean wlbEnabled,
                        Map<String, String> poolOtherConfig,
                        Map<String, List<String>> vmTags,
                        Map<String, Map<String, String>> vmOtherConfig,
                        Map<String, String> powerOnModes,
                        Duration hostBootTime,
                        FaultSpec faults) {

    public static final long GIB = 1L << 30;
    /** A quarter of every host's memory free: room to take any guest of another host, or to be emptied. */
    public static final double DEFAULT_HEADROOM = 0.25;
    /** A server's firmware, Xen, the control domain and xapi: a few minutes from power-on to enabled. */
    public static final Duration DEFAULT_HOST_BOOT_TIME = Duration.ofMinutes(3);

    public SimConfig {
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be at least 1, got " + hosts);
        }
        if (threadsPerHost < 1 || memoryPerHostBytes < 4 * GIB) {
            throw new IllegalArgumentException("a host needs at least 1 thread and 4 GiB");
        }
        if (vms < 0) {
            throw new IllegalArgumentException("vms must not be negative, got " + vms);
        }
        if (!(migrationNicMbps > 0)) {
            throw new IllegalArgumentException("the migration network needs a positive speed, got " + migrationNicMbps);
        }
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("time scale must be positive, got " + timeScale);
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the simulated pool needs at least one user");
        }
        if (!(headroom >= 0 && headroom < 1)) {
            throw new IllegalArgumentException("headroom must be in 0..1 (a fraction of host memory), got " + headroom);
        }
        if (hostBootTime.isNegative()) {
            throw new IllegalArgumentException("host boot time must not be negative, got " + hostBootTime);
        }
        users = List.copyOf(users);
        poolOtherConfig = ordered(poolOtherConfig);
        vmTags = ordered(vmTags);
        vmOtherConfig = ordered(vmOtherConfig);
        powerOnModes = ordered(powerOnModes);
    }

    /** An unmodifiable copy that keeps the order entries were given in (the pool shows them in it). */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static SimConfig defaultStand(String user, String password) {
        return new SimConfig(42, 4, 80, 150 * GIB, 40, 10_000, 1.0,
                List.of(new SimUser(user, password, SimUser.Role.POOL_ADMIN)), DEFAULT_HEADROOM, true, false,
                Map.of(), Map.of(), Map.of(), Map.of(), DEFAULT_HOST_BOOT_TIME, FaultSpec.none());
    }

    public SimConfig withTimeScale(double scale) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, scale, users,
                headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig, powerOnModes,
                hostBootTime, faults);
    }

    public SimConfig withVms(int count) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, count, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig,
                powerOnModes, hostBootTime, faults);
    }

    public SimConfig withHosts(int count) {
        return new SimConfig(seed, count, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig,
                powerOnModes, hostBootTime, faults);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(s, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale, users,
                headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig, powerOnModes,
                hostBootTime, faults);
    }

    public SimConfig withMemoryPerHost(long bytes) {
        return new SimConfig(seed, hosts, threadsPerHost, bytes, vms, migrationNicMbps, timeScale, users, headroom,
                repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig, powerOnModes, hostBootTime,
                faults);
    }

    public SimConfig withHeadroom(double fraction) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, fraction, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig,
                powerOnModes, hostBootTime, faults);
    }

    public SimConfig withRepeatedLicenceKeys(boolean repeated) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeated, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig, powerOnModes,
                hostBootTime, faults);
    }

    public SimConfig withWlbEnabled(boolean enabled) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, enabled, poolOtherConfig, vmTags, vmOtherConfig, powerOnModes,
                hostBootTime, faults);
    }

    public SimConfig withHostBootTime(Duration boot) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig,
                powerOnModes, boot, faults);
    }

    public SimConfig withFaults(FaultSpec spec) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig,
                powerOnModes, hostBootTime, spec);
    }

    public SimConfig withUser(SimUser user) {
        List<SimUser> more = new ArrayList<>(users);
        more.add(user);
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale, more,
                headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig, powerOnModes,
                hostBootTime, faults);
    }

    /** pool.other_config[key] = value at start. */
    public SimConfig withPoolOtherConfig(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(poolOtherConfig);
        more.put(key, value);
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, more, vmTags, vmOtherConfig, powerOnModes,
                hostBootTime, faults);
    }

    /** The tags of the VM named {@code vmName} at start (XO's and the balancer's exclusions and affinity). */
    public SimConfig withVmTags(String vmName, List<String> tags) {
        Map<String, List<String>> more = new LinkedHashMap<>(vmTags);
        more.put(vmName, List.copyOf(tags));
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, more, vmOtherConfig, powerOnModes,
                hostBootTime, faults);
    }

    /** VM.other_config[key] = value of the VM named {@code vmName} at start. */
    public SimConfig withVmOtherConfig(String vmName, String key, String value) {
        Map<String, Map<String, String>> more = new LinkedHashMap<>(vmOtherConfig);
        Map<String, String> entries = new LinkedHashMap<>(more.getOrDefault(vmName, Map.of()));
        entries.put(key, value);
        more.put(vmName, entries);
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, more, powerOnModes,
                hostBootTime, faults);
    }

    /** host.power_on_mode of the host named {@code hostName}: "" (none: power_on refused), "wake-on-lan", "IPMI", ... */
    public SimConfig withPowerOnMode(String hostName, String mode) {
        Map<String, String> more = new LinkedHashMap<>(powerOnModes);
        more.put(hostName, mode);
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps, timeScale,
                users, headroom, repeatedLicenceKeys, wlbEnabled, poolOtherConfig, vmTags, vmOtherConfig, more,
                hostBootTime, faults);
    }
}
