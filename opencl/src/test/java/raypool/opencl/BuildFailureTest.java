package raypool.opencl;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kernel the device compiler rejects is reported with its build log and the offending source line. */
class BuildFailureTest {

    private static final String BROKEN = String.join("\n",
        "// a kernel with one mistake, on line 4",
        "__kernel void render(__global float *out) {",
        "    int i = get_global_id(0);",
        "    out[i] = 1.0f +;",
        "}");

    @BeforeAll
    static void platform() {
        OpenClRequired.platformPresent();
    }

    @Test
    void syntaxErrorReportsBuildLogAndSourceLine() {
        var e = assertThrows(OpenClBuildException.class,
            () -> OpenClSession.open(0, Precision.FLOAT, new KernelSource("broken.cl", BROKEN)).close());
        System.out.println(e.getMessage());
        assertFalse(e.buildLog().isBlank(), "the compiler's build log is empty");
        assertTrue(e.getMessage().contains(e.buildLog().strip()), "message lacks the build log");
        assertTrue(e.getMessage().contains("rejected broken.cl"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.cl:4:"), "message does not point at line 4: " + e.getMessage());
        assertTrue(e.getMessage().contains("    out[i] = 1.0f +;"), "message does not quote line 4: " + e.getMessage());
    }

    @Test
    void logLinesOfBothCompilerStylesPointAtTheSource() {
        String source = "first\nsecond line\nthird";
        String pocl = "error: /root/.cache/pocl/kcache/tempfile_x.cl:2:8: expected expression\n";
        String gpu = "<source>:3:1: error: use of undeclared identifier 'third'\n";
        assertTrue(BuildLogLines.quote(pocl, source, "k.cl").contains("k.cl:2:8: second line"));
        assertTrue(BuildLogLines.quote(gpu, source, "k.cl").contains("k.cl:3:1: third"));
        assertTrue(BuildLogLines.quote("warning: k.cl:1:1: unused\n", source, "k.cl").isEmpty());
    }
}
