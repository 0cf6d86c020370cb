package raypool.daemon.xapi;

import raypool.daemon.HostPower;
import raypool.daemon.MigrationRefusedException;
import raypool.daemon.PoolUnavailableException;
import raypool.xapi.client.Ref;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiTransportException;

/**
 * Host power through XAPI: {@code host.disable} then {@code host.shutdown} (xapi refuses to shut down an
 * enabled host: HOST_NOT_DISABLED), {@code host.power_on} (it uses the host's power_on_mode: Wake-on-LAN,
 * iLO, DRAC, IPMI) and {@code host.enable}. If the shutdown is refused the host is enabled again, so that
 * a failed power-off never leaves a host disabled that no administrator disabled.
 */
public final class XapiHostPower implements HostPower {
    private final XapiClient client;

    public XapiHostPower(XapiClient client) {
        this.client = client;
    }

    @Override
    public void powerOff(String host) {
        call("host.disable", host);
        try {
            call("host.shutdown", host);
        } catch (RuntimeException e) {
            try {
                call("host.enable", host);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    @Override
    public void powerOn(String host) {
        call("host.power_on", host);
    }

    @Override
    public void enable(String host) {
        call("host.enable", host);
    }

    private void call(String method, String host) {
        try {
            client.call(method, new Ref(host));
        } catch (XapiError e) {
            throw new MigrationRefusedException(e.code(), method + ": " + e.code() + " " + e.params());
        } catch (XapiTransportException e) {
            throw new PoolUnavailableException(method + ": " + e.getMessage(), e);
        }
    }
}
