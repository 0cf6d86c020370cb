package raypool.cloud.view;

import raypool.xapi.client.Ref;

/** A VM's virtual interface on a network. */
public record VifView(Ref ref, Ref vm, Ref network, String device, String mac, boolean attached) {
}
