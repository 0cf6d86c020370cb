package raypool.bench.pictures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raypool.bench.RayBenchRunner;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** raybench's --gif, --plots and the option rules of --view (the window itself is tested in render). */
class PictureOptionsTest {

    @TempDir
    Path dir;

    @Test
    void gifHasOneImagePerFrame() throws IOException {
        Path gif = dir.resolve("five.gif");
        var o = RayBenchRunner.run("--gif", gif.toString(), "--frames", "5", "--size", "80x60", "--threads", "2");
        assertEquals(0, o.status(), o.err());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            assertEquals(80, reader.read(0).getWidth());
        }
    }

    @Test
    void plotsAfterASweepWriteChartsAndOneStripeMapPerPolicy() {
        Path plots = dir.resolve("plots");
        var o = RayBenchRunner.run("--plots", plots.toString(), "--sweep", "--threads", "2", "--frames", "3",
            "--warmup", "0", "--size", "80x60");
        assertEquals(0, o.status(), o.err());
        for (String name : List.of("speedup.png", "efficiency.png", "frame-times.png", "stripes-static.png",
            "stripes-interleaved.png", "stripes-dynamic.png")) {
            assertTrue(Files.isRegularFile(plots.resolve(name)), name + " written; stderr: " + o.err());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--screenshot x.png                       | --screenshot: only with --view",
        "--view --screenshot x.png                | --screenshot: needs --frames N",
        "--view --gif x.gif                       | --gif: not with --view",
        "--gif x.gif --plots out                  | --plots: needs a measured run",
        "--view --plots out                       | --plots: needs a measured run",
        "--unbuffered                             | --unbuffered: only with --view",
        "--view --sweep                           | --view: measures nothing",
        "--gif x.gif --json r.json                | --gif: measures nothing"})
    void meaninglessCombinationsExit2WithTheOptionNamed(String args, String message) {
        var o = RayBenchRunner.run(args.trim().split("\\s+"));
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(message), o.err());
    }
}
