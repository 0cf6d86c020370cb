package raypool.render.view;

import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.MemoryUtil;
import raypool.engine.frame.FrameBuffer;
import raypool.render.font.BitmapFont;
import raypool.render.image.Images;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static org.lwjgl.glfw.Callbacks.glfwFreeCallbacks;
import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL12.GL_BGRA;
import static org.lwjgl.opengl.GL12.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengl.GL12.GL_UNSIGNED_INT_8_8_8_8_REV;
import static org.lwjgl.system.MemoryUtil.NULL;

/**
 * A GLFW window with an OpenGL 2.1 context that shows a frame as one texture and the overlay text on top.
 * Fixed-function GL on purpose: two textured triangles and a few hundred small quads a refresh need no
 * shaders, and GL 2.1 is what Mesa's software renderer offers everywhere, Xvfb included.
 *
 * <p>All methods must be called from the thread that opened the window (GLFW's rule).
 */
final class ViewWindow implements AutoCloseable {

    private static final int OVERLAY_MARGIN = 10;
    private static final int LINE_GAP = 6;

    private final long window;
    private final int frameWidth;
    private final int frameHeight;
    private final int texture;
    /**
     * The frame's pixels as uploaded: off-heap, owned by the window. Handing GL the render target's int[]
     * itself let LWJGL's JNI array access copy it and write the copy back on release, over the rows the
     * render threads had drawn meanwhile: unbuffered frames lost rows (found by the view's own check of
     * its frames against the reference).
     */
    private final IntBuffer upload;
    private final Queue<ViewCommand> commands = new ArrayDeque<>();
    private final GLFWErrorCallback errors;

