package raypool.bench.compare;

import java.util.List;
import java.util.Locale;

/** {@code raybench compare}'s table, as Markdown (the console shows the same text) and as CSV. */
public final class CompareTable {

    private CompareTable() {
    }

    public static String markdown(List<CompareRow> rows, int base) {
        CompareRow b = rows.get(base - 1);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Base: row %d (%s, %s). Scene %s at %s. FPS (CPU) is what the threads' "
            + "CPU time per frame allows on an idle host; per thread = FPS (CPU) / threads.%n%n", base,
            b.what().host(), b.what().isa(), b.what().scene(), b.what().size()));
        out.append("| # | host | ISA | kernel | policy | threads | FPS median (min-max) | FPS (CPU) | Mrays/s "
            + "| FPS per thread | efficiency | of peak | verified | FPS vs base | per thread vs base | result |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            CompareRow r = rows.get(i);
            CompareRow.Figures f = r.figures();
            out.append(String.format(Locale.ROOT, "| %d%s | %s | %s | %s | %s | %d | %.1f (%.1f-%.1f) | %.1f | %.1f | %.1f "
                    + "| %s | %s | %s | %.2fx | %.2fx | %s |%n",
                i + 1, i + 1 == base ? " (base)" : "", r.what().host(), r.what().isa(), r.what().kernel(),
                r.what().policy(), r.what().threads(), f.fpsMedian(), f.fpsMin(), f.fpsMax(), f.fpsFromCpu(),
                f.mraysPerS(), f.fpsPerThread(), f.efficiency().map(e -> String.format(Locale.ROOT, "%.2f", e)).orElse("-"),
                f.fractionOfPeak() > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * f.fractionOfPeak()) : "-",
                verified(r), r.ratios().fps(), r.ratios().perThread(), r.file()));
        }
        if (!b.what().scene().equals("five") || !b.what().size().equals("800x600")) {
            out.append("\n(The original system's machines are left out: they rendered five at 800x600, the base did not.)\n");
            return out.toString();
        }
        for (PublishedHost p : PublishedHost.ORIGINAL_SYSTEM) {
            double perThread = p.fpsMid() / p.threads();
            String fps = p.fpsLow() == p.fpsHigh() ? String.format(Locale.ROOT, "about %.1f", p.fpsLow())
                : String.format(Locale.ROOT, "%.0f-%.0f", p.fpsLow(), p.fpsHigh());
            out.append(String.format(Locale.ROOT, "| ref | %s | - | original system | static | %d | %s | - | - | %.3f "
                    + "| - | - | published, not measured | %.4fx | %.4fx | the original system's article |%n",
                p.name(), p.threads(), fps, perThread, p.fpsMid() / b.figures().fpsMedian(),
                perThread / b.figures().fpsPerThread()));
        }
        return out.toString();
    }

    private static String verified(CompareRow r) {
        String v = r.verified() ? "yes (" + r.framesVerified() + " frames)" : "NO";
        return r.mixed().map(why -> v + ", not comparable: " + why).orElse(v);
    }

    public static String csv(List<CompareRow> rows) {
        StringBuilder out = new StringBuilder("row,host,isa,kernel,policy,threads,scene,size,fps_median,fps_min,fps_max,"
            + "fps_from_cpu,mrays_per_s,fps_per_thread,efficiency,fraction_of_peak,verified,frames_verified,comparable,"
            + "fps_vs_base,per_thread_vs_base,file\n");
        for (int i = 0; i < rows.size(); i++) {
            CompareRow r = rows.get(i);
            CompareRow.Figures f = r.figures();
            out.append(String.join(",", Integer.toString(i + 1), quote(r.what().host()), r.what().isa(), r.what().kernel(),
                r.what().policy(), Integer.toString(r.what().threads()), quote(r.what().scene()), r.what().size(),
                num(f.fpsMedian()), num(f.fpsMin()), num(f.fpsMax()), num(f.fpsFromCpu()), num(f.mraysPerS()),
                num(f.fpsPerThread()), f.efficiency().map(CompareTable::num).orElse(""), num(f.fractionOfPeak()),
                Boolean.toString(r.verified()), Integer.toString(r.framesVerified()),
                Boolean.toString(r.mixed().isEmpty()), num(r.ratios().fps()), num(r.ratios().perThread()),
                quote(r.file().toString()))).append('\n');
        }
        return out.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
