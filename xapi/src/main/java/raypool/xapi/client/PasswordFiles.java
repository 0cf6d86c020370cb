package raypool.xapi.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Passwords for the commands: read from the first line of a file (never from the command line, where
 * other users could see it in the process list), or generated when a simulated pool is given none.
 */
public final class PasswordFiles {

    /** The file cannot give a password; the message names the file (and line). */
    public static final class UnreadablePasswordException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadablePasswordException(String message) {
            super(message);
        }
    }

    private PasswordFiles() {
    }

    /** The first line of {@code file}, which must not be empty. */
    public static String read(Path file) throws UnreadablePasswordException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnreadablePasswordException(file + ": no such file");
        } catch (IOException e) {
            throw new UnreadablePasswordException("cannot read " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty() || lines.getFirst().isEmpty()) {
            throw new UnreadablePasswordException(file + ":1: the password is empty");
        }
        return lines.getFirst();
    }

    /** 96 random bits, URL-safe: for a simulated pool started without a password file. */
    public static String generated() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
