package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.crackdown.calibration.AbcSettings;
import org.crackdown.calibration.Calibration;
import org.crackdown.calibration.CalibrationSpec;
import org.crackdown.calibration.CalibrationWriter;
import org.crackdown.calibration.Evaluation;
import org.crackdown.calibration.Evaluator;
import org.crackdown.calibration.FreeParameter;
import org.crackdown.calibration.ReplicateRunner;
import org.crackdown.calibration.ResultTable;
import org.crackdown.calibration.TargetResult;
import org.crackdown.calibration.TargetsReader;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;
import org.crackdown.output.RunFolder;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown calibrate}: fit free parameters to published figures, or check a scenario against them. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits the free parameters named in a targets file so that the scenario's replicated runs "
                + "reproduce the published figures, and writes a folder with evaluations.csv (every evaluation), "
                + "fit.csv and fit.json (fitted values; each target's mean, SD and whether it is met), fitted.yaml "
                + "(the calibrated scenario: crackdown run fitted.yaml), targets.yaml and run.json (provenance).",
                "With --check, runs the scenario as it is and prints each target's mean ± SD, 95%% CI and whether "
                        + "it is met, without fitting (e.g. --check --set scale=1 --replicates 10).",
                "With --method abc, samples the posterior of the free parameters by ABC-SMC instead, from the "
                        + "priors in the targets file, and writes posterior.csv (one row per particle) and "
                        + "posterior.json (tolerances, acceptance rates, effective sample sizes, priors, summaries).",
                "The folder appears only when the fit has completed; the same targets file gives the same "
                        + "evaluations (and the same posterior) whatever the number of threads."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:fit or check completed", "1:a run failed or was interrupted",
                "2:bad input (targets file, scenario, options, existing folder)",
                "3:with --shard and --no-wait: this shard has done what it can now; the rest needs the other shards"})
