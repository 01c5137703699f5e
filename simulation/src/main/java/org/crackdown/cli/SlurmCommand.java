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

/**
 * {@code crackdown slurm}: batch scripts that run a sweep, an ABC calibration or an optimisation
 * as Slurm array jobs, then merge or write the folder.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"For a sweep file: writes DIR/slurm/shards.sbatch (an array job: task i runs shard i/N of the "
                + "sweep into DIR/shards/i, resuming if re-queued), DIR/slurm/merge.sbatch (merges the shards into DIR) "
                + "and DIR/slurm/submit.sh (submits both, the merge after every task has succeeded).",
                "For a targets file (an ABC calibration, calibrate --method abc) or an optimize file: writes the same "
                        + "scripts into DIR-slurm; submit.sh submits the array once per stage (each generation, the "
                        + "predictive check or the comparison), each stage after the one before, every task running "
                        + "its shard with --no-wait --resume, then a job in which shard 0 writes DIR.",
                "With --submit, runs submit.sh and prints the job ids. The nodes must share the file system that "
                        + "holds the jar, the input file and DIR's parent."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scripts written (and submitted)", "1:submission failed",
                "2:bad input (sweep file, options)"})
public final class SlurmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Sweep, targets (ABC) or optimize file (YAML).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "For a calibration or search: an override every "
            + "job passes on, as calibrate and optimize take it (repeatable; a sweep file has set: instead).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--tasks", paramLabel = "N", required = true, description = "Array tasks, i.e. shards.")
    int tasks;

    @Option(names = "--threads-per-task", paramLabel = "T", description = "CPUs per task, and runs at the same "
            + "time in each (default: ${DEFAULT-VALUE}).")
    int threadsPerTask = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/sweep-<name>, "
            + "runs/calibration-<name>, runs/optimize-<name>).")
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
        Planned plan = plan();
        if (plan.problem() != null) {
            stderr.println("error: " + plan.problem());
            return Main.BAD_INPUT;
        }
        if (tasks > plan.slots()) {
            stderr.println("error: --tasks " + tasks + " is more than the " + plan.slots() + " " + plan.slotName()
                    + " of " + plan.name() + "; use at most " + plan.slots());
            return Main.BAD_INPUT;
        }
        Path jarPath = jar != null ? jar.toAbsolutePath().normalize() : runningJar();
        if (jarPath == null || !Files.isRegularFile(jarPath)) {
            stderr.println("error: cannot find the crackdown jar" + (jarPath == null ? " (not running from a jar)"
                    : ": " + jarPath) + "; build it (mvn package) or give --jar");
            return Main.BAD_INPUT;
        }
        Path dir = (out != null ? out : plan.defaultFolder()).toAbsolutePath().normalize();
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
        String unsafe = SlurmOptions.problem(plan.name(), sweepFile, dir, cluster, jarPath, java);
        for (String o : plan.work().options()) {
            unsafe = unsafe == null && o.chars().anyMatch(c -> c < 0x20 || c == 0x7f) ? "--set " + o
                    + " contains a control character (newline, tab, ...); it would break the batch scripts" : unsafe;
        }
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
        SlurmJob job = new SlurmJob(plan.name(), sweepFile, dir, tasks, threadsPerTask, cluster, jarPath, stamp,
                java, setupLines, plan.work());
        try {
            job.write();
        } catch (IOException e) {
            stderr.println("error: cannot write the scripts into " + job.slurmDir() + ": " + RunCommand.reason(e));
            return Main.FAILED;
        }
        stdout.println("jobs run " + job.jarCopy() + " (a copy of " + jarPath + ")");
        stdout.println("wrote " + job.slurmDir().resolve(SlurmJob.SHARDS) + " (" + tasks + " tasks x "
                + threadsPerTask + " thread" + (threadsPerTask == 1 ? "" : "s") + ", " + plan.slots() + " "
                + plan.slotName() + (plan.work().sweep() ? "" : ", submitted " + plan.work().stages() + " times, one "
                + "stage after another") + (maxParallel == null ? "" : ", at most " + maxParallel + " at once") + "), "
                + job.slurmDir().resolve(SlurmJob.MERGE) + " and " + job.slurmDir().resolve(SlurmJob.SUBMIT));
        if (!submit) {
            stdout.println("submit with: bash " + job.slurmDir().resolve(SlurmJob.SUBMIT));
            stdout.println((plan.work().sweep() ? "merged results will be in " : "the folder will be ")
                    + (plan.work().sweep() ? dir.resolve("runs.csv") : dir));
            stdout.flush();
            return Main.OK;
        }
        return submit(job, stdout, stderr);
    }

    /**
     * What FILE asks for, told from its keys as {@code crackdown validate} does, and checked as the
     * command each job runs would check it (bad input fails here, not on the cluster).
     *
     * @param slots     shards that can have work: runs of a sweep, particles or candidates per generation
     * @param problem   why it cannot be submitted, or null
     */
    private record Planned(String name, SlurmJob.Work work, int slots, String slotName, Path defaultFolder,
                           String problem) {
    }

    private Planned plan() throws ScenarioException {
        ValidateCommand.Kind kind = ValidateCommand.kind(file);
        if (kind != ValidateCommand.Kind.SWEEP && kind != ValidateCommand.Kind.TARGETS
                && kind != ValidateCommand.Kind.OPTIMIZE) {
            return new Planned(null, null, 0, null, null, file + " is a scenario file: crackdown slurm runs a sweep, "
                    + "a targets file (an ABC calibration) or an optimize file");
        }
        List<String> options = new ArrayList<>();
        sets.forEach(s -> options.addAll(List.of("--set", s)));
        if (kind == ValidateCommand.Kind.SWEEP) {
            if (!sets.isEmpty()) {
                return new Planned(null, null, 0, null, null, "--set applies to a calibration or search (a sweep "
                        + "file has set: instead)");
            }
            SweepPlan plan = SweepPlan.load(file);
            return new Planned(plan.spec().name(), SlurmJob.Work.SWEEP, plan.runCount(), "runs",
                    SweepCommand.defaultFolder(plan.spec().name(), org.crackdown.sweep.Shard.ALL), null);
        }
        if (kind == ValidateCommand.Kind.OPTIMIZE) {
            org.crackdown.optimize.OptimizeSpec os = org.crackdown.optimize.OptimizeReader.read(file);
            org.crackdown.optimize.OptimizeRun run = org.crackdown.optimize.OptimizeRun.prepare(os, sets,
                    org.crackdown.scenario.ScenarioFiles.snapshot());
            int population = run.optimization(null, () -> false, 1).population();
            // The starting point, each generation, then the comparison.
            return new Planned(os.name(), new SlurmJob.Work("optimize", options, os.search().generations() + 2),
                    population, "candidates per generation",
                    Path.of("runs", "optimize-" + RunCommand.folderName(os.name())), null);
        }
        org.crackdown.calibration.CalibrationSpec cal = org.crackdown.calibration.TargetsReader.read(file);
        try (org.crackdown.calibration.ReplicateRunner probe = new org.crackdown.calibration.ReplicateRunner(1,
                () -> false)) {
            new org.crackdown.calibration.Evaluator(cal, cal.scenario(), sets, probe, cal.replicates())
                    .scenario(new double[0]);
        }
        options.addAll(0, List.of("--method", "abc"));
        // The prior generation, each later one, then the predictive check.
        int stages = 1 + cal.abc().generations() + (cal.abc().predictiveDraws() > 0 ? 1 : 0);
        return new Planned(cal.name(), new SlurmJob.Work("calibrate", options, stages), cal.abc().particles(),
                "particles", Path.of("runs", "calibration-" + RunCommand.folderName(cal.name())), null);
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
        stdout.println("results will be in " + (job.work().sweep() ? job.dir().resolve("runs.csv") : job.dir())
                + " when the merge job has finished; "
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
