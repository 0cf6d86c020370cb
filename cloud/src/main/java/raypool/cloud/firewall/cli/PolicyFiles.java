package raypool.cloud.firewall.cli;

import java.nio.file.Path;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.PolicyCodec;
import raypool.cloud.firewall.policy.PolicyException;
import raypool.xapi.connect.CommandFailure;

/** Reads the {@code --policy} file; a bad one stops the command with its one-line message (exit 2). */
public final class PolicyFiles {

    private PolicyFiles() {
    }

    public static Policy load(Path file) {
        try {
            return PolicyCodec.read(file);
        } catch (PolicyException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
    }
}