public final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGETS", description = "Targets file (YAML), e.g. scenarios/calibration/china-2011.yaml.")
    Path targetsFile;

    @Mixin
    ThreadsOption threads;

    @Mixin
    OutputOptions output;

    @Option(names = "--max-evaluations", paramLabel = "N",
            description = "Evaluations the search may spend (overrides optimizer.max_evaluations).")
    Integer maxEvaluations;

    @Option(names = "--method", paramLabel = "fit|abc", defaultValue = "fit",
            description = "fit: search for the best point (the targets file's optimizer); abc: Bayesian calibration "
                    + "by ABC-SMC, writing posterior.csv and posterior.json (priors and abc: settings in the targets "
                    + "file; docs/calibration.md). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--resume", description = "With --method abc: continue an interrupted calibration (Ctrl-C, kill -9) "
            + "from its journal, .<folder>.abc-journal beside the output folder: simulations already done are not "
            + "run again, and the posterior is the one an uninterrupted run gives.")
    boolean resume;

    @Option(names = "--keep-journal", description = "With --method abc: keep the journal of simulations once the "
            + "calibration is complete (it is removed otherwise), so that running it again with more --generations, "
            + "--resume and --force takes every simulation already done from it and runs only the new generations.")
    boolean keepJournal;

    @Option(names = "--shard", paramLabel = "i/N", converter = ShardConverter.class,
            description = "With --method abc: run as shard i (0-based) of N processes sharing the output folder's "
                    + "parent (e.g. the tasks of a Slurm job array): each simulates every N-th particle of each "
                    + "generation (and predictive draw), records it in its own journal and takes the others' from "
                    + "theirs; shard 0 writes the folder, the same one a single process writes.")
    org.crackdown.sweep.Shard shard = org.crackdown.sweep.Shard.ALL;

    @CommandLine.Mixin
    ShardWaitOptions shardWait;

    @Option(names = "--particles", paramLabel = "N", description = "With --method abc: particles (overrides abc.particles).")
    Integer particles;

    @Option(names = "--generations", paramLabel = "N",
            description = "With --method abc: generations after the prior one (overrides abc.generations).")
    Integer generations;

    @Option(names = "--sampler", paramLabel = "NAME",
            description = "With --method abc: replenishment or pmc (overrides abc.sampler; docs/calibration.md).")
    String sampler;

    @Option(names = "--check", description = "Do not fit: run the scenario with its own values and report each target.")
    boolean check;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "With --check: run this scenario instead of the targets file's (e.g. a fit's fitted.yaml).")
    Path scenarioFile;

    @Option(names = "--replicates", paramLabel = "N", converter = ReplicatesConverter.class,
            description = "Runs per evaluation (overrides replicates).")
    Integer replicates;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    QuietOption quietOption;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String usage = usageProblem();
        if (usage != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), usage);
        }
        CalibrationSpec cal = TargetsReader.read(targetsFile);
        if (maxEvaluations != null) {
            cal = cal.withOptimizer(cal.optimizer().withMaxEvaluations(maxEvaluations));
        }
        int reps = replicates != null ? replicates : cal.replicates();
        int nThreads = threads.threads();
        if (method.equals("abc")) {
            if (particles != null) {
                cal = cal.withAbc(cal.abc().withParticles(particles));
            }
            if (generations != null) {
                cal = cal.withAbc(cal.abc().withGenerations(generations));
            }
            if (sampler != null) {
                cal = cal.withAbc(cal.abc().withSampler(AbcSettings.Sampler.named(sampler)));
            }
            return new AbcCalibration(this, cal.withReplicates(reps), nThreads, stdout, stderr).run();
        }
        return check ? check(cal, reps, nThreads, stdout, stderr) : fit(cal, reps, nThreads, stdout, stderr);
    }

    private String usageProblem() {
        if (!method.equals("fit") && !method.equals("abc")) {
            return "--method must be fit or abc, got '" + method + "'";
        }
        boolean abc = method.equals("abc");
        if (!abc && (particles != null || generations != null || sampler != null || resume || keepJournal)) {
            return "--particles, --generations, --sampler, --resume and --keep-journal apply to --method abc";
        }
        if (sampler != null && AbcSettings.Sampler.named(sampler) == null) {
            return "--sampler must be one of " + AbcSettings.Sampler.spellings() + ", got '" + sampler + "'";
        }
        if (!abc && !shard.isAll()) {
            return "--shard applies to --method abc";
        }
        if (shardWait.problem(shard) != null) {
            return shardWait.problem(shard);
        }
        if (abc && (check || maxEvaluations != null)) {
            return "--check and --max-evaluations apply to --method fit";
        }
        if (particles != null && (particles < 2 || particles > 100_000)) {
            return "--particles must be from 2 to 100000, got " + particles;
        }
        if (generations != null && (generations < 0 || generations > 100)) {
            return "--generations must be from 0 to 100, got " + generations;
        }
        if (replicates != null && (replicates < 1 || replicates > 1000)) {
            return "--replicates must be from 1 to 1000, got " + replicates;
        }
        if (maxEvaluations != null && maxEvaluations < 1) {
            return "--max-evaluations must be at least 1, got " + maxEvaluations;
        }
        if (check && (output.out != null || output.force || maxEvaluations != null)) {
            return "--out, --force and --max-evaluations apply to a fit; --check only prints";
        }
        if (!check && scenarioFile != null) {
            return "--scenario applies to --check; a fit always runs the targets file's scenario";
        }
        return null;
    }

    // ------------------------------------------------------------------ check

    private int check(CalibrationSpec cal, int reps, int nThreads, PrintWriter stdout, PrintWriter stderr)
            throws ScenarioException {
        Path file = scenarioFile != null ? scenarioFile : cal.scenario();
        try (ReplicateRunner runner = new ReplicateRunner(nThreads, () -> false)) {
            Evaluator ev = new Evaluator(cal, file, scenarioOptions.sets(), runner, reps);
            Scenario s = ev.scenario(new double[0]);
            long[] seeds = ev.seeds();
            stdout.printf("check: %s (%s), scale %s, seeds %d..%d, %d replicates%n", file, s.name(),
                    ParamSpec.format(s.parameters().getScale()), seeds[0], seeds[seeds.length - 1], reps);
            stdout.flush();
            if (!quietOption.quiet) {
                int[] done = {0};
                long t0 = System.nanoTime();
                runner.onRunFinished(seed -> {
                    synchronized (done) {
                        done[0]++;
                        stderr.printf("run %d of %d done (seed %d, %.0f s)%n", done[0], reps, seed,
                                (System.nanoTime() - t0) / 1e9);
                        stderr.flush();
                    }
                });
            }
            Evaluation e = ev.evaluate(1, new double[0]);
            ResultTable.print(stdout, e.results());
            long missed = e.results().stream().filter(r -> !r.within()).count();
            long scored = e.results().stream().filter(TargetResult::scored).count();
            long unscored = e.results().size() - scored;
            String what = unscored == 0 ? e.results().size() + " targets" : scored + " scored targets";
            stdout.println((missed == 0 ? "all " + what + " met" : missed + " of " + what + " missed")
                    + (unscored == 0 ? "" : "; " + unscored + " not scored at scale "
                            + ResultTable.format(Evaluator.scaleOf(s)) + " (national_only)")
                    + " (loss " + ResultTable.format(e.loss()) + ")");
            stdout.flush();
            return Main.OK;
        } catch (CancellationException e) {
            stderr.println("interrupted");
            return Main.FAILED;
        } catch (ReplicateRunner.RunFailed e) {
            return runFailed(stderr, e);
        }
    }

    // ------------------------------------------------------------------ fit

    private int fit(CalibrationSpec cal, int reps, int nThreads, PrintWriter stdout, PrintWriter stderr)
            throws ScenarioException {
        if (replicates != null) {
            cal = cal.withReplicates(reps);
        }
        Path target = output.folder(Path.of("runs", "calibration-" + RunCommand.folderName(cal.name())));
        Scenario base;
        RunFolder folder;
        try (ReplicateRunner probe = new ReplicateRunner(1, () -> false)) {
            Evaluator ev = new Evaluator(cal, cal.scenario(), scenarioOptions.sets(), probe, reps);
            base = ev.scenario(new double[0]);
            checkFreeKeys(cal, base);
            // Every corner of the box must be a valid scenario (e.g. police shares adding up to at most 1).
            ev.scenario(corner(cal, false));
            ev.scenario(corner(cal, true));
        }
        folder = output.open(target, "calibration");
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Calibration.Outcome outcome;
        final CalibrationSpec c = cal;
        try (folder; ReplicateRunner runner = new ReplicateRunner(nThreads, folder::cancelled);
             CalibrationWriter.EvaluationsCsv csv = new CalibrationWriter.EvaluationsCsv(folder.temp(), cal)) {
            CalibrationWriter.copyTargets(folder.temp(), cal);
            Evaluator ev = new Evaluator(cal, cal.scenario(), scenarioOptions.sets(), runner, reps);
            stdout.printf("calibrating %s: %d free parameters, %d targets, %s with up to %d evaluations of %d "
                            + "replicates (seeds %d..%d), %d thread(s)%n", cal.scenario(), cal.free().size(),
                    cal.targets().size(), cal.optimizer().method().spelling(), cal.optimizer().maxEvaluations(), reps,
                    ev.seeds()[0], ev.seeds()[reps - 1], nThreads);
            stdout.flush();
            outcome = Calibration.fit(cal, ev, base, (e, best, budget, last) -> {
                try {
                    csv.add(e);
                } catch (IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
                if (!quietOption.quiet) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (last) {
                        stderr.printf("final evaluation, of the best values to %d significant digits: loss %s, %.0f s%n",
                                Calibration.DIGITS, ResultTable.format(e.loss()), s);
                    } else {
                        stderr.printf("evaluation %d of %d: loss %s (best %s at evaluation %d) %.0f s%n", e.index(),
                                budget, ResultTable.format(e.loss()), ResultTable.format(best.loss()), best.index(), s);
                    }
                    stderr.flush();
                }
            });
            CalibrationWriter.writeFit(folder.temp(), c, outcome);
            CalibrationWriter.writeFitted(folder.temp(), folder.target(), c, scenarioOptions.sets(), base.name(), outcome.fitted(),
                    ev.seeds());
            csv.close();
            CalibrationWriter.writeManifest(folder.temp(), c, base.name(), nThreads, scenarioOptions.sets(), outcome, started,
                    Instant.now());
            folder.commit();
        } catch (CancellationException e) {
            stderr.println("interrupted: no calibration folder written");
            return Main.FAILED;
        } catch (IOException | java.io.UncheckedIOException e) {
            stderr.println("error: cannot write the calibration folder " + target + ": "
                    + (e instanceof IOException io ? RunCommand.reason(io) : e.getMessage()));
            return Main.FAILED;
        } catch (ReplicateRunner.RunFailed e) {
            return runFailed(stderr, e);
        }
        Evaluation fit = outcome.fitted();
        stdout.println("calibration folder: " + target);
        stdout.printf("fitted values (evaluation %d, loss %s, %d evaluations in %.0f s):%n", fit.index(),
                ResultTable.format(fit.loss()), outcome.evaluations().size(), (System.nanoTime() - t0) / 1e9);
        double[] v = fit.values();
        for (int i = 0; i < v.length; i++) {
            FreeParameter f = cal.free().get(i);
            stdout.printf("  %-40s %s   [%s, %s]%n", f.key(), ParamSpec.format(v[i]), ParamSpec.format(f.min()),
                    ParamSpec.format(f.max()));
        }
        ResultTable.print(stdout, fit.results());
        return Main.OK;
    }

    /** A free parameter that the scenario's timeline changes would be fitted only until that date. */
    static void checkFreeKeys(CalibrationSpec cal, Scenario base) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        for (FreeParameter f : cal.free()) {
            for (TimelineChange t : base.timeline()) {
                if (t.values().containsKey(f.key())) {
                    problems.add(f.problem("free: " + f.key() + ": the scenario's timeline sets it on " + t.date()
                            + ", which would overwrite the fitted value; fit a parameter the timeline leaves alone"));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    static double[] corner(CalibrationSpec cal, boolean upper) {
        return cal.free().stream().mapToDouble(f -> upper ? f.max() : f.min()).toArray();
    }

    static int runFailed(PrintWriter err, ReplicateRunner.RunFailed e) {
        err.println("error: " + e.getMessage());
        if (Boolean.getBoolean("crackdown.debug")) {
            e.printStackTrace(err);
        } else {
            err.println("(no calibration folder written; rerun with -Dcrackdown.debug=true for details)");
        }
        return Main.FAILED;
    }
}
