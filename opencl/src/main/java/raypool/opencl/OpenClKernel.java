package raypool.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import raypool.engine.compile.CompiledScene;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.Kernel;
import raypool.engine.kernel.RayCounts;

/**
 * One worker thread's use of an {@link OpenClSession}: a command queue, a kernel object (kernel
 * arguments are per object, so threads must not share one) and output buffers. Each
 * {@link #renderRows} call is one launch over the stripe's rows, then a blocking read of the pixels into
 * the frame's rows and of the per-work-group ray counters, so a call returns with its rows done, as the
 * stripe scheduler expects. Rendering a whole frame in one launch is this with a single stripe.
 *
 * <p>The pixel loop runs on the device; per launch the host does a few JOCL calls, which allocate a
 * handful of small wrapper objects (nothing per pixel).
 */
final class OpenClKernel implements Kernel, AutoCloseable {

    private static final int COUNTERS = 5;

    private final OpenClSession session;
    private final cl_command_queue queue;
    private final cl_kernel kernel;

    // Output buffers, sized for a whole frame of the current size so that any stripe fits.
    private cl_mem pixelBuffer;
    private cl_mem countBuffer;
    private int[] groupCounts = new int[0];
    private int capacityWidth;
    private int capacityHeight;

    // Argument holders, reused: JOCL reads them when clSetKernelArg is called.
    private final int[] intArg = new int[1];
    private final long[] globalSize = new long[2];
    private final long[] localSize = new long[2];
    private final long[] origin = new long[3];
    private final long[] region = new long[3];
    private boolean released;

    OpenClKernel(OpenClSession session) {
        this.session = session;
        this.queue = session.newQueue();
        try {
            this.kernel = session.program.createKernel("render");
        } catch (RuntimeException e) {
            CL.clReleaseCommandQueue(queue);
            throw e;
        }
        this.localSize[0] = session.groupSize;
        this.localSize[1] = 1;
    }

    @Override
    public void renderRows(CompiledScene scene, FrameBuffer target, int from, int to, int step, RayCounts counts) {
        int width = target.width();
        int rows = from < to ? (to - from + step - 1) / step : 0;
        if (rows == 0) {
            return;
        }
        ensureCapacity(width, target.height());
        cl_mem sceneBuffer = session.sceneOnDevice(scene);
        int groupsPerRow = (width + session.groupSize - 1) / session.groupSize;

        CL.clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(sceneBuffer));
        setInt(1, scene.sphereCount);
        setInt(2, scene.planeCount);
        setInt(3, scene.lightCount);
        setInt(4, width);
        setInt(5, from);
        setInt(6, step);
        CL.clSetKernelArg(kernel, 7, Sizeof.cl_mem, Pointer.to(pixelBuffer));
        CL.clSetKernelArg(kernel, 8, Sizeof.cl_mem, Pointer.to(countBuffer));
        globalSize[0] = (long) groupsPerRow * session.groupSize;
        globalSize[1] = rows;
        CL.clEnqueueNDRangeKernel(queue, kernel, 2, null, globalSize, localSize, 0, null, null);

        readPixels(target, from, step, rows);
        addCounts(groupsPerRow * rows, counts);
    }

    /**
     * The device holds the stripe's rows packed (row i at i * width); the frame wants them at rows
     * from, from + step, ... A rectangular read with the frame's row pitch set to step rows puts them
     * there in one call, for contiguous and interleaved stripes alike.
     */
    private void readPixels(FrameBuffer target, int from, int step, int rows) {
        long rowBytes = (long) Sizeof.cl_int * target.width();
        region[0] = rowBytes;
        region[1] = rows;
        region[2] = 1;
        Pointer frameRows = Pointer.to(target.pixels()).withByteOffset(rowBytes * from);
        CL.clEnqueueReadBufferRect(queue, pixelBuffer, CL.CL_TRUE, origin, origin, region,
            rowBytes, 0, rowBytes * step, 0, frameRows, 0, null, null);
    }

    private void addCounts(int groups, RayCounts counts) {
        CL.clEnqueueReadBuffer(queue, countBuffer, CL.CL_TRUE, 0, (long) Sizeof.cl_uint * COUNTERS * groups,
            Pointer.to(groupCounts), 0, null, null);
        long primary = 0, reflection = 0, shadow = 0, tests = 0, shaded = 0;
        for (int g = 0; g < groups * COUNTERS; g += COUNTERS) {
            primary += Integer.toUnsignedLong(groupCounts[g]);
            reflection += Integer.toUnsignedLong(groupCounts[g + 1]);
            shadow += Integer.toUnsignedLong(groupCounts[g + 2]);
            tests += Integer.toUnsignedLong(groupCounts[g + 3]);
            shaded += Integer.toUnsignedLong(groupCounts[g + 4]);
        }
        counts.primary += primary;
        counts.reflection += reflection;
        counts.shadow += shadow;
        counts.intersectionTests += tests;
        counts.shadedHits += shaded;
    }

    private void setInt(int index, int value) {
        intArg[0] = value;
        CL.clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(intArg));
    }

    /** (Re)allocates the output buffers when the frame size changes: once per run in practice. */
    private void ensureCapacity(int width, int height) {
        if (width == capacityWidth && height == capacityHeight) {
            return;
        }
        releaseBuffers();
        int groups = (width + session.groupSize - 1) / session.groupSize * height;
        pixelBuffer = CL.clCreateBuffer(session.context, CL.CL_MEM_WRITE_ONLY, (long) Sizeof.cl_uint * width * height, null, null);
        countBuffer = CL.clCreateBuffer(session.context, CL.CL_MEM_WRITE_ONLY, (long) Sizeof.cl_uint * COUNTERS * groups, null, null);
        groupCounts = new int[COUNTERS * groups];
        capacityWidth = width;
        capacityHeight = height;
    }

    private void releaseBuffers() {
        if (pixelBuffer != null) {
            CL.clReleaseMemObject(pixelBuffer);
            CL.clReleaseMemObject(countBuffer);
            pixelBuffer = null;
            countBuffer = null;
        }
        capacityWidth = capacityHeight = 0;
    }

    /** Releases this kernel's device resources; called by the session when it closes. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        releaseBuffers();
        CL.clReleaseKernel(kernel);
        CL.clReleaseCommandQueue(queue);
    }

    /** Kernels are released with their session; closing one early is allowed but not needed. */
    @Override
    public void close() {
        synchronized (session) {
            release();
        }
    }
}
