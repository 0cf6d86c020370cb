package raypool.web.pool;

/** A VM's interface: its device number, the network it is on and whether it is plugged now. */
public record VifView(String ref, String vmUuid, String device, String networkUuid, String networkName, boolean attached) {
}
