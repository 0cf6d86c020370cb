package raypool.balancer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** ./scripts/balancer run in-process: versions, help, and bad input as one line with exit status 2. */
@Timeout(120)
class BalancerMainTest {
    @TempDir
    static Path dir;
    /** A PlanetLab day of three VMs, small enough to replay in a moment. */
    static Path day;

    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BalancerMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeADay() throws IOException {
        day = Files.createDirectories(dir.resolve("20110303"));
        int[] levels = {5, 20, 60};
        for (int vm = 0; vm < levels.length; vm++) {
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < 288; k++) {
                lines.append((levels[vm] + k % 7) % 100).append('\n');
            }
            Files.writeString(day.resolve("vm" + vm), lines);
        }
    }

    @Test
    void versionComesFromTheProjectAndExitsZero() {
        assertTrue(CliSupport.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), "filtered from the pom: " + CliSupport.VERSION);
        for (List<String> args : List.of(List.of("-V"), List.of("--version"), List.of("speed", "-V"), List.of("stars", "--version"))) {
            Result r = run(args.toArray(String[]::new));
            assertEquals(0, r.status(), () -> args + ": " + r);
            assertEquals("balancer " + CliSupport.VERSION + " (raypool)", r.out().strip(), args::toString);
            assertEquals("", r.err());
        }
    }

    @Test
    void speedWithoutATraceDirSaysSoInOneLine() {
        Result r = run("speed");
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("balancer speed: needs --trace-dir DIR"), r.err());
        assertEquals("", r.out(), "nothing timed");
    }

    @Test
    void speedTimesTheDayGiven() {
        Result r = run("speed", "--trace-dir", day.toString(), "--sizes", "20x40", "--rounds", "2", "--warmup", "1");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("wlb-density: 20 hosts, 40 VMs: one planning round median"), r.out());
        assertTrue(r.out().contains("day 20110303, rules cloudsim, wlb-density: wall per simulated day"), r.out());
        assertTrue(r.out().contains("day 20110303, rules raypool, wlb-density: wall per simulated day"), r.out());
    }

    @Test
    void starsAcceptsTheModeInAnyCase() {
        Result r = run("stars", "--trace-dir", day.toString(), "--vm", "vm1", "--mode", "performance", "--top", "2");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("VM vm1 "), r.out());
        assertTrue(r.out().contains("PERFORMANCE stars at step 12"), r.out());
    }

    /** Every command's tree, walked: balancer and each subcommand. */
    static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        root.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    @Test
    void everyOptionOfEveryCommandIsDescribed() {
        List<CommandLine> all = commands(new CommandLine(new BalancerMain()));
        assertEquals(5, all.size(), "balancer, replay, tables, speed, stars");
        for (CommandLine cmd : all) {
            for (OptionSpec option : cmd.getCommandSpec().options()) {
                String text = String.join(" ", option.description()).strip();
                assertFalse(text.isEmpty(), cmd.getCommandName() + " " + option.longestName() + " has no description");
            }
            String help = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (OptionSpec option : cmd.getCommandSpec().options()) {
                assertTrue(help.contains(option.longestName()), help);
            }
        }
        Result stars = run("stars", "--help");
        assertEquals(0, stars.status());
        assertTrue(stars.out().contains("--top=N") && stars.out().contains("how many of the best-scoring hosts"), stars.out());
        assertTrue(stars.out().contains("--trace-dir=DIR   PlanetLab day: a directory of trace files"), stars.out());
    }

    static Stream<Arguments> badInput() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Function<String, String> inDay = s -> s.replace("DAY", day.toString());
        String[][] cases = {
                {"--bogus", "--bogus"},
                {"unknown command 'frob'", "frob"},
                {"--trace-dir", "speed", "--trace-dr", "x"},
                {"--sizes", "speed", "--trace-dir", "DAY", "--sizes", "axb"},
                {"--sizes", "speed", "--trace-dir", "DAY", "--sizes", "0x10"},
                {"--rounds", "speed", "--trace-dir", "DAY", "--rounds", "0"},
                {"--warmup", "speed", "--trace-dir", "DAY", "--warmup", "-1"},
                {"--rounds", "speed", "--trace-dir", "DAY", "--rounds", "many"},
                {"--policy", "speed", "--trace-dir", "DAY", "--policy", "nope"},
                {"/no/such/day", "speed", "--trace-dir", "/no/such/day"},
                {"--trace-dir DIR and --vm NAME", "stars"},
                {"--vm", "stars", "--trace-dir", "DAY", "--vm", "vm9"},
                {"--top", "stars", "--trace-dir", "DAY", "--vm", "vm1", "--top", "x"},
                {"--top", "stars", "--trace-dir", "DAY", "--vm", "vm1", "--top", "0"},
                {"--step", "stars", "--trace-dir", "DAY", "--vm", "vm1", "--step", "0"},
                {"--step", "stars", "--trace-dir", "DAY", "--vm", "vm1", "--step", "288"},
                {"--mode", "stars", "--trace-dir", "DAY", "--vm", "vm1", "--mode", "fast"},
                {"--bogus", "stars", "--bogus"},
                {"--trace-dir", "replay"},
                {"--policy", "replay", "--trace-dir", "DAY", "--policy", "nope"},
                {"--rules", "replay", "--trace-dir", "DAY", "--rules", "nope"},
                {"--json", "replay", "--trace-dir", "DAY", "--policy", "none", "--json", file + "/out.json"},
                {"--policy", "tables", "--planetlab", "DAY/..", "--policies", "nope", "--out", "OUT"},
                {"--rules", "tables", "--planetlab", "DAY/..", "--rules", "nope", "--out", "OUT"},
                {"not a directory of PlanetLab days", "tables", "--planetlab", "/no/such/days", "--out", "OUT"},
        };
        return Stream.of(cases).map(c -> Arguments.of(c[0], Stream.of(c).skip(1).map(inDay)
                .map(s -> s.replace("OUT", dir.resolve("tables-out").toString())).toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{1} names {0}")
    @MethodSource("badInput")
    void badInputIsOneLineNamingItWithStatus2(String named, String[] args) {
        Result r = run(args);
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "one line: " + r.err());
        assertTrue(r.err().startsWith("balancer"), r.err());
        assertTrue(r.err().contains(named), () -> "names " + named + ": " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(r.out().contains("Usage:"), "no usage dump: " + r.out());
        assertFalse(Files.exists(dir.resolve("tables-out")), "nothing written");
    }
}
