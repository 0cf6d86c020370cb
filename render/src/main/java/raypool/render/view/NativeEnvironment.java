package raypool.render.view;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The process environment as the C library sees it. GLFW opens the X display named by the C-level
 * {@code DISPLAY} variable, and Java's {@link System#getenv} is a read-only copy taken at start-up, so
 * pointing this process at an Xvfb server it started itself takes libc's setenv (through the FFM API).
 *
 * <p>Restricted methods, on purpose: raybench runs with {@code --enable-native-access=ALL-UNNAMED}.
 */
@SuppressWarnings("restricted")
final class NativeEnvironment {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETENV = LINKER.downcallHandle(
        LINKER.defaultLookup().find("getenv").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    private static final MethodHandle SETENV = LINKER.downcallHandle(
        LINKER.defaultLookup().find("setenv").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle UNSETENV = LINKER.downcallHandle(
        LINKER.defaultLookup().find("unsetenv").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    private NativeEnvironment() {
    }

    /** The variable's value; empty when unset or empty. */
    static synchronized Optional<String> get(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = (MemorySegment) GETENV.invokeExact(arena.allocateFrom(name));
            if (value.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            String text = value.reinterpret(Integer.MAX_VALUE).getString(0);
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (Throwable e) {
            throw new IllegalStateException("getenv(" + name + ") failed", e);
        }
    }

    static synchronized void set(String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            int status = (int) SETENV.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
            if (status != 0) {
                throw new IllegalStateException("setenv(" + name + ") failed");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("setenv(" + name + ") failed", e);
        }
    }

    static synchronized void unset(String name) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) UNSETENV.invokeExact(arena.allocateFrom(name));
        } catch (Throwable e) {
            throw new IllegalStateException("unsetenv(" + name + ") failed", e);
        }
    }
}