    private ViewWindow(long window, int frameWidth, int frameHeight, GLFWErrorCallback errors) {
        this.window = window;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
        this.errors = errors;
        this.upload = MemoryUtil.memAllocInt(frameWidth * frameHeight);
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            if (action == GLFW_PRESS || action == GLFW_REPEAT) {
                KeyBindings.command(key).ifPresent(commands::add);
            }
        });
        this.texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        // Nearest: at the frame's own size every screen pixel is exactly one frame pixel, no blur.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, frameWidth, frameHeight, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV,
            (ByteBuffer) null);
    }

    /** Opens a window the size of the frame on the current X display. */
    static ViewWindow open(int width, int height, String title) throws NoDisplayException {
        StringBuilder lastError = new StringBuilder();
        GLFWErrorCallback errors = GLFWErrorCallback.create((code, description) -> {
            lastError.setLength(0);
            lastError.append(GLFWErrorCallback.getDescription(description));
        });
        glfwSetErrorCallback(errors);
        // The view needs X (a desktop, XWayland or Xvfb); without this hint GLFW would first probe for
        // Wayland and print errors about it on every X-only host.
        glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        if (!glfwInit()) {
            glfwSetErrorCallback(null);
            errors.free();
            throw new NoDisplayException("no display: the window system could not be opened (" + lastError + ")");
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 2);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 1);
        long window = glfwCreateWindow(width, height, title, NULL, NULL);
        if (window == NULL) {
            glfwTerminate();
            glfwSetErrorCallback(null);
            errors.free();
            throw new NoDisplayException("no display: no OpenGL 2.1 window could be created (" + lastError
                + "); on a host without a GPU install Mesa's software OpenGL (libgl1-mesa-dri)");
        }
        glfwMakeContextCurrent(window);
        GL.createCapabilities();
        // Vsync where there is a screen to sync to; the caller paces refreshes anyway (Xvfb has none).
        glfwSwapInterval(1);
        glfwShowWindow(window);
        return new ViewWindow(window, width, height, errors);
    }

    boolean closeRequested() {
        return glfwWindowShouldClose(window);
    }

    /** Handles input for up to {@code seconds}, returning early when an event arrives. */
    void waitEvents(double seconds) {
        if (seconds > 0) {
            glfwWaitEventsTimeout(seconds);
        } else {
            glfwPollEvents();
        }
    }

    /** The next command typed, if any. */
    ViewCommand nextCommand() {
        return commands.poll();
    }

    /** Draws the frame scaled to the window and the overlay over it, into the back buffer (not yet shown). */
    void draw(FrameBuffer frame, List<Overlay.Line> overlay) {
        int[] w = new int[1], h = new int[1];
        glfwGetFramebufferSize(window, w, h);
        glViewport(0, 0, w[0], h[0]);
        glMatrixMode(GL_PROJECTION);
        glLoadIdentity();
        // Window pixels with y down, like the frame's rows and the font.
        glOrtho(0, w[0], h[0], 0, -1, 1);
        glMatrixMode(GL_MODELVIEW);
        glLoadIdentity();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);

        glEnable(GL_TEXTURE_2D);
        glBindTexture(GL_TEXTURE_2D, texture);
        upload.clear();
        upload.put(frame.pixels()).flip();
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, frameWidth, frameHeight, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV,
            upload);
        glColor3f(1, 1, 1);
        glBegin(GL_QUADS);
        // The texture's first row is the frame's top row, drawn at y = 0 (top) by the projection above.
        glTexCoord2f(0, 0);
        glVertex2i(0, 0);
        glTexCoord2f(1, 0);
        glVertex2i(w[0], 0);
        glTexCoord2f(1, 1);
        glVertex2i(w[0], h[0]);
        glTexCoord2f(0, 1);
        glVertex2i(0, h[0]);
        glEnd();
        glDisable(GL_TEXTURE_2D);

        drawOverlay(overlay);
    }

    private static void drawOverlay(List<Overlay.Line> lines) {
        int width = 0, height = 0;
        for (Overlay.Line line : lines) {
            width = Math.max(width, BitmapFont.width(line.text(), line.scale()));
            height += BitmapFont.height(line.scale()) + LINE_GAP;
        }
        // A half-transparent backing keeps the text readable over the bright spheres.
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glColor4f(0, 0, 0, 0.55f);
        quad(OVERLAY_MARGIN - 6, OVERLAY_MARGIN - 6, width + 12, height + 6);
        glDisable(GL_BLEND);

        int y = OVERLAY_MARGIN;
        glBegin(GL_QUADS);
        for (Overlay.Line line : lines) {
            int rgb = line.rgb();
            glColor3ub((byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb);
            BitmapFont.draw(line.text(), OVERLAY_MARGIN, y, line.scale(), ViewWindow::vertices);
            y += BitmapFont.height(line.scale()) + LINE_GAP;
        }
        glEnd();
    }

    private static void quad(int x, int y, int w, int h) {
        glBegin(GL_QUADS);
        vertices(x, y, w, h);
        glEnd();
    }

    private static void vertices(int x, int y, int size) {
        vertices(x, y, size, size);
    }

    private static void vertices(int x, int y, int w, int h) {
        glVertex2i(x, y);
        glVertex2i(x + w, y);
        glVertex2i(x + w, y + h);
        glVertex2i(x, y + h);
    }

    /** What {@link #draw} put in the back buffer, as the window will show it: call before {@link #show()}. */
    BufferedImage capture() {
        int[] w = new int[1], h = new int[1];
        glfwGetFramebufferSize(window, w, h);
        int[] bottomUp = new int[w[0] * h[0]];
        glReadBuffer(GL_BACK);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glReadPixels(0, 0, w[0], h[0], GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, bottomUp);
        BufferedImage image = new BufferedImage(w[0], h[0], BufferedImage.TYPE_INT_RGB);
        int[] out = Images.pixels(image);
        // GL counts rows from the bottom; images from the top.
        for (int y = 0; y < h[0]; y++) {
            System.arraycopy(bottomUp, (h[0] - 1 - y) * w[0], out, y * w[0], w[0]);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return image;
    }

    void show() {
        glfwSwapBuffers(window);
    }

    @Override
    public void close() {
        glDeleteTextures(texture);
        MemoryUtil.memFree(upload);
        GL.setCapabilities(null);
        glfwFreeCallbacks(window);
        glfwDestroyWindow(window);
        glfwTerminate();
        glfwSetErrorCallback(null);
        errors.free();
    }
}
