package raypool.cloud.view;

import raypool.xapi.client.Ref;

/** A GRE (or VXLAN) tunnel: the private network's access PIF carried over the host's transport PIF. */
public record TunnelView(Ref ref, Ref accessPif, Ref transportPif, String protocol, boolean active) {
}
