package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.crackdown.calibration.ReplicateRunner;
import org.crackdown.calibration.SimulationJournal;
import org.crackdown.calibration.SlotPool;
import org.crackdown.model.TimelineChange;
import org.crackdown.optimize.Comparison;
import org.crackdown.optimize.Decisions;
import org.crackdown.optimize.OptimizeReader;
import org.crackdown.optimize.OptimizeRun;
import org.crackdown.optimize.OptimizeSpec;
import org.crackdown.optimize.OptimizeWriter;
import org.crackdown.optimize.Optimization;
import org.crackdown.output.CsvNumbers;
import org.crackdown.output.RunFolder;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioFiles;
import org.crackdown.sweep.Shard;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown optimize}: the best use of a fixed number of officers, by CMA-ES over replicated runs. */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Searches, with CMA-ES over replicated runs under common random numbers, for the strategy "
                + "that does best on a measure at equal cost: the split of the same officers between tasks, the rule "
                + "that shares them among provinces, a campaign's timing at the same extra effort, and parameters "
                + "such as buyer prosecution (the optimize file's "
                + "decisions; docs/uncertainty.md). Optionally over the draws of a posterior, by the mean or a "
                + "percentile.",
                "Writes a folder with history.csv (every candidate), comparison.csv (the optimum against the named "
                        + "strategies on fresh seeds, with 95%% CIs), best.yaml (the optimum as a scenario: crackdown "
                        + "run best.yaml), optimize.yaml and run.json. The same file gives the same folder whatever "
                        + "the number of threads; an interrupted search continues with --resume."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:search and comparison completed", "1:a run failed or was interrupted",
                "2:bad input (optimize file, scenario, options, existing folder)",
                "3:with --shard and --no-wait: this shard has done what it can now; the rest needs the other shards"})
