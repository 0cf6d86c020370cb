package raypool.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line naming the option or file, exit status 2, no stack trace. */
class WebMainTest {
    @TempDir
    Path dir;

    private void refused(String option, String... args) {
        StringWriter err = new StringWriter();
        int status = WebMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        String text = err.toString().strip();
        assertEquals(2, status, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(option), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() throws Exception {
        refused("--port", "--simulate", "--port", "70000", "--data", dir.toString());
        refused("--port", "--simulate", "--port", "many");
        refused("--simulate", "--data", dir.toString());
        refused("--admin-password-file", "--simulate", "--data", dir.toString(), "--admin-password-file",
                dir.resolve("missing").toString());
        Path shortPassword = Files.writeString(dir.resolve("pw"), "short\n");
        refused("--admin-password-file", "--simulate", "--data", dir.toString(), "--admin-password-file", shortPassword.toString());
        refused("--ldap-url", "--simulate", "--data", dir.toString(), "--ldap-url", "ldap://127.0.0.1:1");
        refused("--ldap-url", "--simulate", "--data", dir.toString(), "--ldap-url", "http://x", "--ldap-base", "DC=x",
                "--ldap-domain", "x");
    }
}
