package raypool.opencl;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import raypool.engine.kernel.ComputeDevice;
import raypool.engine.kernel.KernelUnavailableException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenCL devices of every installed platform, numbered in platform order then device order: the
 * numbers {@code --device} takes. Finding none is the usual state of a machine without an OpenCL driver,
 * so it is reported as something to install, not as an error of raypool's.
 */
final class OpenClPlatforms {

    static final String NO_PLATFORM = "no OpenCL platform: install pocl-opencl-icd"
        + " (Debian/Ubuntu: apt-get install pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev),"
        + " or your GPU vendor's OpenCL driver";
    /**
     * JOCL opens the ICD loader by its development name, libOpenCL.so, which Debian ships in
     * ocl-icd-opencl-dev; the runtime package has only libOpenCL.so.1.
     */
    static final String NO_LOADER = NO_PLATFORM + "; JOCL needs libOpenCL.so, which ocl-icd-opencl-dev provides";

    /** A device with the handles needed to open it. */
    record Device(ComputeDevice info, cl_platform_id platform, cl_device_id id) {
    }

    private OpenClPlatforms() {
    }

    static List<Device> devices() {
        List<Device> devices = new ArrayList<>();
        for (cl_platform_id platform : platforms()) {
            String platformName = stringInfo(platform, CL.CL_PLATFORM_NAME) + " (" + shortVersion(stringInfo(platform, CL.CL_PLATFORM_VERSION)) + ")";
            for (cl_device_id id : devicesOf(platform)) {
                devices.add(new Device(describe(devices.size(), platformName, id), platform, id));
            }
        }
        if (devices.isEmpty()) {
            throw new KernelUnavailableException(NO_PLATFORM + " (the installed platforms have no devices)");
        }
        return devices;
    }

    /** Device {@code index} of {@link #devices()}, or a message that lists the valid numbers. */
    static Device device(int index) {
        List<Device> devices = devices();
        if (index < 0 || index >= devices.size()) {
            StringBuilder listing = new StringBuilder();
            for (Device d : devices) {
                listing.append(System.lineSeparator()).append("  ").append(d.info().describe());
            }
            throw new KernelUnavailableException("no OpenCL device " + index + ": --device takes 0"
                + (devices.size() > 1 ? " to " + (devices.size() - 1) : "") + " here:" + listing);
        }
        return devices.get(index);
    }

    private static cl_platform_id[] platforms() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            CL.clGetPlatformIDs(0, null, count);
            if (count[0] == 0) {
                throw new KernelUnavailableException(NO_PLATFORM);
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            CL.clGetPlatformIDs(platforms.length, platforms, null);
            return platforms;
        } catch (CLException e) {
            // ocl-icd answers CL_PLATFORM_NOT_FOUND_KHR when no driver (ICD) is registered.
            throw new KernelUnavailableException(NO_PLATFORM + " (" + e.getMessage() + ")", e);
        } catch (LinkageError e) {
            // JOCL's native library could not dlopen libOpenCL.so: the ICD loader (or its .so link) is missing.
            throw new KernelUnavailableException(NO_LOADER + " (" + e.getMessage() + ")", e);
        }
    }

    private static cl_device_id[] devicesOf(cl_platform_id platform) {
        int[] count = new int[1];
        try {
            CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_DEVICE_NOT_FOUND) {
                return new cl_device_id[0];
            }
            throw e;
        }
        cl_device_id[] ids = new cl_device_id[count[0]];
        CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, ids.length, ids, null);
        return ids;
    }

    private static ComputeDevice describe(int index, String platform, cl_device_id id) {
        return new ComputeDevice(index, platform, stringInfo(id, CL.CL_DEVICE_NAME), typeName(longInfo(id, CL.CL_DEVICE_TYPE)),
            (int) intInfo(id, CL.CL_DEVICE_MAX_COMPUTE_UNITS), longInfo(id, CL.CL_DEVICE_GLOBAL_MEM_SIZE),
            supportsDouble(id));
    }

    /** "OpenCL 3.0 PoCL 3.1+debian" of PoCL's "OpenCL 3.0 PoCL 3.1+debian  Linux, None+Asserts, RELOC, ...". */
    private static String shortVersion(String version) {
        return version.split("\\s{2,}|,")[0];
    }

    static boolean supportsDouble(cl_device_id id) {
        return (" " + stringInfo(id, CL.CL_DEVICE_EXTENSIONS) + " ").contains(" cl_khr_fp64 ");
    }

    private static String typeName(long type) {
        if ((type & CL.CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((type & CL.CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        if ((type & CL.CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "ACCELERATOR";
        }
        return "OTHER";
    }

    static String stringInfo(cl_platform_id platform, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(platform, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetPlatformInfo(platform, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    static String stringInfo(cl_device_id device, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(device, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetDeviceInfo(device, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    static long longInfo(cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    static long intInfo(cl_device_id device, int param) {
        int[] value = new int[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(value), null);
        return Integer.toUnsignedLong(value[0]);
    }

    /** size_t parameters, as CL_DEVICE_MAX_WORK_GROUP_SIZE. */
    static long sizeInfo(cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, param, Sizeof.size_t, Pointer.to(value), null);
        return value[0];
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
