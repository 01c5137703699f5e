package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioFiles;
import org.crackdown.sweep.RunExecutor;
import org.crackdown.sweep.Shard;
import org.crackdown.sweep.SweepFolder;
import org.crackdown.sweep.SweepPlan;
import org.crackdown.output.ProgressLine;
import org.crackdown.sweep.SweepFileReader;
import org.crackdown.sweep.SweepRun;
import org.crackdown.sweep.SweepRunner;
import org.crackdown.sweep.SweepSpec;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown sweep}: many runs of a scenario, in one JVM, resumable, in canonical order. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a parameter sweep: every design point x strategy x replicate of a sweep file "
                + "(docs/sweeps.md), on all cores, into one folder: runs.csv (one row per run), timeseries.csv "
                + "(with keep_timeseries), sweep.json, sweep.yaml and datapackage.json.",
                "runs.csv is the same, byte for byte, whatever the number of threads, and whether the sweep ran "
                        + "in one go, was interrupted and resumed, or ran as shards that were merged.",
                "A run that fails is recorded (status failed, with its error) and the sweep goes on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every run was attempted (failed runs are listed in runs.csv and on stderr)",
                "1:the sweep stopped (a file could not be written, out of memory); finished runs are kept "
                        + "for --resume",
                "130/143:interrupted by Ctrl-C (SIGINT) or SIGTERM; finished runs are kept for --resume",
                "2:bad input (sweep file, options, existing folder)"})
