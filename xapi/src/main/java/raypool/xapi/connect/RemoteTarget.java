package raypool.xapi.connect;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A real pool master as the command line names it: {@code --url URL --user U --password-file F
 * [--pin-sha256 P]}. Checked by {@link RemotePool#open}, which names the option that is wrong.
 *
 * @param allowPlainHttp accept http:// to a machine other than this one (the password crosses in clear)
 */
public record RemoteTarget(String url, String user, Optional<Path> passwordFile, Optional<String> pin,
                           boolean allowPlainHttp) {
}
