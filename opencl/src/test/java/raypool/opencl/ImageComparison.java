package raypool.opencl;

import raypool.engine.frame.FrameBuffer;

/** How far one frame is from another, per pixel, in the largest difference over R, G and B. */
record ImageComparison(int pixels, int within2, int identical, int maxChannelDiff) {

    static ImageComparison of(FrameBuffer ours, FrameBuffer reference) {
        int within2 = 0, identical = 0, max = 0;
        int[] a = ours.pixels(), b = reference.pixels();
        for (int i = 0; i < a.length; i++) {
            int d = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                d = Math.max(d, Math.abs(((a[i] >> shift) & 0xFF) - ((b[i] >> shift) & 0xFF)));
            }
            max = Math.max(max, d);
            within2 += d <= 2 ? 1 : 0;
            identical += a[i] == b[i] ? 1 : 0;
        }
        return new ImageComparison(a.length, within2, identical, max);
    }

    /** The project's verification rule: at most 2 per channel on at least 99.9% of pixels. */
    boolean verifies() {
        return within2 >= pixels * 0.999;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d of %d pixels within 2 per channel (%.4f%%), %d identical, max channel diff %d",
            within2, pixels, 100.0 * within2 / pixels, identical, maxChannelDiff);
    }
}