public final class SweepCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the journal and sweep.json to be left in order. */
    private static final long SHUTDOWN_WAIT_SECONDS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Sweep file (YAML).")
    Path file;

    @Mixin
    ThreadsOption threads;

    @Mixin
    OutputOptions output;

    @Option(names = "--resume", description = "Continue the sweep in the output folder, skipping finished runs; "
            + "starts it if the folder does not exist yet (so a re-queued cluster job just works).")
    boolean resume;

    @Option(names = "--shard", paramLabel = "i/N", converter = ShardConverter.class,
            description = "Run only the runs whose canonical index %% N == i (0-based i); combine the shards with "
                    + "crackdown merge.")
    Shard shard = Shard.ALL;

    @Option(names = "--dry-run", description = "Check the sweep file and print the plan (runs, strategies, settings, "
            + "seeds) without running or writing anything.")
    boolean dryRun;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        boolean force = output.force;
        if (resume && force) {
            throw new Main.BadInput("--resume and --force contradict each other: continue the sweep, or start again");
        }
        if (dryRun && (resume || force)) {
            throw new Main.BadInput("--dry-run writes nothing; --resume and --force apply to a sweep that runs");
        }
        Shard slice = shard;
        SweepSpec sweep = SweepFileReader.read(file);
        Path dir = output.folder(defaultFolder(sweep.name(), slice));
        // Resuming: the scenario files as they were when the sweep started, whatever they are now.
        Map<Path, byte[]> stored = resume ? SweepFolder.storedScenarios(dir) : Map.of();
        SweepPlan plan = SweepPlan.load(sweep, stored.isEmpty() ? ScenarioFiles.snapshot() : ScenarioFiles.of(stored));
        if (!stored.isEmpty()) {
            for (Path changed : plan.changedOnDisk()) {
                stderr.println("note: " + changed + " has changed since the sweep started; resuming with the "
                        + "version stored in " + dir + " (start again with --force to use the new one)");
            }
        }
        if (dryRun) {
            SweepDryRun.print(stdout, plan, slice, threads.threads(), dir);
            return Main.OK;
        }
        SweepRunner runner = new SweepRunner(plan, dir, slice, threads.threads(), RunExecutor.MODEL);
        describe(stdout, plan, slice, runner.total(), dir);

        ProgressLine progress = quiet.progressLine(stderr);
        SweepRunner.Listener listener = progress == null ? SweepRunner.Listener.NONE : new SweepRunner.Listener() {
            @Override
            public void started(int total, int doneBefore) {
                progress.started(total, doneBefore);
            }

            @Override
            public void finished(SweepRun run, boolean ok, int done, int failed) {
                progress.runs(done, failed);
            }
        };
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch settled = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                settled.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "crackdown-sweep-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        // Everything up to the last message happens before the hook is released: on Ctrl-C the
        // JVM exits as soon as the hook returns.
        try {
            SweepFolder.Mode mode = resume ? SweepFolder.Mode.RESUME : force ? SweepFolder.Mode.FORCE
                    : SweepFolder.Mode.NEW;
            SweepRunner.Outcome outcome = runner.run(mode, listener, cancel);
            endProgress(progress);
            return report(stdout, stderr, outcome, slice, dir);
        } catch (SweepFolder.RefusedException e) {
            stderr.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            endProgress(progress);
            stderr.println("error: the sweep stopped: cannot write " + dir + ": " + RunCommand.reason(e));
            stderr.println("(finished runs are kept and sweep.json says why; once fixed, continue with: "
                    + resumeCommand(slice, dir) + ")");
            return Main.FAILED;
        } catch (OutOfMemoryError e) {
            endProgress(progress);
            stderr.println("error: the sweep stopped: out of memory with " + threads.threads() + " runs at a time; "
                    + "use fewer --threads, a smaller scale, or more heap (CRACKDOWN_JAVA_OPTS=-Xmx...)");
            stderr.println("(finished runs are kept; continue with: " + resumeCommand(slice, dir) + ")");
            return Main.FAILED;
        } finally {
            stdout.flush();
            stderr.flush();
            settled.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has been released above
            }
        }
    }

    private int report(PrintWriter stdout, PrintWriter stderr, SweepRunner.Outcome o, Shard slice, Path dir) {
        if (o.interrupted()) {
            stderr.println("interrupted: " + o.done() + " of " + o.total() + " runs done and kept; continue with: "
                    + resumeCommand(slice, dir));
            return Main.FAILED;
        }
        if (o.alreadyComplete()) {
            stdout.println("the sweep in " + dir + " is already complete: nothing to do");
        }
        stdout.println("runs: " + dir.resolve("runs.csv") + " (" + o.total() + " runs, " + o.completed()
                + " completed, " + o.failed() + " failed)");
        if (o.failed() > 0) {
            stderr.println("warning: " + o.failed() + " of " + o.total() + " runs failed; the error column of "
                    + "runs.csv says why");
        }
        stdout.flush();
        return Main.OK;
    }

    private void describe(PrintWriter out, SweepPlan plan, Shard slice, int inFolder, Path dir) {
        SweepSpec s = plan.spec();
        out.println("sweep " + s.name() + ": " + plan.points().size() + " design point"
                + (plan.points().size() == 1 ? "" : "s") + " (" + s.design().spelling() + ") x "
                + s.strategies().size() + " strateg" + (s.strategies().size() == 1 ? "y" : "ies") + " x "
                + s.replicates() + " replicate" + (s.replicates() == 1 ? "" : "s") + " = " + plan.runCount() + " runs"
                + (slice.isAll() ? "" : "; shard " + slice + ": " + inFolder + " runs") + ", " + threads.threads()
                + " thread" + (threads.threads() == 1 ? "" : "s") + ", into " + dir);
        if (plan.forkAt() != null) {
            out.println("strategies fork on " + plan.forkAt() + ": each replicate simulates the days before once "
                    + "(fork_at; see docs/sweeps.md)");
        } else if (plan.noForkReason() != null) {
            out.println("note: every run simulates its whole period: " + plan.noForkReason());
        }
        out.flush();
    }

    private String resumeCommand(Shard slice, Path dir) {
        return "crackdown sweep " + file + (slice.isAll() ? "" : " --shard " + slice) + " --out " + dir + " --resume";
    }

    private static void endProgress(ProgressLine p) {
        if (p != null) {
            p.finish();
        }
    }

    static Path defaultFolder(String name, Shard slice) {
        Path base = Path.of("runs", "sweep-" + RunCommand.folderName(name));
        return slice.isAll() ? base : base.resolve("shards").resolve(Integer.toString(slice.index()));
    }
}
