package raypool.render.font;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitmapFontTest {

    @Test
    void theOverlayCharactersAreAllDefinedAndDistinct() {
        String needed = "0123456789.FPS/FRAMETHREADSBUFFEREDSTATICDYNAMICINTERLEAVEDSCALARMS+-";
        for (char c : needed.toCharArray()) {
            assertTrue(BitmapFont.has(c), "glyph for '" + c + "'");
        }
        for (char a = '0'; a <= '9'; a++) {
            for (char b = (char) (a + 1); b <= '9'; b++) {
                assertNotEquals(BitmapFont.glyph(a), BitmapFont.glyph(b), a + " and " + b + " look the same");
            }
        }
    }

    @Test
    void lowerCaseIsDrawnAsCapitalsAndUnknownAsQuestionMark() {
        assertEquals(BitmapFont.glyph('F'), BitmapFont.glyph('f'));
        assertEquals(BitmapFont.glyph('?'), BitmapFont.glyph('\u00e9'));
        assertFalse(BitmapFont.has('\u00e9'));
    }

    @Test
    void drawsTheOneAsItsSevenRowsSay() {
        int scale = 1;
        int[] pixels = new int[BitmapFont.width("1", scale) * BitmapFont.height(scale)];
        BitmapFont.draw("1", 0, 0, scale, 1, pixels, 5, 7);
        int[] expected = {
            0, 0, 1, 0, 0,
            0, 1, 1, 0, 0,
            0, 0, 1, 0, 0,
            0, 0, 1, 0, 0,
            0, 0, 1, 0, 0,
            0, 0, 1, 0, 0,
            0, 1, 1, 1, 0};
        assertArrayEquals(expected, pixels);
    }

    @Test
    void scaledTextAdvancesBySixCellsAndCellsAreScaleSquares() {
        List<int[]> cells = new ArrayList<>();
        BitmapFont.draw("..", 10, 20, 3, (x, y, size) -> cells.add(new int[] {x, y, size}));
        // '.' lights columns 1-2 of rows 5-6: four cells per character.
        assertEquals(8, cells.size());
        int[] firstOfSecond = cells.get(4);
        assertEquals(10 + (BitmapFont.ADVANCE + 1) * 3, firstOfSecond[0]);
        assertEquals(20 + 5 * 3, firstOfSecond[1]);
        assertEquals(3, firstOfSecond[2]);
        assertEquals((2 * BitmapFont.ADVANCE - 1) * 3, BitmapFont.width("..", 3));
    }

    @Test
    void drawingIsClippedToTheImage() {
        int[] pixels = new int[4 * 4];
        BitmapFont.draw("8888", -3, -3, 2, 7, pixels, 4, 4);
        boolean any = false;
        for (int p : pixels) {
            any |= p == 7;
        }
        assertTrue(any, "part of the text falls inside and is drawn");
    }
}
