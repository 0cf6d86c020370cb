package raypool.cloud.firewall.apply;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds Open vSwitch's programs: on PATH, then where Debian puts them outside a user's PATH (/usr/sbin for the
 * daemons, /usr/share/openvswitch/scripts for the helper scripts).
 */
public final class OvsPrograms {

    private static final List<String> EXTRA = List.of("/usr/sbin", "/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin",
            "/usr/share/openvswitch/scripts");

    private OvsPrograms() {
    }

    public static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The program's path as text, or a message naming the package it comes with. */
    public static String require(String name) {
        return find(name).map(Path::toString).orElseThrow(() -> new IllegalStateException(name
                + " not found on PATH, in /usr/sbin or /usr/share/openvswitch/scripts (Debian package openvswitch-switch)"));
    }
}
