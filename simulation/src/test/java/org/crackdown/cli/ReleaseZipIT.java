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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release zip `mvn package` builds for teachers: what it holds, and that it runs with nothing
 * but a Java runtime on the PATH (no Maven, no build), from the folder it was unzipped in, as the
 * README says. Unzipped with the system's unzip, which keeps the launcher executable.
 */
class ReleaseZipIT {

    static Path zip;
    static String top;

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void locate() {
        zip = Path.of(System.getProperty("crackdown.zip", "target/crackdown-missing.zip")).toAbsolutePath();
        assertTrue(Files.isRegularFile(zip), "release zip not built: " + zip);
        String name = zip.getFileName().toString();
        top = name.substring(0, name.length() - ".zip".length());
    }

    @Test
    void holdsTheJarBothLaunchersTheScenariosAndTheDocs() throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String entry : List.of("crackdown.jar", "crackdown", "crackdown.cmd", "README.md", "NOTICE",
                    "scenarios/china-2011.yaml", "scenarios/sweeps/quick.yaml", "scenarios/data/provinces.csv",
                    "docs/gui.md", "docs/ODD.md")) {
                assertTrue(z.getEntry(top + "/" + entry) != null, entry + " in " + zip.getFileName());
            }
            assertTrue(z.stream().noneMatch(e -> e.getName().contains("/target/") || e.getName().endsWith(".java")),
                    "no build output or sources besides the jar");
            String cmd = new String(z.getInputStream(z.getEntry(top + "/crackdown.cmd")).readAllBytes(),
                    StandardCharsets.US_ASCII);
            assertTrue(cmd.startsWith("@echo off\r\n") && !cmd.replace("\r\n", "").contains("\n"),
                    "crackdown.cmd has Windows line ends");
            String sh = new String(z.getInputStream(z.getEntry(top + "/crackdown")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertFalse(sh.contains("\r"), "the bash launcher has Unix line ends");
        }
    }

    /** A PATH holding only bash, the few tools the launcher uses and (if given) a java: no Maven. */
    private Path pathWith(Path java) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "sed", "head")) {
            forward(bin.resolve(tool), which(tool));
        }
        if (java != null) {
            forward(bin.resolve("java"), java);
        }
        return bin;
    }

    /** A script that runs {@code target} (rather than a link, which the temporary folder's cleanup warns of). */
    private static void forward(Path script, Path target) throws IOException {
        Files.writeString(script, "#!/bin/sh\nexec '" + target + "' \"$@\"\n");
        script.toFile().setExecutable(true);
    }

    private static Path which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Assumptions.abort(tool + " not found: this test needs a Unix shell");
        return null;
    }

    private Outcome run(Path bin, Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(dir.resolve("unzipped").resolve(top).resolve("crackdown").toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("JAVA") || k.startsWith("MAVEN") || k.startsWith("CRACKDOWN"));
        env.put("PATH", bin.toString());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("crackdown " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Path unzip() throws Exception {
        Path into = Files.createDirectories(dir.resolve("unzipped"));
        Process p = new ProcessBuilder(which("unzip").toString(), "-q", zip.toString(), "-d", into.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
        assertTrue(Files.isExecutable(into.resolve(top).resolve("crackdown")), "the launcher is executable");
        return into;
    }

    @Test
    void runsWithOnlyJavaFromTheFolderItWasUnzippedIn() throws Exception {
        Path unzipped = unzip();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path bin = pathWith(java);
        // As the README says: unzip, then run a shipped scenario from where the zip was unpacked.
        Outcome o = run(bin, unzipped, "run", "scenarios/china-2011.yaml", "--set", "scale=0.01", "--quiet");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("reading " + unzipped.resolve(top).resolve("scenarios/china-2011.yaml")), o.err());
        assertTrue(Files.isRegularFile(unzipped.resolve("runs/china-2011-1/summary.csv")), "run folder written here");
        assertTrue(Files.notExists(unzipped.resolve(top).resolve("simulation")), "nothing was built");

        Outcome missing = run(bin, unzipped, "run", "scenarios/no-such.yaml");
        assertEquals(2, missing.code(), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
    }

    @Test
    void saysWhatJavaItNeedsWhenThereIsNoneOrAnOldOne() throws Exception {
        unzip();
        Outcome none = run(pathWith(null), dir, "--version");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("Java was not found") && none.err().contains("Java 17"), none.err());

        Path old = dir.resolve("bin/java");
        Files.writeString(old, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        old.toFile().setExecutable(true);
        Outcome tooOld = run(dir.resolve("bin"), dir, "--version");
        assertEquals(2, tooOld.code(), tooOld.err());
        assertTrue(tooOld.err().contains("needs Java 17 or newer, but 'java' is version 11.0.2"), tooOld.err());
    }
}
