package raypool.xapi.rrd;

/** rrdtool writes missing samples as NaN (also "nan", "-nan" on some builds) and numbers as text. */
final class RrdNumbers {
    private RrdNumbers() {
    }

    static double parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("-nan") || t.isEmpty()) {
            return Double.NaN;
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equalsIgnoreCase("-inf") || t.equalsIgnoreCase("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }
}
