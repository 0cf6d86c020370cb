package raypool.xapi.connect;

import java.util.Map;
import raypool.xapi.client.XapiError;

/**
 * What XAPI's error codes mean, in words an administrator can act on: the line a command prints when
 * the pool refuses ({@code CODE [params]: meaning}).
 */
public final class XapiErrorMeanings {
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("LICENSE_EXPIRED", "the host's licence has expired, so no VM may start; apply the free edition "
                    + "(host.apply_edition) to get out"),
            Map.entry("LICENCE_RESTRICTION", "the host's edition does not include this feature"),
            Map.entry("LICENSE_CHECKOUT_ERROR", "the licence server gave no licence (is the licence server VM running?)"),
            Map.entry("INVALID_EDITION", "the host does not know this edition"),
            Map.entry("LICENSE_HOST_POOL_MISMATCH", "the joining host's licence does not match the pool's"),
            Map.entry("INVALID_SOURCE", "the guest found nothing to boot from: set HVM_boot_policy=\"BIOS order\" and "
                    + "HVM_boot_params:order=\"dc\" (vm fix-boot)"),
            Map.entry("VM_BAD_POWER_STATE", "the VM is not in the power state the call needs"),
            Map.entry("NO_HOSTS_AVAILABLE", "no host is live, enabled and has room for the VM"),
            Map.entry("HOST_NOT_ENOUGH_FREE_MEMORY", "the host has not enough free memory for the VM"),
            Map.entry("HOST_NOT_DISABLED", "a host must be disabled (host.disable) before it is shut down"),
            Map.entry("HOST_IN_USE", "VMs still run on the host; shut them down or migrate them first"),
            Map.entry("HOST_OFFLINE", "the host is not live"),
            Map.entry("HOST_HAS_RESIDENT_VMS", "VMs run on the host; migrate or shut them down before it leaves the pool"),
            Map.entry("POOL_JOINING_HOST_CONNECTION_FAILED", "the joining host could not reach the master's API"),
            Map.entry("HOST_IS_SLAVE", "this is a pool member; talk to the pool master"),
            Map.entry("HA_IS_ENABLED", "high availability is on; disable it first (pool.disable_ha)"),
            Map.entry("NETWORK_ALREADY_CONNECTED", "the host already has a tunnel or PIF on this network"),
            Map.entry("TRANSPORT_PIF_NOT_CONFIGURED", "the host's management interface has no IP address to carry the tunnel"),
            Map.entry("OPENVSWITCH_NOT_ACTIVE", "the host's network backend is the Linux bridge; tunnels need Open vSwitch"),
            Map.entry("IS_TUNNEL_ACCESS_PIF", "a tunnel cannot be carried over another tunnel"),
            Map.entry("DEVICE_ALREADY_EXISTS", "the VM already has a VIF with this device number"),
            Map.entry("DEVICE_ALREADY_ATTACHED", "the VIF is plugged already"),
            Map.entry("DEVICE_ALREADY_DETACHED", "the VIF is unplugged already"),
            Map.entry("AUTH_ALREADY_ENABLED", "external authentication is on already"),
            Map.entry("AUTH_ENABLE_FAILED", "the domain refused to join (user, password or domain name wrong?)"),
            Map.entry("AUTH_ENABLE_FAILED_WRONG_CREDENTIALS", "the domain refused the user name or password given to join it"),
            Map.entry("AUTH_ENABLE_FAILED_DOMAIN_LOOKUP_FAILED", "no domain controller answers for this domain name (DNS?)"),
            Map.entry("AUTH_IS_DISABLED", "external authentication is off already"),
            Map.entry("VM_FAILED_SHUTDOWN_ACKNOWLEDGMENT", "the guest did not acknowledge the clean shutdown (no PV drivers?)"),
            Map.entry("NETWORK_CONTAINS_VIF", "VMs are still attached to the network"),
            Map.entry("NETWORK_CONTAINS_PIF", "hosts still carry the network (tunnels or physical interfaces)"),
            Map.entry("AUTH_UNKNOWN_TYPE", "the pool does not know this kind of external authentication"),
            Map.entry("POOL_AUTH_ENABLE_FAILED", "a host of the pool could not join the domain"),
            Map.entry("JOINING_HOST_CANNOT_HAVE_RUNNING_VMS", "the joining host runs VMs; shut them down first"),
            Map.entry("JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS", "the joining host has shared SRs; detach them first"),
            Map.entry("JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS", "the joining host is the master of other hosts"),
            Map.entry("POOL_JOINING_HOST_HAS_TUNNELS", "the joining host has tunnels; destroy them first"),
            Map.entry("POOL_JOINING_HOST_HAS_BONDS", "the joining host has bonds; destroy them first"),
            Map.entry("POOL_JOINING_EXTERNAL_AUTH_MISMATCH", "the joining host's external authentication differs from the pool's"),
            Map.entry("POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION", "the joining host runs another product version"),
            Map.entry("SESSION_AUTHENTICATION_FAILED", "the user name or password was refused"),
            Map.entry("RBAC_PERMISSION_DENIED", "the user's role may not make this call"),
            Map.entry("OPERATION_NOT_ALLOWED", "the pool does not allow this now"),
            Map.entry("HANDLE_INVALID", "the object does not exist (any more)"),
            Map.entry("MESSAGE_METHOD_UNKNOWN", "this pool's XAPI has no such call (an older release?)"));

    private XapiErrorMeanings() {
    }

    public static String meaning(String code) {
        return MEANINGS.getOrDefault(code, "see the XAPI documentation of this error code");
    }

    /** {@code CODE [params]: meaning}. */
    public static String describe(XapiError e) {
        return e.code() + (e.params().isEmpty() ? "" : " " + e.params()) + ": " + meaning(e.code());
    }
}
