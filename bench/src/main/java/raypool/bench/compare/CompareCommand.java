package raypool.bench.compare;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raypool.bench.config.BadInputException;
import raypool.bench.config.OutputPaths;
import raypool.files.AtomicFiles;
import raypool.result.RaybenchResult;
import raypool.result.ResultCodec;
import raypool.result.ResultFormatException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code raybench compare}: raybench results of any number of hosts side by side, as ratios against a base
 * row, with the original system's machines as reference rows. Exit 0, or 2 for bad input (a file that is
 * not a result, results that cannot be ranked together, a bad option).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = raypool.bench.RayBench.Version.class,
    description = "Puts raybench JSON results side by side (one row each; folders are searched for *.json), "
        + "with ratios against a base row and the original system's published machines as reference rows.")
public final class CompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Result files, or folders to search for them.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Also write compare.md, compare.csv, compare-fps.png and (with sweeps) compare-speedup.png into DIR.")
    Path out;

    @Option(names = "--base", paramLabel = "N", defaultValue = "1",
        description = "The row ratios are taken against, numbered from 1 (default: ${DEFAULT-VALUE}).")
    int base;

    @Option(names = "--allow-mixed", description = "Show results of other scenes or sizes, or with unverified "
        + "frames, marked, instead of refusing to rank them.")
    boolean allowMixed;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public CompareCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        try {
            if (out != null) {
                OutputPaths.checkFolder("--out", out);
            }
            List<Comparison.Input> results = load(inputs);
            if (results.isEmpty()) {
                throw new BadInputException("no raybench result in " + inputs);
            }
            if (base < 1 || base > results.size()) {
                throw new BadInputException("--base: " + base + " is not a row (1 to " + results.size() + ")");
            }
            List<CompareRow> rows = Comparison.rows(results, base, allowMixed);
            String table = CompareTable.markdown(rows, base);
            stdout.print(table);
            if (out != null) {
                Files.createDirectories(out);
                AtomicFiles.write(out.resolve("compare.md"), ("# raybench compare\n\n" + table).getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(out.resolve("compare.csv"), CompareTable.csv(rows).getBytes(StandardCharsets.UTF_8));
                stderr.println("raybench compare: wrote " + out.resolve("compare.md") + " and " + out.resolve("compare.csv"));
                for (Path p : ComparePlots.write(rows, out)) {
                    stderr.println("raybench compare: wrote " + p);
                }
            }
            return 0;
        } catch (BadInputException | Comparison.MixedResultsException e) {
            stderr.println("raybench compare: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("raybench compare: cannot write into " + out + ": " + e.getMessage());
            return 1;
        }
    }

    /** Files as given; folders searched (sorted) for JSON files, of which those that are no result are skipped. */
    private List<Comparison.Input> load(List<Path> paths) throws BadInputException {
        List<Comparison.Input> results = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : jsonFiles(p)) {
                    try {
                        results.add(new Comparison.Input(f, ResultCodec.read(f)));
                    } catch (ResultFormatException e) {
                        stderr.println("raybench compare: skipping " + f + " (not a raybench result)");
                    }
                }
            } else {
                try {
                    RaybenchResult r = ResultCodec.read(p);
                    results.add(new Comparison.Input(p, r));
                } catch (ResultFormatException e) {
                    throw new BadInputException(e.getMessage());
                }
            }
        }
        return results;
    }

    private static List<Path> jsonFiles(Path dir) throws BadInputException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list (" + e.getMessage() + ")");
        }
    }
}
