package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.crackdown.scenario.ScenarioException;
import org.crackdown.sweep.SlurmJob;
import org.crackdown.sweep.SlurmOptions;
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

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per task, as sbatch --mem (4G, 4096M; "
            + "megabytes without a unit; a 2008-2011 run at scale 1 needs about 400 MB per thread). The Java heap "
            + "(-Xmx) is set to 85%% of it.")
    String mem;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit per task, as sbatch --time (90, "
            + "2:00:00, 1-12:00:00).")
    String time;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (both jobs).")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account charged (both jobs).")
    String account;

    @Option(names = "--qos", paramLabel = "NAME", description = "Slurm quality of service (both jobs).")
    String qos;

    @Option(names = "--constraint", paramLabel = "FEATURES", description = "Node features required, as sbatch "
            + "--constraint (both jobs).")
    String constraint;

    @Option(names = "--max-parallel", paramLabel = "M", description = "At most M array tasks at once (the "
            + "array throttle %%M).")
    Integer maxParallel;

    @Option(names = "--sbatch-arg", paramLabel = "--NAME[=VALUE]", preprocessor = RawValue.class, description = "Another sbatch option for both "
            + "jobs, e.g. --sbatch-arg=--mail-type=END (repeatable).")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--merge-mem", paramLabel = "SIZE", description = "Memory of the merge job, as --mem "
            + "(default: the cluster's).")
    String mergeMem;

    @Option(names = "--merge-time", paramLabel = "LIMIT", description = "Time limit of the merge job, as --time "
            + "(default: the partition's).")
    String mergeTime;

    @Option(names = "--setup", paramLabel = "FILE", description = "Shell lines run in both jobs before Java, e.g. "
            + "'module load java/17'. With --setup and no --java the jobs run the 'java' its PATH gives.")
    Path setup;

    @Option(names = "--java", paramLabel = "PATH", description = "The java command the jobs run (default: this "
            + "JVM's, or 'java' from the PATH after --setup; CRACKDOWN_JAVA overrides it in the job).")
    String javaCommand;

    @Option(names = "--jar", paramLabel = "PATH", description = "The crackdown jar the jobs run (default: the "
            + "jar this command runs from). The jobs run a copy in DIR/slurm named after its commit, so "
            + "rebuilding the jar does not change queued jobs.")
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
        List<String> setupLines = List.of();
        if (setup != null) {
            try {
                setupLines = Files.readAllLines(setup, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                stderr.println("error: --setup " + setup + ": cannot read it (" + e.getMessage() + ")");
                return Main.BAD_INPUT;
            }
        }
        String java = javaCommand != null ? javaCommand
                : setup != null ? "java" : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path sweepFile = file.toAbsolutePath().normalize();
        SlurmJob.Cluster cluster = new SlurmJob.Cluster(mem, time, partition, account, qos, constraint, maxParallel,
                sbatchArgs, mergeMem, mergeTime);
        String unsafe = SlurmOptions.problem(plan.spec().name(), sweepFile, dir, cluster, jarPath, java);
        if (unsafe != null) {
            stderr.println("error: " + unsafe);
            return Main.BAD_INPUT;
        }
        String stamp;
        try {
            stamp = SlurmJob.stampOf(jarPath);
        } catch (IOException e) {
            stderr.println("error: cannot read the jar " + jarPath + ": " + RunCommand.reason(e));
            return Main.BAD_INPUT;
        }
        SlurmJob job = new SlurmJob(plan.spec().name(), sweepFile, dir, tasks, threadsPerTask, cluster, jarPath, stamp,
                java, setupLines);
        try {
            job.write();
        } catch (IOException e) {
            stderr.println("error: cannot write the scripts into " + job.slurmDir() + ": " + RunCommand.reason(e));
            return Main.FAILED;
        }
        stdout.println("jobs run " + job.jarCopy() + " (a copy of " + jarPath + ")");
        stdout.println("wrote " + job.slurmDir().resolve(SlurmJob.SHARDS) + " (" + tasks + " tasks x "
                + threadsPerTask + " thread" + (threadsPerTask == 1 ? "" : "s") + ", " + plan.runCount() + " runs"
                + (maxParallel == null ? "" : ", at most " + maxParallel + " at once") + "), "
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

    /**
     * Takes the next argument as the value whatever it looks like: an sbatch option is an option
     * to picocli too ({@code --sbatch-arg --account=x} would otherwise be refused as a missing value).
     */
    static final class RawValue implements CommandLine.IParameterPreprocessor {
        @Override
        @SuppressWarnings("unchecked")
        public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec commandSpec,
                                  CommandLine.Model.ArgSpec argSpec, java.util.Map<String, Object> info) {
            if (args.isEmpty()) {
                return false;
            }
            List<String> values = argSpec.getValue();
            if (values == null) {
                values = new ArrayList<>();
                argSpec.setValue(values);
            }
            values.add(args.pop());
            return true;
        }
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
