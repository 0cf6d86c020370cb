package raypool.cloud.view;

import raypool.xapi.client.Ref;

/** A storage repository; a shared one (NFS, iSCSI) is seen by every host of a pool. */
public record SrView(Ref ref, String uuid, String name, String type, boolean shared) {
}
