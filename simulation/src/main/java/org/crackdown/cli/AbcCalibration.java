package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.crackdown.calibration.AbcSmc;
import org.crackdown.calibration.CalibrationSpec;
import org.crackdown.calibration.CalibrationWriter;
import org.crackdown.calibration.Evaluator;
import org.crackdown.calibration.FreeParameter;
import org.crackdown.calibration.PosteriorWriter;
import org.crackdown.calibration.PredictiveCheck;
import org.crackdown.calibration.Prior;
import org.crackdown.calibration.ReplicateRunner;
import org.crackdown.calibration.ResultTable;
import org.crackdown.calibration.SimulationJournal;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.output.RunFolder;
import org.crackdown.scenario.ScenarioException;

/**
 * {@code crackdown calibrate TARGETS --method abc}: the Bayesian calibration. Checks the targets
 * file and scenario as a point fit does, runs {@link AbcSmc} with the model as its simulator (each
 * proposal's replicates run with seeds from the proposal's own seed, not the fixed seeds of the
 * point fit: ABC needs the model's noise), and writes posterior.csv, posterior.json, targets.yaml
 * and run.json into the calibration folder, which appears only when the sampler has finished.
 */
final class AbcCalibration {

    private final CalibrateCommand command;
    private final CalibrationSpec cal;
    private final int threads;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    AbcCalibration(CalibrateCommand command, CalibrationSpec cal, int threads, PrintWriter stdout,
                   PrintWriter stderr) {
        this.command = command;
        this.cal = cal;
        this.threads = threads;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run() throws ScenarioException {
        List<String> extra = command.scenarioOptions.sets();
        int reps = cal.replicates();
        Scenario base;
        try (ReplicateRunner probe = new ReplicateRunner(1, () -> false)) {
            Evaluator ev = new Evaluator(cal, cal.scenario(), extra, probe, reps);
            base = ev.scenario(new double[0]);
            CalibrateCommand.checkFreeKeys(cal, base);
            ev.scenario(CalibrateCommand.corner(cal, false));
            ev.scenario(CalibrateCommand.corner(cal, true));
        }
        Path target = command.output.folder(Path.of("runs", "calibration-" + RunCommand.folderName(cal.name())));
        org.crackdown.sweep.Shard shard = command.shard;
        boolean writer = shard.index() == 0;
        if (!shard.isAll() && ShardJournals.alreadyComplete(target, "posterior.csv",
                ShardJournals.of(journalFile(target), shard), command.resume)) {
            stdout.println("shard " + shard + ": nothing to do, " + target + " is complete");
            stdout.flush();
            return Main.OK;
        }
        RunFolder folder = writer ? command.output.open(target, "calibration") : null;
        java.util.function.BooleanSupplier cancelled = writer ? folder::cancelled : () -> false;
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        AbcSmc.Outcome outcome;
        List<PredictiveCheck.Row> predictive = List.of();
        Path journalFile = ShardJournals.of(journalFile(target), shard);
        List<Path> others = ShardJournals.others(journalFile(target), shard);
        SimulationJournal journal;
        try {
            journal = SimulationJournal.open(journalFile, fingerprint(base, extra, reps),
                    cal.targets().stream().map(t -> t.column()).distinct().toList(), command.resume);
        } catch (SimulationJournal.Mismatch e) {
            if (folder != null) {
                folder.close();
            }
            stderr.println("error: cannot resume: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            if (folder != null) {
                folder.close();
            }
            stderr.println("error: cannot write the journal " + journalFile + ": " + RunCommand.reason(e));
            return Main.FAILED;
        }
        if (journal.size() > 0) {
            stdout.printf("resuming: %d simulations already done are taken from %s%n", journal.size(), journalFile);
        }
        org.crackdown.calibration.ShardWait waiting = command.shardWait.of(journalFile(target), shard);
        try (folder; journal; ReplicateRunner runner = new ReplicateRunner(1, cancelled);
             var beat = shard.isAll() ? null : new org.crackdown.calibration.ShardWait.Heartbeat(journalFile)) {
            Evaluator ev = new Evaluator(cal, cal.scenario(), extra, runner, reps);
            stdout.printf("ABC-SMC (%s) on %s: %d free parameters, %d targets, %d particles, up to %d generations "
                            + "after the prior one, %d replicate(s) per simulation, seed %d, %d thread(s)%n",
                    cal.abc().sampler().spelling(), cal.scenario(), cal.free().size(), cal.targets().size(),
                    cal.abc().particles(), cal.abc().generations(), reps, cal.abc().seed(), threads);
            for (int k = 0; k < cal.free().size(); k++) {
                Prior p = cal.priors().get(k);
                if (!p.stated()) {
                    stdout.printf("  %s: %s%n", cal.free().get(k).key(), p.source());
                }
            }
            stdout.flush();
            AbcSmc.Simulator sim = (index, values, modelSeed) -> {
                try {
                    Scenario s = ev.scenario(values);
                    long[] seeds = new long[reps];
                    for (int r = 0; r < reps; r++) {
                        seeds[r] = modelSeed + r;
                    }
                    List<Map<String, Double>> summaries = journal.lookup(modelSeed, values);
                    if (summaries == null && !shard.contains(index - 1)) {
                        // Another shard's particle (or predictive draw): its runs come from its journal.
                        summaries = waiting.await(journal, (index - 1) % shard.count(), modelSeed, values, cancelled);
                    } else if (summaries == null) {
                        summaries = ev.simulate(s, seeds);
                        journal.record(modelSeed, values, summaries);
                    }
                    return ev.score(index, values, summaries, s.parameters().getScale());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (ScenarioException e) {
                    // The box's corners loaded above; a value inside it that does not is a bug, not input.
                    throw new IllegalStateException("the scenario did not load at " + java.util.Arrays.toString(values)
                            + ": " + e.getMessage(), e);
                }
            };
            // A shard starts its own particles first (slot i is simulation index i + 1).
            outcome = new AbcSmc(cal.abc(), cal.free(), cal.priors(), sim, threads, shard::contains).run(g -> {
                if (!command.quietOption.quiet) {
                    stderr.printf("generation %d: tolerance %s, %d simulations, acceptance %s, ESS %.0f, %.0f s%n",
                            g.number(), Double.isInfinite(g.tolerance()) ? "none (prior)" : ResultTable.format(g.tolerance()),
                            g.simulations(), ResultTable.format(g.acceptanceRate()), g.ess(),
                            (System.nanoTime() - t0) / 1e9);
                    stderr.flush();
                }
            });
            int draws = cal.abc().predictiveDraws();
            if (draws > 0) {
                if (!command.quietOption.quiet) {
                    stderr.printf("posterior predictive check: %d draws run again with fresh seeds%n", draws);
                    stderr.flush();
                }
                predictive = PredictiveCheck.run(outcome.posterior(), sim, draws, cal.abc().seed(), threads,
                        shard::contains);
                if (writer) {
                    PredictiveCheck.write(folder.temp(), predictive, draws);
                }
            }
            if (!writer) {
                if (!command.shardWait.noWait) {
                    // With --no-wait shard 0 waits for no mark: a late one would only be left behind.
                    ShardJournals.markDone(journalFile);
                }
                stdout.printf("shard %s done: shard 0 writes %s%n", shard, target);
                stdout.flush();
                return Main.OK;
            }
            CalibrationWriter.copyTargets(folder.temp(), cal);
            PosteriorWriter.write(folder.temp(), cal, outcome);
            PosteriorWriter.writeFigures(folder.temp(), cal, outcome);
            PosteriorWriter.writeManifest(folder.temp(), cal, base.name(), threads, extra, outcome, started,
                    Instant.now());
            folder.commit();
            if (command.keepJournal) {
                // Kept on request: the same calibration with more generations reuses every simulation in it.
                stdout.printf("journal kept: %s (%d simulations); the same command with more --generations, --resume "
                        + "and --force runs only the new ones%n", journalFile, journal.size());
            } else {
                if (command.shardWait.noWait) {
                    ShardJournals.removeNow(others);
                } else {
                    // The other shards may still be reading this journal's last results: it goes after theirs.
                    ShardJournals.removeOthers(others, cancelled, stderr);
                }
                journal.delete();
            }
        } catch (org.crackdown.calibration.SlotPool.Pending e) {
            return ShardJournals.pending(stdout, shard, journalFile, e);
        } catch (org.crackdown.calibration.ShardWait.ShardGone e) {
            return ShardJournals.gone(stderr, journalFile, e);
        } catch (CancellationException e) {
            stderr.println("interrupted: no calibration folder written; " + journal.size() + " simulations are kept in "
                    + journalFile + ": run the same command with --resume to continue");
            return Main.FAILED;
        } catch (java.io.UncheckedIOException e) {
            // Interrupting the sampler's threads can close the journal under a write: that is the interruption.
            stderr.println(cancelled.getAsBoolean() ? "interrupted: no calibration folder written; run the same command with "
                    + "--resume to continue from " + journalFile
                    : "error: cannot write the journal " + journalFile + ": " + RunCommand.reason(e.getCause()));
            return Main.FAILED;
        } catch (IOException e) {
            stderr.println("error: cannot write the calibration folder " + target + ": " + RunCommand.reason(e));
            return Main.FAILED;
        } catch (ReplicateRunner.RunFailed e) {
            return CalibrateCommand.runFailed(stderr, e);
        }
        AbcSmc.Generation post = outcome.posterior();
        stdout.println("calibration folder: " + target);
        stdout.printf("posterior: generation %d, tolerance %s, ESS %.0f of %d particles (%s)%n", post.number(),
                Double.isInfinite(post.tolerance()) ? "none" : ResultTable.format(post.tolerance()), post.ess(),
                post.particles().size(), outcome.stopReason());
        stdout.printf("  %-40s %-12s %-12s %s%n", "parameter", "mean", "sd", "90% interval");
        for (int k = 0; k < cal.free().size(); k++) {
            FreeParameter f = cal.free().get(k);
            int index = k;
            double[] x = post.particles().stream().mapToDouble(p -> p.values()[index]).toArray();
            double[] w = post.particles().stream().mapToDouble(AbcSmc.Particle::weight).toArray();
            Map<String, Object> s = PosteriorWriter.weightedSummary(x, w);
            stdout.printf("  %-40s %-12s %-12s [%s, %s]%n", f.key(), fmt(s.get("mean")), fmt(s.get("sd")),
                    fmt(s.get("q05")), fmt(s.get("q95")));
        }
        if (!predictive.isEmpty()) {
            stdout.printf("posterior predictive check (%d draws run again; predictive.csv):%n",
                    cal.abc().predictiveDraws());
            String row = "  %-" + ResultTable.nameWidth(cal.targets()) + "s %-22s %-30s %s%n";
            stdout.printf(row, "target", "wanted", "predicted 95% interval", "covered");
            for (PredictiveCheck.Row r : predictive) {
                stdout.printf(row, r.target().column(), r.target().describe(),
                        "[" + ResultTable.format(r.low()) + ", " + ResultTable.format(r.high()) + "]",
                        r.verdict());
            }
        }
        stdout.flush();
        return Main.OK;
    }

    /** The journal lives beside the output folder (which appears only when complete), hidden. */
    static Path journalFile(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".abc-journal");
    }

    /**
     * What a simulation's result depends on besides its values and seed: the targets file, the
     * resolved scenario, the overrides, the replicates and the code. Settings that only steer the
     * sampler (particles, generations, quantile, seed) are left out: a journal keyed by values and
     * seed serves any of them.
     */
    private String fingerprint(Scenario base, List<String> extra, int reps) throws IOException {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            d.update(java.nio.file.Files.readAllBytes(cal.file()));
            d.update(("\n" + org.crackdown.scenario.ScenarioWriter.toYaml(base) + "\n" + extra + "\n" + reps + "\n"
                    + org.crackdown.format.CodeVersion.version() + " " + org.crackdown.format.CodeVersion.commit()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String fmt(Object v) {
        return ParamSpec.format(new java.math.BigDecimal((Double) v).round(new java.math.MathContext(4)).doubleValue());
    }
}
