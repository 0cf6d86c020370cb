package raypool.opencl;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the source lines a compiler's build log refers to and quotes them. */
final class BuildLogLines {

    /**
     * Clang-based compilers write "FILE:LINE:COLUMN: error: ..." (most GPU drivers) or
     * "error: FILE:LINE:COLUMN: ..." (PoCL), FILE being "&lt;source&gt;", "input.cl" or a temporary path.
     * The first "FILE:LINE:COLUMN:" on a line that reports an error is taken; logs of other shapes are
     * still shown raw.
     */
    private static final Pattern LOCATION = Pattern.compile("\\S*?:(\\d+):(\\d+):");

    private BuildLogLines() {
    }

    /** Each source line the log's errors point at, once, with its number and a caret at the first error's column; empty when none. */
    static String quote(String buildLog, String source, String sourceName) {
        String[] lines = source.split("\\R", -1);
        Set<Integer> seen = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        for (String logLine : buildLog.split("\\R")) {
            Matcher m = LOCATION.matcher(logLine);
            if (!logLine.contains("error") || !m.find()) {
                continue;
            }
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            if (line < 1 || line > lines.length || !seen.add(line)) {
                continue;
            }
            String text = lines[line - 1];
            out.append(System.lineSeparator()).append(sourceName).append(':').append(line).append(':').append(column)
                .append(": ").append(text)
                .append(System.lineSeparator())
                .append(" ".repeat(sourceName.length() + String.valueOf(line).length() + String.valueOf(column).length() + 4
                    + Math.max(0, Math.min(column - 1, text.length()))))
                .append('^');
        }
        return out.isEmpty() ? "" : System.lineSeparator() + "at:" + out;
    }
}
