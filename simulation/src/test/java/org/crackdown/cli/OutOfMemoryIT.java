package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that does not fit in the heap ({@code CRACKDOWN_JAVA_OPTS=-Xmx...} too small) ends with
 * one line that says so and what to do, exit code 1, no stack trace and no run folder. Needs a
 * JVM of its own with a small heap, so it runs the packaged jar like {@link JarIT}.
 */
class OutOfMemoryIT {

    @TempDir
    Path work;

    @TempDir
    Path logs;

    @Test
    void runningOutOfMemoryIsOneClearLine() throws Exception {
        Path jar = Path.of(System.getProperty("crackdown.jar", "target/crackdown.jar")).toAbsolutePath();
        Path root = Path.of(System.getProperty("crackdown.root", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "jar not built: " + jar);
        // A national-scale run in 16 MB: the model's agents fill the heap within seconds.
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
                "-XX:+UseSerialGC", "-jar", jar.toString(), "run", root.resolve("scenarios/china-2011.yaml").toString(),
                "--set", "scale=1", "--quiet");
        Path err = logs.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(err.toFile())
                .redirectOutput(logs.resolve("stdout").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not run out of memory in 5 minutes");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(Main.FAILED, p.exitValue(), stderr);
        assertTrue(stderr.startsWith("error: out of memory (the Java heap holds at most "), stderr);
        assertTrue(stderr.contains("CRACKDOWN_JAVA_OPTS=-Xmx4g"), stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
        assertEquals(1, stderr.lines().count(), stderr);
        try (Stream<Path> s = Files.walk(work)) {
            List<String> left = s.filter(Files::isRegularFile).map(Path::toString).toList();
            assertEquals(List.of(), left, "no file of the failed run is left");
        }
    }
}
