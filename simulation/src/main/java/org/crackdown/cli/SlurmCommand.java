package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.crackdown.scenario.ScenarioException;
import org.crackdown.sweep.SlurmJob;
import org.crackdown.sweep.SweepPlan;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown slurm}: batch scripts that run a sweep as a Slurm array job, then merge it. */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes DIR/slurm/shards.sbatch (an array job: task i runs shard i/N of the sweep into "
                + "DIR/shards/i, resuming if re-queued), DIR/slurm/merge.sbatch (merges the shards into DIR) and "
                + "DIR/slurm/submit.sh (submits both, the merge after every task has succeeded).",
                "With --submit, runs submit.sh and prints the job ids. The nodes must share the file system that "
                        + "holds the jar, the sweep file and DIR."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scripts written (and submitted)", "1:submission failed",
                "2:bad input (sweep file, options)"})
public final class SlurmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Sweep file (YAML).")
    Path file;

    @Option(names = "--tasks", paramLabel = "N", required = true, description = "Array tasks, i.e. shards.")
    int tasks;

    @Option(names = "--threads-per-task", paramLabel = "T", description = "CPUs per task, and runs at the same "
            + "time in each (default: ${DEFAULT-VALUE}).")
    int threadsPerTask = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder (default: runs/sweep-<name>).")
    Path out;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per task, as sbatch --mem (e.g. 4G; "
            + "a 2008-2011 run at scale 1 needs about 400 MB per thread).")
    String mem;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit per task, as sbatch --time.")
    String time;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition.")
    String partition;

    @Option(names = "--jar", paramLabel = "PATH", description = "The crackdown jar the jobs run (default: the "
            + "jar this command runs from).")
    Path jar;

    @Option(names = "--submit", description = "Submit the jobs (runs DIR/slurm/submit.sh) and print their ids.")
    boolean submit;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (tasks < 1 || threadsPerTask < 1) {
            stderr.println("error: --tasks and --threads-per-task must be at least 1");
            return Main.BAD_INPUT;
        }
        SweepPlan plan = SweepPlan.load(file);
        if (tasks > plan.runCount()) {
            stderr.println("error: --tasks " + tasks + " is more than the " + plan.runCount() + " runs of sweep "
                    + plan.spec().name() + "; use at most " + plan.runCount());
            return Main.BAD_INPUT;
        }
        Path jarPath = jar != null ? jar.toAbsolutePath().normalize() : runningJar();
        if (jarPath == null || !Files.isRegularFile(jarPath)) {
            stderr.println("error: cannot find the crackdown jar" + (jarPath == null ? " (not running from a jar)"
                    : ": " + jarPath) + "; build it (mvn package) or give --jar");
            return Main.BAD_INPUT;
        }
        Path dir = (out != null ? out : SweepCommand.defaultFolder(plan.spec().name(),
                org.crackdown.sweep.Shard.ALL)).toAbsolutePath().normalize();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path sweepFile = file.toAbsolutePath().normalize();
        String unsafe = SlurmJob.problem(plan.spec().name(), sweepFile, dir, mem, time, partition, jarPath, java);
        if (unsafe != null) {
            stderr.println("error: " + unsafe);
            return Main.BAD_INPUT;
        }
        SlurmJob job = new SlurmJob(plan.spec().name(), sweepFile, dir, tasks, threadsPerTask, mem, time, partition,
                jarPath, java);
        try {
            job.write();
        } catch (IOException e) {
            stderr.println("error: cannot write the scripts into " + job.slurmDir() + ": " + RunCommand.reason(e));
            return Main.FAILED;
        }
        stdout.println("wrote " + job.slurmDir().resolve(SlurmJob.SHARDS) + " (" + tasks + " tasks x "
                + threadsPerTask + " thread" + (threadsPerTask == 1 ? "" : "s") + ", " + plan.runCount() + " runs), "
                + job.slurmDir().resolve(SlurmJob.MERGE) + " and " + job.slurmDir().resolve(SlurmJob.SUBMIT));
        if (!submit) {
            stdout.println("submit with: bash " + job.slurmDir().resolve(SlurmJob.SUBMIT));
            stdout.println("merged results will be in " + dir.resolve("runs.csv"));
            stdout.flush();
            return Main.OK;
        }
        return submit(job, stdout, stderr);
    }

    private int submit(SlurmJob job, PrintWriter stdout, PrintWriter stderr) {
        Process p;
        try {
            p = new ProcessBuilder("bash", job.slurmDir().resolve(SlurmJob.SUBMIT).toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            stderr.println("error: cannot run bash: " + e.getMessage());
            return Main.FAILED;
        }
        String output;
        int code;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            code = p.waitFor();
        } catch (IOException e) {
            stderr.println("error: submitting failed: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            stderr.println("error: interrupted while submitting");
            return Main.FAILED;
        }
        if (code != 0) {
            stderr.println("error: submitting failed (" + job.slurmDir().resolve(SlurmJob.SUBMIT) + " exited with "
                    + code + "):");
            stderr.println(output.isEmpty() ? "(no output)" : output);
            if (output.contains("sbatch: command not found") || output.contains("sbatch: not found")) {
                stderr.println("(no Slurm here; to try locally, as root: bash scripts/slurm-local.sh)");
            }
            return Main.FAILED;
        }
        stdout.println(output);
        stdout.println("results will be in " + job.dir().resolve("runs.csv") + " when the merge job has finished; "
                + "logs in " + job.slurmDir().resolve("logs"));
        stdout.flush();
        return Main.OK;
    }

    /** The jar holding this class, when running from a jar (not from a classes folder). */
    static Path runningJar() {
        try {
            var src = Main.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
