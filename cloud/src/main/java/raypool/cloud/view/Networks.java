package raypool.cloud.view;

import java.util.List;
import java.util.Optional;
import raypool.xapi.client.Ref;

/** The pool's networks, physical interfaces (PIFs), tunnels, virtual interfaces (VIFs) and SRs. */
public record Networks(List<NetworkView> networks, List<PifView> pifs, List<TunnelView> tunnels, List<VifView> vifs,
                       List<SrView> srs) {

    public Networks {
        networks = List.copyOf(networks);
        pifs = List.copyOf(pifs);
        tunnels = List.copyOf(tunnels);
        vifs = List.copyOf(vifs);
        srs = List.copyOf(srs);
    }

    public static Networks none() {
        return new Networks(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<NetworkView> network(Ref ref) {
        return networks.stream().filter(n -> n.ref().equals(ref)).findFirst();
    }

    public Optional<PifView> pif(Ref ref) {
        return pifs.stream().filter(p -> p.ref().equals(ref)).findFirst();
    }

    public List<NetworkView> named(String key) {
        return networks.stream().filter(n -> n.name().equals(key) || n.uuid().equals(key)).toList();
    }

    /** The tunnels whose access PIF is on {@code network}: one per host of a private network. */
    public List<TunnelView> tunnelsOf(Ref network) {
        return tunnels.stream().filter(t -> pif(t.accessPif()).map(p -> p.network().equals(network)).orElse(false))
                .toList();
    }

    public List<VifView> vifsOn(Ref network) {
        return vifs.stream().filter(v -> v.network().equals(network)).toList();
    }
}
