package raypool.opencl;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

import java.nio.charset.StandardCharsets;

/** A kernel source compiled for one device. Closing releases the program. */
final class OpenClProgram implements AutoCloseable {

    private final cl_program program;
    private final String options;

    private OpenClProgram(cl_program program, String options) {
        this.program = program;
        this.options = options;
    }

    /**
     * Compiles {@code source} for {@code device}.
     *
     * @throws OpenClBuildException when the compiler rejects it, with the build log and the source lines
     */
    static OpenClProgram build(cl_context context, cl_device_id device, String deviceName, KernelSource source,
                               String options) {
        cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {source.text()}, null, null);
        try {
            CL.clBuildProgram(program, 1, new cl_device_id[] {device}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program, device);
            CL.clReleaseProgram(program);
            if (e.getStatus() == CL.CL_BUILD_PROGRAM_FAILURE || !log.isBlank()) {
                throw new OpenClBuildException(source.name(), deviceName, options, log, source.text());
            }
            throw e;
        }
        return new OpenClProgram(program, options);
    }

    String options() {
        return options;
    }

    cl_kernel createKernel(String name) {
        return CL.clCreateKernel(program, name, null);
    }

    private static String buildLog(cl_program program, cl_device_id device) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes), null);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        CL.clReleaseProgram(program);
    }
}
