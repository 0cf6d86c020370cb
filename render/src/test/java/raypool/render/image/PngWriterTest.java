package raypool.render.image;

import raypool.files.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.engine.frame.FrameBuffer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryPixelAndLeavesNoTemporaryFile() throws IOException {
        FrameBuffer frame = new FrameBuffer(7, 3);
        for (int i = 0; i < frame.pixels().length; i++) {
            frame.pixels()[i] = 0xFF000000 | i * 0x0A1B2C;
        }
        Path file = dir.resolve("sub/frame.png");
        PngWriter.write(frame, file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(7, read.getWidth());
        assertEquals(3, read.getHeight());
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(frame.rgb(x, y) & 0xFFFFFF, read.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "only the PNG is left in its folder");
        }
        assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ),
            "readable by others like any file a user writes, not owner-only like a temporary file");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWas() throws IOException {
        Path file = dir.resolve("kept.png");
        Files.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }
}
