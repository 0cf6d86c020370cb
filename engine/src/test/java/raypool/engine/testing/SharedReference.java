package raypool.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds ../shared/reference beside the repository (data the project reads but never copies in).
 * Tests that need it skip themselves, with this reason, when it is absent.
 */
public final class SharedReference {

    public static final String MISSING = "../shared/reference is not beside this repository, so the c-ray reference image cannot be read";

    private SharedReference() {
    }

    public static Optional<Path> file(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("reference").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
