package raypool.render.font;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * raypool's own 5x7 pixel font: digits, capital letters and the punctuation the overlay and the stripe
 * maps print. A bitmap font needs no font files, no AWT and no text renderer in OpenGL, and it looks the
 * same in the window, in a screenshot and in a picture written on a headless host. Lower-case letters
 * are drawn as capitals; characters the font lacks are drawn as '?'.
 */
public final class BitmapFont {

    public static final int GLYPH_WIDTH = 5;
    public static final int GLYPH_HEIGHT = 7;
    /** Horizontal distance from one character to the next: the glyph and one blank column. */
    public static final int ADVANCE = GLYPH_WIDTH + 1;

    /** Receives the lit cells of a text: a square of {@code size} pixels at (x, y). */
    @FunctionalInterface
    public interface CellSink {
        void fill(int x, int y, int size);
    }

    private static final Map<Character, Long> GLYPHS = new HashMap<>();

    private BitmapFont() {
    }

    /** Width in pixels of {@code text} drawn at {@code scale} (no trailing blank column). */
    public static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * ADVANCE - 1) * scale;
    }

    public static int height(int scale) {
        return GLYPH_HEIGHT * scale;
    }

    /** Calls {@code sink} once per lit cell of {@code text}, whose upper-left corner is at (x, y). */
    public static void draw(String text, int x, int y, int scale, CellSink sink) {
        for (int i = 0; i < text.length(); i++) {
            long bits = glyph(text.charAt(i));
            int left = x + i * ADVANCE * scale;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int col = 0; col < GLYPH_WIDTH; col++) {
                    if (lit(bits, col, row)) {
                        sink.fill(left + col * scale, y + row * scale, scale);
                    }
                }
            }
        }
    }

    /** Draws {@code text} into packed ARGB pixels, clipped to the image. */
    public static void draw(String text, int x, int y, int scale, int argb, int[] pixels, int width, int height) {
        draw(text, x, y, scale, (cx, cy, size) -> {
            for (int py = Math.max(0, cy); py < Math.min(height, cy + size); py++) {
                for (int px = Math.max(0, cx); px < Math.min(width, cx + size); px++) {
                    pixels[py * width + px] = argb;
                }
            }
        });
    }

    public static boolean has(char c) {
        return GLYPHS.containsKey(Character.toUpperCase(c));
    }

    static long glyph(char c) {
        Long bits = GLYPHS.get(String.valueOf(c).toUpperCase(Locale.ROOT).charAt(0));
        return bits != null ? bits : GLYPHS.get('?');
    }

    static boolean lit(long bits, int col, int row) {
        return (bits >>> (row * GLYPH_WIDTH + col) & 1) != 0;
    }

    /** Seven rows of five cells, '#' lit, read top to bottom and left to right into bits 0..34. */
    private static void define(char c, String... rows) {
        if (rows.length != GLYPH_HEIGHT) {
            throw new IllegalStateException("glyph '" + c + "' has " + rows.length + " rows");
        }
        long bits = 0;
        for (int row = 0; row < GLYPH_HEIGHT; row++) {
            if (rows[row].length() != GLYPH_WIDTH) {
                throw new IllegalStateException("glyph '" + c + "' row " + row + " is not " + GLYPH_WIDTH + " wide");
            }
            for (int col = 0; col < GLYPH_WIDTH; col++) {
                if (rows[row].charAt(col) == '#') {
                    bits |= 1L << (row * GLYPH_WIDTH + col);
                }
            }
        }
        GLYPHS.put(c, bits);
    }

    static {
        define('0', ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###.");
        define('1', "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.");
        define('2', ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####");
        define('3', "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###.");
        define('4', "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.");
        define('5', "#####", "#....", "####.", "....#", "....#", "#...#", ".###.");
        define('6', "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###.");
        define('7', "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...");
        define('8', ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.");
        define('9', ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##..");
        define('A', ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
        define('B', "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####.");
        define('C', ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###.");
        define('D', "###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###..");
        define('E', "#####", "#....", "#....", "####.", "#....", "#....", "#####");
        define('F', "#####", "#....", "#....", "####.", "#....", "#....", "#....");
        define('G', ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####");
        define('H', "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
        define('I', ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###.");
        define('J', "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##..");
        define('K', "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#");
        define('L', "#....", "#....", "#....", "#....", "#....", "#....", "#####");
        define('M', "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#");
        define('N', "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#");
        define('O', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
        define('P', "####.", "#...#", "#...#", "####.", "#....", "#....", "#....");
        define('Q', ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#");
        define('R', "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#");
        define('S', ".####", "#....", "#....", ".###.", "....#", "....#", "####.");
        define('T', "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..");
        define('U', "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
        define('V', "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#..");
        define('W', "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#.");
        define('X', "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#");
        define('Y', "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#..");
        define('Z', "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####");
        define(' ', ".....", ".....", ".....", ".....", ".....", ".....", ".....");
        define('.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##..");
        define(',', ".....", ".....", ".....", ".....", ".##..", "..#..", ".#...");
        define(':', ".....", ".##..", ".##..", ".....", ".##..", ".##..", ".....");
        define('/', ".....", "....#", "...#.", "..#..", ".#...", "#....", ".....");
        define('-', ".....", ".....", ".....", "#####", ".....", ".....", ".....");
        define('+', ".....", "..#..", "..#..", "#####", "..#..", "..#..", ".....");
        define('=', ".....", ".....", "#####", ".....", "#####", ".....", ".....");
        define('%', "##...", "##..#", "...#.", "..#..", ".#...", "#..##", "...##");
        define('(', "...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#.");
        define(')', ".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#...");
        define('_', ".....", ".....", ".....", ".....", ".....", ".....", "#####");
        define('?', ".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#..");
    }
}
