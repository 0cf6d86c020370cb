package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimPoolMainTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port|abc|--port",
            "--port|70000|--port",
            "--vms|-1|--vms",
            "--time-scale|0|--time-scale",
            "--password-file|/nonexistent/pw|--password-file",
            "--frobnicate|1|--frobnicate"})
    void badOptionsExit2NamingTheOption(String option, String value, String named) {
        StringWriter err = new StringWriter();
        int status = SimPoolMain.run(new String[] {option, value}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, status);
        assertTrue(err.toString().contains(named), err.toString());
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
