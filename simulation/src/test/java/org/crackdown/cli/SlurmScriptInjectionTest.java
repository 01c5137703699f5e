package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.crackdown.cli.SweepCommandTest.Outcome;
import org.crackdown.sweep.SweepFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch scripts of {@code crackdown slurm} are run by a shell on the cluster, so no value the
 * user gives may run as a command there. Each test writes the scripts with a hostile value and
 * then runs them with bash, java and sbatch replaced by stubs that record their arguments, and
 * checks that nothing was run but the stubs, with the values passed through literally.
 */
class SlurmScriptInjectionTest {

    @TempDir
    Path dir;
    Path work;
    Path bin;
    Path jar;
    Path sweepFile;

    @BeforeEach
    void stubs() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        bin = Files.createDirectories(dir.resolve("bin"));
        // The stubs write their arguments, NUL-separated, to $ARGS_FILE.
        executable(bin.resolve("java"), "#!/bin/bash\nprintf '%s\\0' \"$@\" > \"$ARGS_FILE\"\n");
        executable(bin.resolve("sbatch"), "#!/bin/bash\nprintf '%s\\0' \"$@\" >> \"$ARGS_FILE\"\necho 42\n");
        jar = Files.writeString(dir.resolve("crackdown.jar"), "not really a jar");
        sweepFile = SweepFiles.small(dir, "cli");
    }

    @Test
    void aNewlineInAnyValueIsRefusedAndNothingIsWritten() throws Exception {
        List<List<String>> hostile = List.of(
                List.of("--partition", "debug\ntouch pwned"),
                List.of("--mem", "2G\ntouch pwned"),
                List.of("--time", "1:00:00\ntouch pwned"),
                List.of("--partition", "debug\rtouch pwned"),
                List.of("--out", dir.resolve("out\ntouch pwned\n").toString()));
        for (List<String> option : hostile) {
            Path out = option.get(0).equals("--out") ? Path.of(option.get(1)) : dir.resolve("out");
            List<String> args = new ArrayList<>(List.of("slurm", sweepFile.toString(), "--tasks", "2", "--jar",
                    jar.toString()));
            args.addAll(option);
            if (!option.get(0).equals("--out")) {
                args.addAll(List.of("--out", out.toString()));
            }
            Outcome o = SweepCommandTest.crackdown(args.toArray());
            // Whatever was written is run as the cluster would, before the verdict, so that a
            // regression shows as the command it lets through.
            if (Files.isDirectory(out.resolve("slurm"))) {
                runAll(out, Map.of());
            }
            assertNothingRan();
            assertEquals(Main.BAD_INPUT, o.code(), option + ": " + o.err() + o.out());
            assertTrue(o.err().contains("error: " + option.get(0)), o.err());
            assertTrue(o.err().contains("contains a control character"), o.err());
            assertFalse(Files.exists(out), option + ": nothing is written for a refused value");
        }
    }

    @Test
    void optionValuesThatSbatchWouldSplitAreRefused() {
        for (String[] option : new String[][] {{"--partition", "debug --uid=0"}, {"--partition", "$(touch pwned)"},
                {"--mem", "2G#"}, {"--time", "`touch pwned`"}}) {
            Path out = dir.resolve("out");
            Outcome o = SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 2, "--jar", jar, "--out", out,
                    option[0], option[1]);
            assertEquals(Main.BAD_INPUT, o.code(), Arrays.toString(option) + o.err());
            assertTrue(o.err().startsWith("error: " + option[0] + ": expected "), o.err());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void shellCharactersInPathsArePassedLiterallyAndRunNothing() throws Exception {
        // Legal file names, every one of them active in a shell or an #SBATCH line if unquoted.
        Path nasty = Files.createDirectories(dir.resolve("a $(touch pwned) `touch pwned` 'q\" #x; touch pwned"));
        Path file = Files.copy(sweepFile, nasty.resolve("sweep $(touch pwned).yaml"));
        Path jarThere = Files.copy(jar, nasty.resolve("it's.jar"));
        Path out = nasty.resolve("out ${HOME} #1");
        Outcome o = SweepCommandTest.crackdown("slurm", file, "--tasks", 2, "--threads-per-task", 2, "--jar", jarThere,
                "--out", out, "--partition", "debug,gpu", "--mem", "2G", "--time", "1-12:00:00");
        assertEquals(Main.OK, o.code(), o.err());

        Path args = dir.resolve("args");
        runScript(out.resolve("slurm/shards.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", "1", "ARGS_FILE", args.toString()));
        // The shard script chooses the parallel collector for its threads (docs/performance.md), a
        // heap of 85% of --mem (2G = 2048 MiB), and runs the jar's copy in the (nasty) slurm folder.
        String copy = jarCopy(out).toString();
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx1740m", "-jar", copy, "sweep", file.toString(), "--shard", "1/2",
                "--threads", "2", "--out", out + "/shards/1", "--resume"), read(args));

        runScript(out.resolve("slurm/merge.sbatch"), Map.of("ARGS_FILE", args.toString()));
        assertEquals(List.of("-jar", copy, "merge", out.toString(), out + "/shards/0",
                out + "/shards/1"), read(args));

        Files.deleteIfExists(args);
        String printed = runScript(out.resolve("slurm/submit.sh"), Map.of("ARGS_FILE", args.toString()));
        assertTrue(printed.contains("shards job: 42") && printed.contains("merge job: 42"), printed);
        assertEquals(List.of("--parsable", out.resolve("slurm/shards.sbatch").toString(), "--parsable",
                "--dependency=afterok:42", out.resolve("slurm/merge.sbatch").toString()), read(args));
        assertNothingRan();

        // sbatch reads the #SBATCH lines itself: each value is one double-quoted word with '"',
        // '\' and '#' escaped, as sbatch's directive parser takes them.
        String shards = Files.readString(out.resolve("slurm/shards.sbatch"));
        String logs = out.resolve("slurm/logs").toString().replace("\"", "\\\"").replace("#", "\\#");
        assertTrue(shards.contains("#SBATCH --output=\"" + logs + "/shard-%a.log\"\n"), shards);
        assertTrue(shards.contains("#SBATCH --partition=debug,gpu\n"), shards);
        assertTrue(shards.contains("#SBATCH --time=1-12:00:00\n"), shards);
    }

    @Test
    void theJavaVariableOverridesTheQuotedDefault() throws Exception {
        Path out = dir.resolve("plain");
        assertEquals(Main.OK, SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 2, "--jar", jar, "--out", out)
                .code());
        String shards = Files.readString(out.resolve("slurm/shards.sbatch"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertTrue(shards.contains("JAVA='" + java + "'\n"), shards);
    }

    // ------------------------------------------------------------------ running the scripts

    private void runAll(Path out, Map<String, String> env) throws Exception {
        Path args = dir.resolve("args-any");
        for (String s : List.of("shards.sbatch", "merge.sbatch", "submit.sh")) {
            Map<String, String> e = new java.util.HashMap<>(env);
            e.put("SLURM_ARRAY_TASK_ID", "0");
            e.put("ARGS_FILE", args.toString());
            runScriptAnyExit(out.resolve("slurm").resolve(s), e);
        }
    }

    private String runScript(Path script, Map<String, String> env) throws Exception {
        ProcessResult r = runScriptAnyExit(script, env);
        assertEquals(0, r.code, script + ":\n" + r.output);
        return r.output;
    }

    private record ProcessResult(int code, String output) {
    }

    /** bash SCRIPT in {@link #work}, with the stubs first on PATH and java replaced by the stub. */
    private ProcessResult runScriptAnyExit(Path script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("CRACKDOWN_JAVA", bin.resolve("java").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(p.waitFor(), output);
    }

    private void assertNothingRan() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> pwned = all.filter(p -> p.getFileName().toString().equals("pwned")).toList();
            assertEquals(List.of(), pwned, "a command from a value ran");
        }
    }

    /** The jar copy the scripts run: the only crackdown-*.jar in DIR/slurm. */
    static Path jarCopy(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("slurm"))) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().matches("crackdown-.*\\.jar")).toList();
            assertEquals(1, jars.size(), jars.toString());
            return jars.get(0);
        }
    }

    private static List<String> read(Path args) throws IOException {
        String s = Files.readString(args, StandardCharsets.UTF_8);
        return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
