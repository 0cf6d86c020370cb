package raypool.cloud.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import raypool.xapi.client.Ref;

/**
 * A host as the cloud commands see it.
 *
 * @param expiry       when its licence runs out; empty for "never"
 * @param licenseServer license_server's address and port, "address:port"
 * @param externalAuth external_auth_type ("AD", or "" when the host has no external authentication)
 */
public record HostView(Ref ref, String uuid, String name, String address, boolean enabled, boolean live,
                       String edition, Optional<Instant> expiry, String licenseServer, String externalAuth,
                       String externalAuthService, String productVersion, Ref managementPif, List<Ref> residentVms) {
}
