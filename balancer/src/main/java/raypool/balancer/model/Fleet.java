package raypool.balancer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference experiment's hosts and VM types (CloudSim 3.0.3's PlanetLab power experiment: HP ProLiant
 * ML110 G4 and G5 hosts, four EC2-like VM types).
 */
public final class Fleet {
    public static final int REFERENCE_HOSTS = 800;
    /** MIPS and MB of the four VM types, assigned in four equal blocks by VM index. */
    private static final double[] VM_MIPS = {2500, 2000, 1000, 500};
    private static final int[] VM_RAM = {870, 1740, 1740, 613};

    private Fleet() {
    }

    /** Even ids are G4 (2 x 1860 MIPS), odd ids G5 (2 x 2660); 4 GB each, 1 Gbit/s. */
    public static List<HostSpec> referenceHosts(int count) {
        List<HostSpec> hosts = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            boolean g4 = id % 2 == 0;
            hosts.add(new HostSpec(id, g4 ? "HP ProLiant ML110 G4" : "HP ProLiant ML110 G5", 2,
                    g4 ? 1860 : 2660, 4096, 1000, g4 ? PowerModel.G4 : PowerModel.G5));
        }
        return List.copyOf(hosts);
    }

    /** VM i gets type floor(i / ceil(n / 4)), as the reference's Helper.createVmList does. */
    public static List<VmSpec> referenceVms(List<String> names) {
        int n = names.size();
        int block = (n + 3) / 4;
        List<VmSpec> vms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int type = i / block;
            vms.add(VmSpec.plain(i, names.get(i), VM_MIPS[type], VM_RAM[type]));
        }
        return List.copyOf(vms);
    }
}
