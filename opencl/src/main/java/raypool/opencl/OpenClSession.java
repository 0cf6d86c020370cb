package raypool.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_mem;
import raypool.engine.compile.CompiledScene;
import raypool.engine.kernel.ComputeDevice;
import raypool.engine.kernel.KernelFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One OpenCL device opened for a run: its context, the ray-tracing program compiled once, and the scene
 * buffer that every per-thread {@link OpenClKernel} reads. Kernels come from {@link #newKernel()}, one
 * per worker thread, each with its own command queue and output buffers so threads launch stripes
 * without locking each other. Closing the session releases the kernels it made, then its own resources.
 *
 * <p>The scene is uploaded once per frame by whichever thread first renders that frame's
 * {@link CompiledScene}; later frames of the same shape upload only the span of floats that changed
 * (for the benchmark, the moving sphere), into the same buffer.
 */
public final class OpenClSession implements KernelFactory {

    /** Work-items per work-group along a row; ray counters are reduced over a work-group. */
    static final int PREFERRED_GROUP_SIZE = 64;

    final ComputeDevice info;
    final cl_device_id device;
    final cl_context context;
    final OpenClProgram program;
    final int groupSize;
    final Precision precision;
    private final cl_command_queue uploadQueue;
    private final List<OpenClKernel> kernels = new ArrayList<>();

    // The scene on the device, guarded by this: which compiled scene it holds and the packed copy.
    private cl_mem sceneBuffer;
    private PackedScene packed;
    private CompiledScene uploaded;
    private long uploadedFloats;
    private boolean closed;

    private OpenClSession(OpenClPlatforms.Device d, Precision precision, KernelSource source) {
        this.info = d.info();
        this.device = d.id();
        this.precision = precision;
        this.groupSize = groupSize(d.id());
        this.context = CL.clCreateContext(null, 1, new cl_device_id[] {device}, null, null, null);
        OpenClProgram built = null;
        try {
            built = OpenClProgram.build(context, device, describe(info), source, buildOptions(precision));
            this.uploadQueue = newQueue();
        } catch (RuntimeException e) {
            if (built != null) {
                built.close();
            }
            CL.clReleaseContext(context);
            throw e;
        }
        this.program = built;
    }

    /** Opens device {@code index} with the ray-tracing kernel, in double where the device has it. */
    public static OpenClSession open(int index) {
        OpenClPlatforms.Device d = OpenClPlatforms.device(index);
        return new OpenClSession(d, Precision.choose(d.info().doublePrecision()), KernelSource.raytracer());
    }

    /** Opens device {@code index} with the ray-tracing kernel in the given precision. */
    public static OpenClSession open(int index, Precision precision) {
        OpenClPlatforms.Device d = OpenClPlatforms.device(index);
        if (precision == Precision.DOUBLE && !d.info().doublePrecision()) {
            throw new raypool.engine.kernel.KernelUnavailableException(d.info().name() + " has no double precision (cl_khr_fp64)");
        }
        return new OpenClSession(d, precision, KernelSource.raytracer());
    }

    /** Opens device {@code index} and builds {@code source} instead of the ray tracer: for tests of build errors. */
    static OpenClSession open(int index, Precision precision, KernelSource source) {
        return new OpenClSession(OpenClPlatforms.device(index), precision, source);
    }

    /**
     * The compiler options, and why: no -cl-fast-relaxed-math, -cl-mad-enable or -cl-unsafe-math-optimizations
     * (they let the compiler reassociate and fuse, and the image must match the reference's roundings);
     * correctly rounded float division and sqrt where the device offers them (OpenCL allows 2.5 ulp
     * otherwise; double division and sqrt are always correctly rounded). Contraction into FMA is turned
     * off in the source itself (FP_CONTRACT OFF), since there is no portable option for it.
     */
    private String buildOptions(Precision precision) {
        StringBuilder options = new StringBuilder("-DGROUP_SIZE=" + groupSize);
        if (precision == Precision.DOUBLE) {
            options.append(" -DRAYPOOL_FP64");
        }
        long fpConfig = OpenClPlatforms.longInfo(device, CL.CL_DEVICE_SINGLE_FP_CONFIG);
        if ((fpConfig & CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0) {
            options.append(" -cl-fp32-correctly-rounded-divide-sqrt");
        }
        return options.toString();
    }

    /** The largest power of two up to {@link #PREFERRED_GROUP_SIZE} that the device allows in a work-group. */
    private static int groupSize(cl_device_id device) {
        long max = OpenClPlatforms.sizeInfo(device, CL.CL_DEVICE_MAX_WORK_GROUP_SIZE);
        int size = PREFERRED_GROUP_SIZE;
        while (size > 1 && size > max) {
            size >>= 1;
        }
        return size;
    }

    @SuppressWarnings("deprecation") // clCreateCommandQueue is the one call every OpenCL version (1.x to 3.0) has
    cl_command_queue newQueue() {
        return CL.clCreateCommandQueue(context, device, 0, null);
    }

    @Override
    public synchronized OpenClKernel newKernel() {
        if (closed) {
            throw new IllegalStateException("the OpenCL session is closed");
        }
        OpenClKernel kernel = new OpenClKernel(this);
        kernels.add(kernel);
        return kernel;
    }

    @Override
    public String description() {
        return describe(info) + ", " + precision.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(ComputeDevice d) {
        return "opencl: " + d.name() + " (" + d.platform() + ")";
    }

    public ComputeDevice device() {
        return info;
    }

    public Precision precision() {
        return precision;
    }

    /** The compiler options the program was built with. */
    public String buildOptions() {
        return program.options();
    }

    /**
     * Makes the device's scene buffer hold {@code scene} and returns it. Cheap when it already does (one
     * identity check per stripe); otherwise uploads the floats that differ from the previous frame, with a
     * blocking write so the kernels enqueued next on other queues read the new scene.
     */
    synchronized cl_mem sceneOnDevice(CompiledScene scene) {
        if (scene == uploaded) {
            return sceneBuffer;
        }
        if (packed == null || !packed.sameShapeAs(scene)) {
            packed = PackedScene.of(scene);
            if (sceneBuffer != null) {
                CL.clReleaseMemObject(sceneBuffer);
            }
            sceneBuffer = CL.clCreateBuffer(context, CL.CL_MEM_READ_ONLY, (long) Sizeof.cl_float * packed.data.length, null, null);
            write(0, packed.data.length);
        } else {
            int[] span = packed.update(scene);
            write(span[0], span[1]);
        }
        uploaded = scene;
        return sceneBuffer;
    }

    private void write(int from, int to) {
        if (to > from) {
            CL.clEnqueueWriteBuffer(uploadQueue, sceneBuffer, CL.CL_TRUE, (long) Sizeof.cl_float * from,
                (long) Sizeof.cl_float * (to - from), Pointer.to(packed.data).withByteOffset((long) Sizeof.cl_float * from),
                0, null, null);
            uploadedFloats += to - from;
        }
    }

    /** Floats written to the scene buffer so far: shows that later frames upload only what moved. */
    synchronized long uploadedFloats() {
        return uploadedFloats;
    }

    PackedScene packedScene() {
        return packed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (OpenClKernel k : kernels) {
            k.release();
        }
        kernels.clear();
        if (sceneBuffer != null) {
            CL.clReleaseMemObject(sceneBuffer);
        }
        CL.clReleaseCommandQueue(uploadQueue);
        program.close();
        CL.clReleaseContext(context);
    }
}
