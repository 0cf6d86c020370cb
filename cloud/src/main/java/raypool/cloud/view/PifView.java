package raypool.cloud.view;

import raypool.xapi.client.Ref;

/**
 * A physical or virtual interface of a host on a network.
 *
 * @param tunnelAccess this PIF is a tunnel's access PIF (the private network's end on the host)
 * @param bondSlave    this PIF is part of a bond
 * @param vlan         the VLAN tag, -1 for none
 */
public record PifView(Ref ref, String uuid, Ref host, Ref network, String device, boolean management, String ip,
                      boolean tunnelAccess, boolean bondSlave, long vlan) {
}
