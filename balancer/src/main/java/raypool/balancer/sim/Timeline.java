package raypool.balancer.sim;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/** Per-step series of a replay, for plots: one value per 5-minute step. */
public final class Timeline {
    private final DoubleArrayList hours = new DoubleArrayList();
    private final IntArrayList activeHosts = new IntArrayList();
    private final DoubleArrayList energyKwh = new DoubleArrayList();
    private final IntArrayList overloadedHosts = new IntArrayList();
    private final IntArrayList migrations = new IntArrayList();

    public void add(double timeSeconds, int active, double cumulativeKwh, int overloaded, int migrationsStarted) {
        hours.add(timeSeconds / 3600);
        activeHosts.add(active);
        energyKwh.add(cumulativeKwh);
        overloadedHosts.add(overloaded);
        migrations.add(migrationsStarted);
    }

    public double[] hours() { return hours.toDoubleArray(); }
    public int[] activeHosts() { return activeHosts.toIntArray(); }
    public double[] energyKwh() { return energyKwh.toDoubleArray(); }
    public int[] overloadedHosts() { return overloadedHosts.toIntArray(); }
    public int[] migrations() { return migrations.toIntArray(); }
    public int size() { return hours.size(); }
}
