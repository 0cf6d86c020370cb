package raypool.cloud.network;

import java.util.List;
import raypool.cloud.view.NetworkView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;
import raypool.xapi.connect.CommandFailure;

/** Finds the VM or network a command line names (name label or UUID); no match or several is bad input. */
public final class Selectors {
    private Selectors() {
    }

    public static VmView vm(PoolView view, String key, String what) {
        List<VmView> found = view.vmsNamed(key).stream().filter(VmView::guest).toList();
        if (found.isEmpty()) {
            throw CommandFailure.badInput(what + ": no VM '" + key + "' in the pool");
        }
        if (found.size() > 1) {
            throw CommandFailure.badInput(what + ": " + found.size() + " VMs are called '" + key + "'; give its UUID");
        }
        return found.getFirst();
    }

    public static NetworkView network(PoolView view, String key, String what) {
        List<NetworkView> found = view.networks().named(key);
        if (found.isEmpty()) {
            throw CommandFailure.badInput(what + ": no network '" + key + "' in the pool (network list shows them)");
        }
        if (found.size() > 1) {
            throw CommandFailure.badInput(what + ": " + found.size() + " networks are called '" + key + "'; give its UUID");
        }
        return found.getFirst();
    }
}
