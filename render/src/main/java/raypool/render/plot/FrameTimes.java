package raypool.render.plot;

/** The measured frame times of one run, in milliseconds, under a label (e.g. the policy). */
public record FrameTimes(String label, double[] millis) {

    public FrameTimes {
        if (millis.length == 0) {
            throw new IllegalArgumentException("run '" + label + "' has no frame times");
        }
        millis = millis.clone();
    }
}
