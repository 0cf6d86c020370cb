package raypool.daemon.capacity;

import raypool.balancer.capacity.RaybenchCapacity;
import raypool.balancer.trace.InputException;
import raypool.result.RaybenchResult;
import raypool.result.ResultCodec;
import raypool.result.ResultFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the raybench results named by --capacity (or the capacity config key): files, or folders searched
 * for {@code *.json}, where a JSON file that is no raybench result (JMH output, say) is passed over. A named
 * file that is no result, or any result that cannot be a capacity (frames not verified, no speed), is bad
 * input naming the file.
 */
public final class CapacityFiles {

    private CapacityFiles() {
    }

    public static List<MeasuredCapacity.Result> load(List<Path> paths) {
        List<MeasuredCapacity.Result> results = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : jsonFiles(p)) {
                    try {
                        results.add(checked(f, ResultCodec.read(f)));
                    } catch (ResultFormatException notAResult) {
                        // a folder of results may hold other JSON files
                    }
                }
            } else {
                RaybenchResult r;
                try {
                    r = ResultCodec.read(p);
                } catch (ResultFormatException e) {
                    throw e.line() > 0 ? new InputException(p, e.line(), e.detail()) : new InputException(p, e.detail());
                }
                results.add(checked(p, r));
            }
        }
        return results;
    }

    private static MeasuredCapacity.Result checked(Path file, RaybenchResult r) {
        RaybenchCapacity.from(file, r);
        return new MeasuredCapacity.Result(file, r);
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir, "cannot list (" + e.getMessage() + ")");
        }
    }
}
