package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of the packaged jar, run as a separate process the way users run it: exit
 * codes, what reaches stdout and stderr, and what appears on disk. Run by failsafe after
 * {@code package}, which passes the jar's path and the repository root as system properties.
 */
class JarIT {

    record Process(int code, String out, String err) {
    }

    static Path jar;
    static Path scenarios;

    @TempDir
    Path work;

    /** Captured stdout and stderr live outside the working folder, whose contents are checked. */
    @TempDir
    Path logs;

    @BeforeAll
    static void locate() {
        jar = Path.of(System.getProperty("crackdown.jar", "target/crackdown.jar")).toAbsolutePath();
        Path root = Path.of(System.getProperty("crackdown.root", "..")).toAbsolutePath().normalize();
        scenarios = root.resolve("simulation/src/test/resources/scenarios");
        assertTrue(Files.isRegularFile(jar), "jar not built: " + jar);
    }

    private Process crackdown(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = logs.resolve("stdout");
        Path err = logs.resolve("stderr");
        java.lang.Process p = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("crackdown " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        Process r = new Process(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        return r;
    }

    private List<String> workContents() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            return s.filter(p -> !p.equals(work)).map(p -> work.relativize(p).toString()).sorted().toList();
        }
    }

    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.contains("at org."), err);
        assertFalse(err.contains("at java."), err);
    }

    @Test
    void helpExitsZero() throws Exception {
        Process p = crackdown("--help");
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("run"), p.out());
        Process run = crackdown("run", "--help");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("--seed") && run.out().contains("--force"), run.out());
    }

    @Test
    void misspelledKeyExitsTwoWithoutStackTraceOrFolder() throws Exception {
        Process p = crackdown("run", scenarios.resolve("misspelled.yaml").toString());
        assertEquals(2, p.code(), p.err());
        assertTrue(p.err().contains("misspelled.yaml:10"), p.err());
        assertTrue(p.err().contains("did you mean"), p.err());
        assertNoStackTrace(p.err());
        assertEquals(List.of(), workContents());
    }

    @Test
    void tinyRunCreatesItsFolderAndRefusesToOverwriteIt() throws Exception {
        Process p = crackdown("run", scenarios.resolve("tiny.yaml").toString(), "--quiet");
        assertEquals(0, p.code(), p.err());
        Path folder = work.resolve("runs/tiny-1");
        assertTrue(p.out().contains("seed 1 (from the scenario"), p.out());
        assertTrue(p.out().contains(Path.of("runs", "tiny-1").toString()), p.out());
        for (String f : List.of("timeseries.csv", "summary.csv", "flows.csv", "run.json", "scenario.yaml",
                "datapackage.json")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        assertTrue(Files.readString(folder.resolve("run.json")).contains("\"git_commit\""));
        List<String> before = workContents();

        Process again = crackdown("run", scenarios.resolve("tiny.yaml").toString(), "--quiet");
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("already exists"), again.err());
        assertNoStackTrace(again.err());
        assertEquals(before, workContents(), "nothing changed, no temporary folder left");
    }
}
