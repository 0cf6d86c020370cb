package raypool.cloud.firewall.compile;

import java.util.Objects;
import java.util.Optional;

/**
 * One VM network interface (a XAPI VIF) as the compiler needs it: its VM, network, MAC and, when the guest
 * reports one, its IPv4 address. {@code device} is the VIF's device number in the guest (0 for eth0).
 */
public record Interface(String vmName, String vmUuid, String vifUuid, int device, String networkName, String networkUuid,
                        String mac, Optional<String> ip) {

    public Interface {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(vmUuid, "vmUuid");
        Objects.requireNonNull(vifUuid, "vifUuid");
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(networkUuid, "networkUuid");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an interface; device defaults to 0, the address to none. */
    public static final class Builder {
        private String vmName;
        private String vmUuid;
        private String vifUuid;
        private int device;
        private String networkName;
        private String networkUuid;
        private String mac;
        private Optional<String> ip = Optional.empty();

        public Builder vm(String name, String uuid) {
            vmName = name;
            vmUuid = uuid;
            return this;
        }

        public Builder vif(String uuid, int deviceNumber) {
            vifUuid = uuid;
            device = deviceNumber;
            return this;
        }

        public Builder network(String name, String uuid) {
            networkName = name;
            networkUuid = uuid;
            return this;
        }

        public Builder mac(String value) {
            mac = value;
            return this;
        }

        public Builder ip(Optional<String> value) {
            ip = value;
            return this;
        }

        public Interface build() {
            return new Interface(vmName, vmUuid, vifUuid, device, networkName, networkUuid, mac, ip);
        }
    }
}
