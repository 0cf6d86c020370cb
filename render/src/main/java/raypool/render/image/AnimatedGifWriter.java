package raypool.render.image;

import raypool.engine.frame.FrameBuffer;
import raypool.files.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An animated GIF that loops forever, written one frame at a time so a long animation never holds more
 * than one frame in memory. Frames go to a temporary file that {@link #close()} renames over the target;
 * {@link #abort()} (or a close without any frame) leaves the target untouched.
 *
 * <p>The JDK's GIF writer reduces each RGB frame to its own 256-colour palette; the metadata set here is
 * the frame delay (graphic control extension) and, on the first frame only, the NETSCAPE2.0 application
 * extension with loop count 0 that browsers read as "repeat forever".
 */
public final class AnimatedGifWriter implements AutoCloseable {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final Path target;
    private final AtomicFiles.Pending pending;
    private final Path temp;
    private final int delayCentiseconds;
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private int frames;
    private boolean finished;

    /** @param frameDelayMillis time each frame is shown; GIF counts in hundredths of a second (at least 2). */
    public AnimatedGifWriter(Path target, int frameDelayMillis) throws IOException {
        this.target = target.toAbsolutePath();
        this.delayCentiseconds = Math.max(2, Math.round(frameDelayMillis / 10f));
        this.pending = AtomicFiles.begin(this.target);
        this.temp = pending.temporary();
        var writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            Files.deleteIfExists(temp);
            throw new IOException("this JDK has no GIF writer");
        }
        this.writer = writers.next();
        this.out = ImageIO.createImageOutputStream(temp.toFile());
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    public void append(FrameBuffer frame) throws IOException {
        append(Images.toImage(frame));
    }

    public void append(BufferedImage image) throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        configure(metadata, frames == 0);
        writer.writeToSequence(new IIOImage(image, null, metadata), param);
        frames++;
    }

    public int frames() {
        return frames;
    }

    private void configure(IIOMetadata metadata, boolean first) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            // Sub-block 1, then the loop count as a little-endian 16-bit number: 0 loops forever.
            netscape.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(netscape);
        }
        metadata.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /** Drops the animation: the target is left as it was. */
    public void abort() throws IOException {
        if (!finished) {
            finished = true;
            try {
                writer.dispose();
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Completes the GIF and moves it into place; with no frames appended, behaves like {@link #abort()}. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        if (frames == 0) {
            abort();
            return;
        }
        finished = true;
        try {
            writer.endWriteSequence();
            out.close();
            writer.dispose();
            pending.commit();
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
