package raypool.bench.compare;

import raypool.bench.report.HostLabel;
import raypool.result.RaybenchResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts raybench results side by side: a pure function from (file, result) pairs to rows with ratios
 * against a base row. Results of another scene or image size than the base, or whose frames were not
 * verified, cannot be ranked with it: without {@code allowMixed} they are refused (the message names both
 * files), with it they are shown and marked.
 */
public final class Comparison {

    private Comparison() {
    }

    /** A result and the file it came from. */
    public record Input(Path file, RaybenchResult result) {
    }

    /** Results that cannot be ranked together; the message names the two files. */
    public static final class MixedResultsException extends Exception {
        private static final long serialVersionUID = 1L;

        MixedResultsException(String message) {
            super(message);
        }
    }

    /**
     * @param base 1-based position of the base row among {@code inputs}
     */
    public static List<CompareRow> rows(List<Input> inputs, int base, boolean allowMixed) throws MixedResultsException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        if (base < 1 || base > inputs.size()) {
            throw new IllegalArgumentException("--base: " + base + " is not a row (1 to " + inputs.size() + ")");
        }
        Input b = inputs.get(base - 1);
        if (!b.result().image().verified() && !allowMixed) {
            throw new MixedResultsException(b.file() + ": its frames were not verified, so it cannot be the base "
                + "(--allow-mixed shows it, marked)");
        }
        double baseFps = b.result().fps().median();
        double basePerThread = perThread(b.result());
        List<CompareRow> rows = new ArrayList<>();
        for (Input in : inputs) {
            Optional<String> mixed = whyNotComparable(b, in);
            if (mixed.isPresent() && !allowMixed) {
                throw new MixedResultsException(in.file() + " and " + b.file() + ": " + mixed.get()
                    + "; they cannot be ranked together (--allow-mixed shows them, marked)");
            }
            rows.add(row(in, mixed, baseFps, basePerThread));
        }
        return rows;
    }

    static Optional<String> whyNotComparable(Input base, Input other) {
        RaybenchResult a = base.result(), r = other.result();
        if (!r.image().verified()) {
            return Optional.of("frames not verified");
        }
        if (!a.scene().equals(r.scene())) {
            return Optional.of("scene " + r.scene() + " against " + a.scene());
        }
        if (a.width() != r.width() || a.height() != r.height()) {
            return Optional.of("size " + r.width() + "x" + r.height() + " against " + a.width() + "x" + a.height());
        }
        return Optional.empty();
    }

    /** FPS per thread from CPU time (steady on a shared host), or from wall FPS in results without it. */
    static double perThread(RaybenchResult r) {
        double fps = r.fpsFromCpu() > 0 ? r.fpsFromCpu() : r.fps().median();
        return fps / Math.max(1, r.threads());
    }

    private static CompareRow row(Input in, Optional<String> mixed, double baseFps, double basePerThread) {
        RaybenchResult r = in.result();
        Optional<Double> efficiency = r.sweep().isEmpty() ? Optional.empty()
            : Optional.of(r.sweep().getLast().efficiency());
        String isa = r.kernelIsa().orElse(r.kernel().equals("simd") ? "simd-" + r.vectorApi().floatLanes() : r.kernel());
        List<CompareRow.SweepCurvePoint> sweep = r.sweep().stream()
            .map(p -> new CompareRow.SweepCurvePoint(p.threads(), p.fps(), p.speedup(), p.efficiency())).toList();
        return new CompareRow(in.file(),
            new CompareRow.What(HostLabel.of(r.host().cpuModel(), r.host().logicalCpus()), isa, r.kernel(),
                r.policy(), r.threads(), r.scene(), r.width() + "x" + r.height()),
            new CompareRow.Figures(r.fps().median(), r.fps().min(), r.fps().max(), r.fpsFromCpu(), r.mraysPerS(),
                perThread(r), efficiency, r.fractionOfPeak()),
            r.image().verified(), r.image().framesVerifiedOrLast(), mixed,
            new CompareRow.Ratios(r.fps().median() / baseFps, perThread(r) / basePerThread), sweep);
    }
}
