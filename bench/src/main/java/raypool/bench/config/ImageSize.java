package raypool.bench.config;

import java.util.regex.Pattern;

/** An image size given as WxH. */
public record ImageSize(int width, int height) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");
    /** Large enough for 8K, small enough that a typo cannot ask for gigabytes of frame buffers. */
    public static final int MAX_SIDE = 8192;

    public static ImageSize parse(String text) throws BadInputException {
        var m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new BadInputException("--size: expected WIDTHxHEIGHT such as 800x600, got '" + text + "'");
        }
        int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
            throw new BadInputException("--size: each side must be between 1 and " + MAX_SIDE + ", got " + text);
        }
        return new ImageSize(w, h);
    }
}
