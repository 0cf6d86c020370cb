package raypool.xapi.sim;

import java.util.List;

/**
 * The simulated stand. The default is the original one: 4 hosts of 80 threads and 150 GiB RAM on
 * shared storage, a 10 GbE migration network, about 40 VMs of mixed load.
 *
 * @param migrationNicMbps speed of every host's migration network in Mbit/s; the rate a migration gets
 *        from it is the balancer's {@link raypool.balancer.model.MigrationLink} model
 * @param timeScale simulated seconds per real second: 1 in a standalone pool, large in tests so that
 *        migrations finish quickly
 */
public record SimConfig(long seed, int hosts, int threadsPerHost, long memoryPerHostBytes, int vms,
                        double migrationNicMbps, double timeScale, List<SimUser> users) {

    public static final long GIB = 1L << 30;

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
        users = List.copyOf(users);
    }

    public static SimConfig defaultStand(String user, String password) {
        return new SimConfig(42, 4, 80, 150 * GIB, 40, 10_000, 1.0,
                List.of(new SimUser(user, password, SimUser.Role.POOL_ADMIN)));
    }

    public SimConfig withTimeScale(double scale) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps,
                scale, users);
    }

    public SimConfig withVms(int count) {
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, count, migrationNicMbps,
                timeScale, users);
    }

    public SimConfig withHosts(int count) {
        return new SimConfig(seed, count, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps,
                timeScale, users);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(s, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps,
                timeScale, users);
    }

    public SimConfig withUser(SimUser user) {
        List<SimUser> more = new java.util.ArrayList<>(users);
        more.add(user);
        return new SimConfig(seed, hosts, threadsPerHost, memoryPerHostBytes, vms, migrationNicMbps,
                timeScale, more);
    }
}
