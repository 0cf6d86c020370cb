package raypool.bench.run;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * CPU time of the whole process, every thread included (the JVM's and a driver's native threads alike),
 * in nanoseconds. The JDK's own figure (OperatingSystemMXBean.getProcessCpuTime) comes from times(2) on
 * Linux and moves in 10 ms ticks, too coarse for frames of tens of milliseconds, so on Linux this asks
 * clock_gettime(CLOCK_PROCESS_CPUTIME_ID) directly, through the FFM API, into a timespec allocated
 * once: reading the clock allocates nothing.
 */
final class ProcessCpuClock {

    /** Linux's clockid_t for the calling process's CPU time. */
    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;
    private static final Optional<MethodHandle> CLOCK_GETTIME = linuxClockGettime();

    private final MemorySegment timespec = Arena.global().allocate(16, 8);
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    long nanos() {
        if (CLOCK_GETTIME.isPresent()) {
            try {
                int rc = (int) CLOCK_GETTIME.get().invokeExact(CLOCK_PROCESS_CPUTIME_ID, timespec);
                if (rc == 0) {
                    return timespec.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + timespec.get(ValueLayout.JAVA_LONG, 8);
                }
            } catch (Throwable e) {
                // fall through to the coarse clock
            }
        }
        return os.getProcessCpuTime();
    }

    private static Optional<MethodHandle> linuxClockGettime() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("clock_gettime").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS)));
        } catch (RuntimeException | LinkageError e) {
            // Native access disabled, or no such symbol: the JDK's clock is used instead.
            return Optional.empty();
        }
    }
}
