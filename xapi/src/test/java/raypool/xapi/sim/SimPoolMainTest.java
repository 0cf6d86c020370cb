package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SimPoolMainTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port|abc|--port",
            "--port|70000|--port",
            "--vms|-1|--vms",
            "--time-scale|0|--time-scale",
            "--password-file|/nonexistent/pw|--password-file",
            "--faults|http500@3s,bogus@2s|item 2 'bogus@2s'",
            "--faults|host-offline:host-9@5s|no host 'host-9'",
            "--faults|slow@p=0.1|--faults",
            "--frobnicate|1|--frobnicate"})
    void badOptionsExit2NamingTheOption(String option, String value, String named) {
        StringWriter err = new StringWriter();
        int status = SimPoolMain.run(new String[] {option, value}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, status);
        assertTrue(err.toString().contains(named), err.toString());
        assertEquals(1, err.toString().lines().count(), () -> "one line: " + err);
        assertTrue(err.toString().startsWith("balancer pool: "), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    private static String[] outAndErr(String name, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SimPoolMain.run(name, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void throughTheBalancerItIsBalancerPool() {
        String[] help = outAndErr(SimPoolMain.DEFAULT_NAME, "--help");
        assertEquals("0", help[0]);
        assertTrue(help[1].startsWith("Usage: balancer pool [-hV]"), help[1]);
        assertFalse(help[1].contains("xapi-pool"), help[1]);
        String[] version = outAndErr(SimPoolMain.DEFAULT_NAME, "-V");
        assertEquals("0", version[0]);
        assertEquals("balancer pool " + CommandSupport.VERSION + " (raypool)", version[1].strip());
    }

    @Test
    void scriptsXapiPoolKeepsItsOwnName() {
        String[] help = outAndErr("xapi-pool", "--help");
        assertEquals("0", help[0]);
        assertTrue(help[1].startsWith("Usage: xapi-pool [-hV]"), help[1]);
        String[] version = outAndErr("xapi-pool", "--version");
        assertEquals("xapi-pool " + CommandSupport.VERSION + " (raypool)", version[1].strip());
        String[] bad = outAndErr("xapi-pool", "--port", "x");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].startsWith("xapi-pool: ") && bad[2].contains("--port"), bad[2]);
    }

    @Test
    void everyOptionIsDescribed() {
        CommandLine cli = new CommandLine(new SimPoolMain());
        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            assertFalse(String.join(" ", option.description()).isBlank(), option.longestName() + " has no description");
        }
    }

    @Test
    void anEmptyPasswordFileIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "\n");
        StringWriter err = new StringWriter();
        assertEquals(2, SimPoolMain.run(new String[] {"--password-file", pw.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains(pw + ":1:"), err.toString());
    }
}
