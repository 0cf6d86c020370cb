package raypool.engine.testing;

import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingStream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Watches HotSpot's compilations through JFR ({@code jdk.Compilation} and {@code jdk.CompilerInlining}
 * events) so that a test can prove the code it checks ran as C2 code (compile level 4), compiled on its
 * own or inlined into a caller C2 compiled, not in the interpreter or C1. That matters for the SIMD
 * kernel: the Vector API becomes vector instructions only in C2, and the defect that made AVX2 images
 * wrong appeared only once C2 had compiled the kernel. Start it before the code first runs: compilations
 * that happened earlier are not seen, which is why the engine's tests run each class in a JVM of its own.
 */
public final class C2Compilations implements AutoCloseable {

    private static final int C2_LEVEL = 4;

    private final RecordingStream stream = new RecordingStream();
    /** Ids of the successful level-4 compilations (OSR ones included). */
    private final Set<Integer> c2Compilations = ConcurrentHashMap.newKeySet();
    /** For "fully.qualified.Type::method", the compilations that compiled it or inlined it. */
    private final Map<String, Set<Integer>> compiledIn = new ConcurrentHashMap<>();

    public C2Compilations() {
        stream.enable("jdk.Compilation").withThreshold(Duration.ZERO);
        stream.enable("jdk.CompilerInlining");
        stream.onEvent("jdk.Compilation", e -> {
            if (e.getShort("compileLevel") == C2_LEVEL && e.getBoolean("succeded")) {
                RecordedMethod m = e.getValue("method");
                c2Compilations.add(e.getInt("compileId"));
                note(m.getType().getName(), m.getName(), e.getInt("compileId"));
            }
        });
        stream.onEvent("jdk.CompilerInlining", e -> {
            if (e.getBoolean("succeeded")) {
                RecordedObject callee = e.getValue("callee");
                note(callee.getString("type"), callee.getString("name"), e.getInt("compileId"));
            }
        });
        stream.startAsync();
    }

    private void note(String type, String method, int compileId) {
        compiledIn.computeIfAbsent(type.replace('/', '.') + "::" + method, k -> ConcurrentHashMap.newKeySet())
            .add(compileId);
    }

    /** Whether C2 has compiled {@code type::method}, on its own or inlined, since this watch started. */
    public boolean compiled(Class<?> type, String method) {
        Set<Integer> in = compiledIn.getOrDefault(type.getName() + "::" + method, Set.of());
        return in.stream().anyMatch(c2Compilations::contains);
    }

    /**
     * Runs {@code work} until C2 has compiled every method named (class and method name), or fails the test
     * after {@code limit}. Returns how many times the work ran. JFR delivers events about once a second, so
     * the work goes on for up to that long after the last compilation.
     */
    public int runUntilCompiled(Runnable work, Duration limit, List<Method> methods) {
        long deadline = System.nanoTime() + limit.toNanos();
        int rounds = 0;
        while (!methods.stream().allMatch(m -> compiled(m.type(), m.name()))) {
            if (System.nanoTime() > deadline) {
                fail("C2 did not compile " + methods.stream().filter(m -> !compiled(m.type(), m.name())).toList()
                    + " within " + limit + " (" + rounds + " rounds of work): is C2 off (-Xint, TieredStopAtLevel)?");
            }
            work.run();
            rounds++;
        }
        return rounds;
    }

    /** A method, by class and name. */
    public record Method(Class<?> type, String name) {
        @Override
        public String toString() {
            return type.getSimpleName() + "::" + name;
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