public final class OptimizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Optimize file (YAML), e.g. scenarios/optimize/tasks-2011.yaml.")
    Path file;

    @Mixin
    ThreadsOption threads;

    @Mixin
    OutputOptions output;

    @Option(names = "--resume", description = "Continue an interrupted search (Ctrl-C, kill -9) from its journal, "
            + ".<folder>.optimize-journal beside the output folder: candidates already run are not run again, and "
            + "the result is the one an uninterrupted search gives.")
    boolean resume;

    @Option(names = "--generations", paramLabel = "N", description = "Generations of the search (overrides search.generations).")
    Integer generations;

    @Option(names = "--shard", paramLabel = "i/N", converter = ShardConverter.class,
            description = "Run as shard i (0-based) of N processes sharing the output folder's parent (e.g. the tasks "
                    + "of a Slurm job array): each runs every N-th candidate of each generation and of the comparison, "
                    + "records it in its own journal, and takes the others' from theirs; shard 0 writes the folder. "
                    + "The folder is the one a single process writes.")
    Shard shard = Shard.ALL;

    @Mixin
    ShardWaitOptions shardWait;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    QuietOption quietOption;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (generations != null && (generations < 1 || generations > 1000)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--generations must be from 1 to 1000, got " + generations);
        }
        String shardProblem = shardWait.problem(shard);
        if (shardProblem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), shardProblem);
        }
        OptimizeSpec os = OptimizeReader.read(file);
        if (generations != null) {
            os = os.withGenerations(generations);
        }
        ScenarioFiles files = ScenarioFiles.snapshot();
        OptimizeRun run = OptimizeRun.prepare(os, scenarioOptions.sets(), files);
        checkTimeline(os, run);
        int nThreads = threads.threads();
        Path target = output.folder(Path.of("runs", "optimize-" + RunCommand.folderName(os.name())));
        boolean writer = shard.index() == 0;
        Path journalFile = ShardJournals.of(journalFile(target), shard);
        if (!shard.isAll() && ShardJournals.alreadyComplete(target, OptimizeWriter.COMPARISON, journalFile, resume)) {
            stdout.println("shard " + shard + ": nothing to do, " + target + " is complete");
            stdout.flush();
            return Main.OK;
        }
        RunFolder folder = writer ? output.open(target, "optimize") : null;
        List<Path> others = ShardJournals.others(journalFile(target), shard);
        java.util.function.BooleanSupplier cancelled = writer ? folder::cancelled : () -> false;
        SimulationJournal journal;
        try {
            journal = SimulationJournal.open(journalFile, run.fingerprint(), run.columns(), resume);
        } catch (SimulationJournal.Mismatch e) {
            closeQuietly(folder);
            stderr.println("error: cannot resume: " + journalFile + " was written by another search (another optimize "
                    + "file, scenario, --set or code version); run without --resume to start again");
            return Main.BAD_INPUT;
        } catch (IOException e) {
            closeQuietly(folder);
            stderr.println("error: cannot write the journal " + journalFile + ": " + RunCommand.reason(e));
            return Main.FAILED;
        }
        if (journal.size() > 0) {
            stdout.printf("resuming: %d strategies already run are taken from %s%n", journal.size(), journalFile);
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Optimization.Outcome outcome;
        List<Comparison.Row> rows;
        Decisions d = run.decisions();
        final OptimizeSpec fs = os;
        org.crackdown.calibration.ShardWait waiting = shardWait.of(journalFile(target), shard);
        try (folder; journal; var beat = shard.isAll() ? null : new org.crackdown.calibration.ShardWait.Heartbeat(journalFile)) {
            Optimization opt = run.optimization(journal, cancelled, nThreads, shard, waiting);
            stdout.printf("optimizing %s on %s: %s of %s (%s is better), %d decision coordinates, CMA-ES %d generations "
                            + "of %d candidates, %d replicate(s)%s per candidate (seeds from %d), %d thread(s)%n",
                    os.name(), os.scenario(), os.objective().criterion(), os.objective().measure(),
                    os.objective().better(), d.dimension(), os.search().generations(), opt.population(),
                    os.replicates(), os.posterior() == null ? "" : " x " + os.draws() + " posterior draws",
                    os.seedBase(), nThreads);
            stdout.flush();
            outcome = opt.run(d.start(run.decidedParameters()), (g, batch, best) -> {
                if (!quietOption.quiet) {
                    stderr.printf("generation %d: %d candidates, best %s %s (candidate %d), %.0f s%n", g, batch.size(),
                            fs.objective().criterion(), CsvNumbers.format(best.criterion()), best.index(),
                            (System.nanoTime() - t0) / 1e9);
                    stderr.flush();
                }
            });
            if (!quietOption.quiet) {
                stderr.printf("comparison: the optimum and %d named strategies, %d replicate(s)%s each on fresh seeds "
                                + "(from %d)%n", os.compare().strategies().size(), os.compare().replicates(),
                        os.posterior() == null ? "" : " x " + os.draws() + " draws", os.compare().seedBase());
                stderr.flush();
            }
            rows = compare(run, journal, cancelled, waiting, shard, outcome.best(), nThreads);
            if (!writer) {
                // Done: mark it, so shard 0 knows this journal has served once it has the results too.
                if (!shardWait.noWait) {
                    // With --no-wait shard 0 waits for no mark: a late one would only be left behind.
                    ShardJournals.markDone(journalFile);
                }
                stdout.printf("shard %s done: shard 0 writes %s%n", shard, target);
                stdout.flush();
                return Main.OK;
            }
            OptimizeWriter.copyFile(folder.temp(), os);
            OptimizeWriter.writeHistory(folder.temp(), os, d, outcome);
            OptimizeWriter.writeComparison(folder.temp(), os, rows);
            OptimizeWriter.writeBest(folder.temp(), folder.target(), os, run.sets(), run.base(), d, outcome.best());
            OptimizeWriter.writeManifest(folder.temp(), os, run.sets(), run.base().name(), nThreads, opt.population(),
                    outcome, started, Instant.now());
            folder.commit();
            if (shardWait.noWait) {
                ShardJournals.removeNow(others);
            } else {
                // The other shards may still be reading this journal's last results: it goes after theirs.
                ShardJournals.removeOthers(others, cancelled, stderr);
            }
            journal.delete();
        } catch (SlotPool.Pending e) {
            return ShardJournals.pending(stdout, shard, journalFile, e);
        } catch (org.crackdown.calibration.ShardWait.ShardGone e) {
            return ShardJournals.gone(stderr, journalFile, e);
        } catch (CancellationException e) {
            stderr.println("interrupted: no optimize folder written; " + journal.size() + " strategies' runs are kept in "
                    + journalFile + ": run the same command with --resume to continue");
            return Main.FAILED;
        } catch (UncheckedIOException e) {
            stderr.println(cancelled.getAsBoolean() ? "interrupted: no optimize folder written; run the same command with "
                    + "--resume to continue from " + journalFile
                    : "error: cannot write the journal " + journalFile + ": " + RunCommand.reason(e.getCause()));
            return Main.FAILED;
        } catch (IOException e) {
            stderr.println("error: cannot write the optimize folder " + target + ": " + RunCommand.reason(e));
            return Main.FAILED;
        } catch (ReplicateRunner.RunFailed e) {
            stderr.println("error: " + e.getMessage());
            stderr.println("(no optimize folder written; rerun with -Dcrackdown.debug=true for details)");
            return Main.FAILED;
        }
        report(stdout, os, d, outcome, rows, target);
        return Main.OK;
    }

    private static List<Comparison.Row> compare(OptimizeRun run, SimulationJournal journal,
                                                java.util.function.BooleanSupplier cancelled,
                                                org.crackdown.calibration.ShardWait waiting,
                                                Shard shard, Optimization.Candidate best, int nThreads) {
        List<String> names = run.comparisonNames();
        List<Integer> slots = java.util.stream.IntStream.range(0, names.size()).boxed().toList();
        List<Optimization.Runs> runs;
        try (SlotPool pool = new SlotPool(nThreads, "crackdown-optimize")) {
            runs = Optimization.scoreShare(pool, shard, slots,
                    i -> run.comparisonRuns(journal, cancelled, i, best.unit()),
                    (slot, i) -> run.awaitComparisonRuns(journal, cancelled, waiting, slot % shard.count(), i,
                            best.unit()));
        }
        return Comparison.of(names, runs, run.spec().draws());
    }

    private static void closeQuietly(RunFolder folder) {
        if (folder != null) {
            folder.close();
        }
    }

    private static void report(PrintWriter out, OptimizeSpec os, Decisions d, Optimization.Outcome outcome,
                               List<Comparison.Row> rows, Path target) {
        Optimization.Candidate best = outcome.best();
        out.println("optimize folder: " + target);
        out.printf("optimum: candidate %d of %d (generation %d), %s of %s %s over its search runs%n", best.index(),
                outcome.history().size(), best.generation(), os.objective().criterion(), os.objective().measure(),
                CsvNumbers.format(best.criterion()));
        for (int i = 0; i < d.keys().size(); i++) {
            out.printf("  %-36s %s%n", d.keys().get(i), best.values().get(i));
        }
        out.printf("comparison on fresh seeds (%s; optimum minus strategy, 95%% CI):%n", OptimizeWriter.COMPARISON);
        out.printf("  %-22s %-12s %-26s %-14s %s%n", "strategy", "mean", "95% CI", "officer-years",
                "optimum minus strategy");
        boolean max = os.objective().maximise();
        for (Comparison.Row r : rows) {
            String diff = r.versus() == null ? "" : CsvNumbers.format(round(r.versus().difference().mean())) + " ["
                    + CsvNumbers.format(round(r.versus().difference().ci().low())) + ", "
                    + CsvNumbers.format(round(r.versus().difference().ci().high())) + "] " + r.verdict(max);
            out.printf("  %-22s %-12s %-26s %-14s %s%n", r.strategy(), CsvNumbers.format(round(r.sample().mean())),
                    "[" + CsvNumbers.format(round(r.sample().ci().low())) + ", "
                            + CsvNumbers.format(round(r.sample().ci().high())) + "]",
                    CsvNumbers.format(round(r.officerYears())), diff);
        }
        Comparison.Row named = Comparison.bestNamed(rows, max);
        if (named != null) {
            String verdict = named.verdict(max);
            out.println(verdict.equals("optimum better")
                    ? "The optimum beats the best named strategy, " + named.strategy() + ", with a 95% CI of the "
                    + "difference that excludes zero."
                    : "No allocation found beats the best named strategy, " + named.strategy() + ", with a 95% CI that "
                    + "excludes zero (" + verdict + ").");
        }
        out.flush();
    }

    private static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    /** A decided key that the scenario's timeline changes would hold only until that date. */
    private static void checkTimeline(OptimizeSpec os, OptimizeRun run) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        List<String> keys = run.decisions().keys();
        for (String k : keys) {
            for (TimelineChange t : run.base().timeline()) {
                // With decisions: from, a change on or before that day comes first and is replaced.
                if (t.values().containsKey(k) && (os.from() == null || t.date().isAfter(os.from()))) {
                    String message = "the scenario's timeline sets it on " + t.date() + ", which would overwrite the "
                            + "decided value; decide a key the timeline leaves alone"
                            + (os.from() == null ? " (or decide from that day on: decisions: from)" : "");
                    var range = os.ranges().stream().filter(r -> r.key().equals(k)).findFirst();
                    problems.add(range.isPresent() && range.get().at() != null
                            ? range.get().at().problem("decisions: ranges: " + k + ": " + message)
                            : new Problem(os.file().toString(), 0, 0, "decisions: " + k + ": " + message));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    /** The journal lives beside the output folder (which appears only when complete), hidden. */
    static Path journalFile(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".optimize-journal");
    }
}
