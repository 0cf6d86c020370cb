package raypool.bench.scripts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/lib/deps.sh and its installers on a made-up machine: a PATH of a few real tools and fakes of
 * dpkg-query (which reads the "installed" packages from a file), apt-get (which records its calls and
 * "installs" into that file), id (root or not) and ldconfig (the libraries the linker knows). Nothing
 * on the real machine is looked at or changed.
 */
class DepsScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final List<String> ALL = List.of("xvfb", "libgl1", "libglx-mesa0", "libgl1-mesa-dri", "libx11-6",
        "fontconfig", "fonts-dejavu-core", "pocl-opencl-icd", "ocl-icd-libopencl1", "ocl-icd-opencl-dev",
        "openvswitch-switch", "nut-server", "nut-client", "chromium", "chromium-driver");
    /** The programs the Open vSwitch, UPS and browser tests start, as the packages above install them. */
    private static final List<String> PROGRAMS = List.of("ovsdb-server", "ovs-vswitchd", "ovs-ofctl", "ovs-appctl",
        "upsd", "dummy-ups", "chromium", "chromedriver");

    @TempDir
    Path dir;
    Path bin;
    Path installed;
    Path aptLog;
    Path vendors;
    Path sbin;
    String bash;

    record Result(int status, String output) {
    }

    @BeforeEach
    void machine() throws IOException, InterruptedException {
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "env", "grep", "sed", "awk", "tr", "basename", "dirname", "xargs", "cat")) {
            String path = realPath(tool);
            if (tool.equals("bash")) {
                bash = path;
            }
            fake(tool, "exec " + path + " \"$@\"\n");
        }
        installed = dir.resolve("installed");
        aptLog = dir.resolve("apt.log");
        vendors = Files.createDirectories(dir.resolve("vendors"));
        sbin = Files.createDirectories(dir.resolve("sbin"));
        Files.writeString(installed, "");
        fake("dpkg-query", "for p; do :; done\ngrep -qx \"$p\" '" + installed + "' && echo 'install ok installed' || exit 1\n");
        fake("apt-get", "echo \"apt-get $*\" >> '" + aptLog + "'\n"
            + "[ \"$1\" = install ] && for p; do case \"$p\" in -*|install) ;; *) echo \"$p\" >> '" + installed + "' ;; esac; done\n"
            + "exit 0\n");
        fake("id", "echo ${FAKE_UID:-0}\n");
        fake("ldconfig", "printf '\\tlibGL.so.1 (libc6,x86-64) => /x/libGL.so.1\\n\\tlibOpenCL.so (libc6,x86-64) => /x/libOpenCL.so\\n'\n");
    }

    private static String realPath(String tool) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
        String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), tool + " is on the PATH");
        return path;
    }

    /** A program of the made-up machine; the real tools it may use are wrappers like this one. */
    private void fake(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!" + bash + "\n" + body);
        assertTrue(f.toFile().setExecutable(true));
    }

    private void allInstalled() throws IOException {
        Files.write(installed, ALL);
        fake("Xvfb", "exit 0\n");
        programsInstalled();
        Files.writeString(vendors.resolve("pocl.icd"), "libpocl.so.2\n");
    }

    /** The daemons, drivers and browser of the ovs, nut and browser groups, where Debian puts them (not on the PATH). */
    private void programsInstalled() throws IOException {
        for (String program : PROGRAMS) {
            Path f = sbin.resolve(program);
            Files.writeString(f, "#!" + bash + "\nexit 0\n");
            assertTrue(f.toFile().setExecutable(true));
        }
    }

    private Result bash(Map<String, String> extraEnv, String script, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of(bash, "-c", script, "bash"));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", bin.toString());
        env.put("OCL_ICD_VENDORS", vendors.toString());
        env.put("HOME", dir.toString());
        // Daemons and drivers are looked for in these folders beside the PATH (/usr/sbin and the like on a real machine).
        env.put("RAYPOOL_DEPS_PROGRAM_DIRS", sbin.toString());
        env.putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "finished");
        return new Result(p.exitValue(), out);
    }

    /** What scripts/test does before Maven, then the variable it sets for the tests. */
    private Result prepare(Map<String, String> env) throws IOException, InterruptedException {
        // As scripts/test runs it: under set -euo pipefail, where any failing pipeline would stop it.
        return bash(env, "set -euo pipefail; . scripts/lib/deps.sh; RAYPOOL_DEPS_WHO='raypool test' raypool_deps_prepare_tests;"
            + " echo \"RAYPOOL_OPENCL_OPTIONAL=${RAYPOOL_OPENCL_OPTIONAL:-}\"");
    }

    private String aptCalls() throws IOException {
        return Files.exists(aptLog) ? Files.readString(aptLog) : "";
    }

    @Test
    void everythingPresentSaysNothingAndNeverRunsAptGet() throws Exception {
        allInstalled();
        Result r = prepare(Map.of());
        assertEquals(0, r.status(), r.output());
        assertEquals("RAYPOOL_OPENCL_OPTIONAL=\n", r.output());
        assertEquals("", aptCalls());
    }

    @Test
    void asRootItInstallsOnlyWhatIsMissing() throws Exception {
        allInstalled();
        Files.write(installed, ALL.stream().filter(p -> !p.equals("xvfb") && !p.equals("pocl-opencl-icd")).toList());
        Result r = prepare(Map.of("CI", "true"));
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("installing xvfb pocl-opencl-icd"), r.output());
        assertEquals("apt-get update -q\napt-get install -y -q --no-install-recommends xvfb pocl-opencl-icd\n", aptCalls());
        assertTrue(r.output().endsWith("RAYPOOL_OPENCL_OPTIONAL=\n"), r.output());
    }

    @Test
    void withoutInstallingItSaysWhatIsMissingAndWhichTestsAreLeftOut() throws Exception {
        Files.write(installed, ALL.stream().filter(p -> !p.equals("xvfb") && !p.equals("pocl-opencl-icd")).toList());
        for (Map<String, String> cannot : List.of(Map.of("RAYPOOL_NO_INSTALL", "1"), Map.of("FAKE_UID", "1000"))) {
            Result r = prepare(cannot);
            assertEquals(0, r.status(), r.output());
            String out = r.output();
            assertTrue(out.contains("raypool test: missing on this machine:"), out);
            assertTrue(out.contains("Xvfb (package xvfb) is not on the PATH and DISPLAY is not set"), out);
            assertTrue(out.contains("an OpenCL platform (package pocl-opencl-icd"), out);
            assertTrue(out.contains("apt-get install -y --no-install-recommends xvfb pocl-opencl-icd"), out);
            assertTrue(out.contains("tests left out:"), out);
            assertTrue(out.contains("window tests (render: LiveViewWindowTest, XvfbServerTest) report themselves skipped"), out);
            assertTrue(out.contains("OpenCL tests (opencl: "), out);
            assertTrue(out.contains("Open vSwitch (package openvswitch-switch): ovsdb-server ovs-vswitchd ovs-ofctl ovs-appctl not found"), out);
            assertTrue(out.contains("Network UPS Tools (packages nut-server, nut-client): upsd dummy-ups not found"), out);
            assertTrue(out.contains("(packages chromium, chromium-driver): chromium chromedriver not found"), out);
            assertTrue(out.contains("the firewall tests on a real switch (cloud) report themselves skipped"), out);
            assertTrue(out.contains("the browser tests (web) report themselves skipped"), out);
            assertTrue(out.endsWith("RAYPOOL_OPENCL_OPTIONAL=1\n"), "the OpenCL tests are told to skip: " + out);
        }
        assertTrue(prepare(Map.of("RAYPOOL_NO_INSTALL", "1")).output().contains("(RAYPOOL_NO_INSTALL=1 is set)"));
        assertTrue(prepare(Map.of("FAKE_UID", "1000")).output().contains("(not running as root)"));
        assertEquals("", aptCalls(), "apt-get never ran");
    }

    @Test
    void inCiSomethingMissingIsAnError() throws Exception {
        Files.write(installed, ALL.stream().filter(p -> !p.equals("pocl-opencl-icd")).toList());
        fake("Xvfb", "exit 0\n");
        Result r = prepare(Map.of("CI", "true", "RAYPOOL_NO_INSTALL", "1"));
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("an OpenCL platform"), r.output());
        assertTrue(r.output().contains("CI=true"), r.output());
        assertFalse(r.output().contains("RAYPOOL_OPENCL_OPTIONAL="), "stopped before the tests: " + r.output());
    }

    @Test
    void inCiAMissingDaemonIsAnErrorThatNamesIt() throws Exception {
        allInstalled();
        Files.delete(sbin.resolve("dummy-ups"));
        Result r = prepare(Map.of("CI", "true"));
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("Network UPS Tools (packages nut-server, nut-client): dummy-ups not found"), r.output());
        assertEquals("", aptCalls(), "every package counts as installed, so nothing to install: " + aptCalls());
    }

    @Test
    void theTestsInstallEveryGroupTheyNeed() throws Exception {
        Files.write(installed, ALL.stream().filter(p -> !p.equals("chromium-driver") && !p.equals("nut-server")).toList());
        fake("Xvfb", "exit 0\n");
        programsInstalled();
        Files.writeString(vendors.resolve("pocl.icd"), "libpocl.so.2\n");
        Result r = prepare(Map.of("CI", "true"));
        assertEquals(0, r.status(), r.output());
        assertEquals("apt-get update -q\napt-get install -y -q --no-install-recommends nut-server chromium-driver\n", aptCalls());
    }

    @Test
    void aDisplayServesTheWindowTestsWithoutXvfb() throws Exception {
        allInstalled();
        Files.delete(bin.resolve("Xvfb"));
        Result r = prepare(Map.of("DISPLAY", ":0", "RAYPOOL_NO_INSTALL", "1"));
        assertEquals(0, r.status(), r.output());
        assertFalse(r.output().contains("missing"), r.output());
    }

    @Test
    void withoutDpkgItJudgesByWhatIsOnTheMachine() throws Exception {
        Files.delete(bin.resolve("dpkg-query"));
        Files.delete(bin.resolve("apt-get"));
        Result r = prepare(Map.of());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("Xvfb (package xvfb) is not on the PATH"), r.output());
        assertTrue(r.output().contains("no dpkg or apt-get here"), r.output());
        assertTrue(r.output().endsWith("RAYPOOL_OPENCL_OPTIONAL=1\n"), r.output());
        fake("Xvfb", "exit 0\n");
        programsInstalled();
        Files.writeString(vendors.resolve("pocl.icd"), "libpocl.so.2\n");
        Result present = prepare(Map.of("CI", "true"));
        assertEquals(0, present.status(), present.output());
        assertEquals("RAYPOOL_OPENCL_OPTIONAL=\n", present.output());
    }

    @Test
    void theInstallersAnswerHelpAndRefuseUnknownOptions() throws Exception {
        for (String name : List.of("install-deps.sh", "install-opencl.sh")) {
            for (String help : List.of("--help", "-h")) {
                Result r = bash(Map.of(), "exec \"$@\"", ROOT.resolve("scripts/lib").resolve(name).toString(), help);
                assertEquals(0, r.status(), r.output());
                assertTrue(r.output().startsWith("Installs "), r.output());
                assertTrue(r.output().contains("--check"), r.output());
            }
            Result bad = bash(Map.of(), "exec \"$@\"", ROOT.resolve("scripts/lib").resolve(name).toString(), "--bogus");
            assertEquals(2, bad.status(), bad.output());
            assertEquals(1, bad.output().lines().count(), bad.output());
        }
        assertEquals("", aptCalls());
    }

    @Test
    void theInstallersInstallWhatIsMissingOnceAndSayWhatWithout() throws Exception {
        Path deps = ROOT.resolve("scripts/lib/install-deps.sh");
        Path opencl = ROOT.resolve("scripts/lib/install-opencl.sh");
        Result check = bash(Map.of(), "exec \"$@\"", deps.toString(), "--check");
        assertEquals(1, check.status(), check.output());
        assertTrue(check.output().contains("missing: xvfb "), check.output());

        Result refused = bash(Map.of("RAYPOOL_NO_INSTALL", "1"), "exec \"$@\"", opencl.toString());
        assertEquals(1, refused.status(), refused.output());
        assertTrue(refused.output().contains("missing: pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev"), refused.output());
        assertEquals("", aptCalls());

        Result first = bash(Map.of(), "exec \"$@\"", opencl.toString());
        assertEquals(0, first.status(), first.output());
        assertEquals("apt-get update -q\napt-get install -y -q --no-install-recommends "
            + "pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev\n", aptCalls());
        Result again = bash(Map.of(), "exec \"$@\"", opencl.toString());
        assertEquals(0, again.status(), again.output());
        assertEquals(2, aptCalls().lines().count(), "no apt-get the second time: " + aptCalls());
        assertEquals(0, bash(Map.of(), "exec \"$@\"", opencl.toString(), "--check").status());
    }
}
