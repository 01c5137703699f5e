package org.crackdown.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.space.ProvinceNetwork;

/**
 * Runs the runs of a sweep (or of one shard) on a number of threads, each run with its own
 * model and seed. A finished run goes to the journal at once, so an interrupted sweep loses at
 * most the runs in progress; runs.csv and timeseries.csv are assembled from the journal in
 * canonical order once every run is done. Memory does not grow with the number of runs beyond a
 * few bytes per run (where its row lies in the journal).
 *
 * <p>A run that throws is recorded as failed, with the message, and the sweep goes on. A
 * failure of the machinery (a file that cannot be written, the JVM out of memory) stops the
 * sweep instead: it is not the run's fault, and the run is redone on resume.
 *
 * <p>Over 400 lines on purpose: one session's steps (the resume check, journal replay, the
 * worker threads, recording a failure) share the journal's offsets and the folder being
 * written, and apart they would pass a dozen fields between them. What stands alone is
 * elsewhere: {@link SweepAssembly} (journal to runs.csv) and {@link TimeseriesPart}.
 */
public final class SweepRunner {

    /** What a call of {@link #run} achieved. */
    public record Outcome(int total, int completed, int failed, int ranNow, boolean interrupted,
                          boolean alreadyComplete) {
        public int done() {
            return completed + failed;
        }
    }

    /** Told after each finished run, from the worker thread that ran it. */
    public interface Listener {
        Listener NONE = (run, ok, done, failed) -> { };

        /** Before the first run: how many runs the folder holds, and how many were done before. */
        default void started(int total, int doneBefore) {
        }

        void finished(SweepRun run, boolean ok, int done, int failed);
    }

    private final SweepPlan plan;
    /** The folder the user named. */
    private final SweepFolder target;
    /** The folder this session writes: the target, or the replacement being built for it (--force). */
    private SweepFolder folder;
    private final Shard shard;
    private final int threads;
    private final RunExecutor executor;
    private final RunsTable table;
    private final List<String> provinceCodes;

    public SweepRunner(SweepPlan plan, Path dir, Shard shard, int threads, RunExecutor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.plan = plan;
        this.target = new SweepFolder(dir);
        this.folder = target;
        this.shard = shard;
        this.threads = threads;
        this.executor = executor;
        this.table = new RunsTable(plan);
        this.provinceCodes = plan.spec().keepTimeseries() ? ProvinceNetwork.china().codes() : List.of();
    }

    public SweepFolder folder() {
        return target;
    }

    /** Runs in this folder (the shard's share of the sweep). */
    public int total() {
        return shard.size(plan.runCount());
    }

    /**
     * @param cancel set to true (e.g. by Ctrl-C) to stop: runs in progress are abandoned, the
     *               finished ones stay in the journal
     * @throws SweepFolder.RefusedException if the folder cannot be used in this mode
     * @throws IOException                  if writing failed; the journal keeps what was done, and
     *                                      sweep.json says the sweep failed, and why
     */
    public Outcome run(SweepFolder.Mode mode, Listener listener, AtomicBoolean cancel)
            throws SweepFolder.RefusedException, IOException {
        Instant started = Instant.now();
        if (mode == SweepFolder.Mode.RESUME) {
            Outcome done = completedEarlier();
            if (done != null) {
                return done; // reads only: works on read-only media, and without the journal
            }
        }
        folder = SweepFolder.prepare(target.dir(), mode);
        boolean replacing = !folder.dir().equals(target.dir());
        Outcome outcome;
        try {
            outcome = runIn(started, listener, cancel);
        } catch (IOException | RuntimeException | Error e) {
            recordFailure(e);
            throw e;
        }
        if (replacing && !outcome.interrupted()) {
            SweepFolder.replaceWith(folder.dir(), target.dir());
        }
        return outcome;
    }

    /**
     * The outcome of an earlier session that completed this very sweep in the target folder
     * (same fingerprint and shard, runs.csv present, no replacement under way), or null.
     */
    private Outcome completedEarlier() {
        if (new SweepFolder(SweepFolder.replacement(target.dir())).resumable()
                || Files.exists(target.timeseriesParts())) {
            return null;
        }
        SweepManifest.Recorded r = SweepManifest.recorded(target.sweepJson());
        if (r == null || !"completed".equals(r.status()) || !plan.fingerprint().equals(r.fingerprint())
                || r.runsInFolder() != total() || !shard.toString().equals(r.shard())
                || !Files.isRegularFile(target.runsCsv())
                || (plan.spec().keepTimeseries() && !Files.isRegularFile(target.timeseriesCsv()))) {
            return null;
        }
        return new Outcome(total(), r.completed(), r.failed(), 0, false, true);
    }

    /** Best effort, after a failure: no half-written files left, and sweep.json says what happened. */
    private void recordFailure(Throwable e) {
        for (Path tmp : folder.temporaries()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more can be done
            }
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder.timeseriesParts(), "*.part")) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // the next session deletes them
        }
        if (!Files.isRegularFile(folder.sweepJson())) {
            return;
        }
        try {
            List<SweepManifest.Session> sessions = SweepManifest.previousSessions(folder.sweepJson());
            if (sessions.isEmpty()) {
                return;
            }
            SweepManifest.write(folder.sweepJson(), SweepManifest.describe(plan, shard, "failed",
                    sessions.get(0).started(), sessions, null, failureReason(e)));
        } catch (IOException | RuntimeException ignored) {
            for (Path tmp : folder.temporaries()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException alsoIgnored) {
                    // nothing more can be done
                }
            }
        }
    }

    /** Why the machinery failed, in words (a full disk says "No space left on device"). */
    public static String failureReason(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private Outcome runIn(Instant started, Listener listener, AtomicBoolean cancel)
            throws SweepFolder.RefusedException, IOException {
        folder.storeScenarios(plan.scenarioFiles());
        int total = total();
        long[] offsets = new long[total];
        int[] lengths = new int[total];
        Arrays.fill(offsets, -1);
        BitSet failed = new BitSet(total);
        Journal journal;
        try {
            journal = Journal.open(folder.journal(), Journal.header(plan.fingerprint(), shard, plan.runCount()),
                    (index, offset, length, row) -> {
                        if (index < plan.runCount() && shard.contains(index) && offsets[shard.local(index)] < 0) {
                            int k = shard.local(index);
                            offsets[k] = offset;
                            lengths[k] = length;
                            failed.set(k, SweepAssembly.isFailed(row));
                        }
                    });
        } catch (Journal.BusyException e) {
            throw new SweepFolder.RefusedException(e.getMessage());
        } catch (Journal.MismatchException e) {
            throw new SweepFolder.RefusedException("cannot resume in " + target.dir() + ": " + e.getMessage()
                    + "; use --force to start again (the old files stay until the new sweep is complete), "
                    + "or --out for another folder");
        }
        try (journal) {
            int doneBefore = (int) Arrays.stream(offsets).filter(o -> o >= 0).count();
            SweepAssembly assembly = new SweepAssembly(plan, folder, shard, table);
            if (doneBefore == total && assembly.outputsPresent()) {
                SweepFolder.deleteTree(folder.timeseriesParts()); // left if the last session stopped just before
                return new Outcome(total, total - failed.cardinality(), failed.cardinality(), 0, false, true);
            }
            if (plan.spec().keepTimeseries()) {
                doneBefore -= assembly.forgetRunsWithoutTimeseries(offsets, failed);
            }
            List<SweepManifest.Session> sessions = SweepManifest.previousSessions(folder.sweepJson());
            Instant firstStarted = sessions.isEmpty() ? started : sessions.get(0).started();
            sessions.add(new SweepManifest.Session(threads, started, null));
            assembly.writeDescription();
            SweepManifest.write(folder.sweepJson(), SweepManifest.describe(plan, shard, "running", firstStarted,
                    sessions, null, null));

            listener.started(total, doneBefore);
            int[] pending = new int[total - doneBefore];
            for (int k = 0, p = 0; k < total; k++) {
                if (offsets[k] < 0) {
                    pending[p++] = k;
                }
            }
            Work work = new Work(journal, units(pending), offsets, lengths, failed, doneBefore, listener, cancel);
            work.runAll();
            sessions.set(sessions.size() - 1, new SweepManifest.Session(threads, started, Instant.now()));
            int failedNow = failed.cardinality();
            if (work.fatal.get() != null) {
                Throwable t = work.fatal.get();
                if (t instanceof IOException io) {
                    throw io;
                }
                if (t instanceof Error err) {
                    throw err;
                }
                throw new IOException(t.getMessage(), t);
            }
            if (work.done.get() < total) {
                SweepManifest.write(folder.sweepJson(), SweepManifest.describe(plan, shard, "interrupted",
                        firstStarted, sessions, null, null));
                return new Outcome(total, work.done.get() - failedNow, failedNow, work.ranNow.get(), true, false);
            }
            List<SweepManifest.RunStatus> statuses = assembly.assemble(offsets, lengths, failed);
            sessions.set(sessions.size() - 1, new SweepManifest.Session(threads, started, Instant.now()));
            SweepManifest.write(folder.sweepJson(), SweepManifest.describe(plan, shard, "completed", firstStarted,
                    sessions, statuses, null));
            // Only now, with the sweep recorded as complete: the rows are in timeseries.csv.
            SweepFolder.deleteTree(folder.timeseriesParts());
            return new Outcome(total, total - failedNow, failedNow, work.ranNow.get(), false, false);
        }
    }

    /**
     * What one worker does at a time: one run, or, when strategies fork from a shared burn-in,
     * every pending run of one (design point, replicate), which share it.
     */
    private int[][] units(int[] pending) {
        if (plan.forkAt() == null) {
            int[][] units = new int[pending.length][];
            for (int i = 0; i < pending.length; i++) {
                units[i] = new int[] {pending[i]};
            }
            return units;
        }
        Map<Long, List<Integer>> families = new java.util.LinkedHashMap<>();
        for (int k : pending) {
            SweepRun run = plan.run(shard.runIndex(k));
            families.computeIfAbsent(((long) run.point() << 32) | run.replicate(), f -> new ArrayList<>()).add(k);
        }
        return families.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** The threads of one call of {@link #run} and what they share. */
    private final class Work {
        final Journal journal;
        final int[][] pending;
        final long[] offsets;
        final int[] lengths;
        final BitSet failed;
        final Listener listener;
        final AtomicBoolean cancel;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger cursor = new AtomicInteger();
        final AtomicInteger done;
        final AtomicInteger failedCount;
        final AtomicInteger ranNow = new AtomicInteger();
        final AtomicReference<Throwable> fatal = new AtomicReference<>();

        Work(Journal journal, int[][] pending, long[] offsets, int[] lengths, BitSet failed, int doneBefore,
             Listener listener, AtomicBoolean cancel) {
            this.journal = journal;
            this.pending = pending;
            this.offsets = offsets;
            this.lengths = lengths;
            this.failed = failed;
            this.listener = listener;
            this.cancel = cancel;
            this.done = new AtomicInteger(doneBefore);
            this.failedCount = new AtomicInteger(SweepAssembly.countFailed(offsets, failed));
        }

        void runAll() {
            int n = Math.min(threads, Math.max(1, pending.length));
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // A large stack: copying a model at the fork serializes deep object graphs.
                Thread t = new Thread(null, this::work, "sweep-worker-" + i, 256L << 20);
                t.setDaemon(true); // never keeps the JVM alive after Ctrl-C
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                boolean joined = false;
                while (!joined) {
                    try {
                        t.join();
                        joined = true;
                    } catch (InterruptedException e) {
                        cancel.set(true);
                    }
                }
            }
        }

        private boolean stopping() {
            return cancel.get() || stop.get();
        }

        private void work() {
            while (!stopping()) {
                int p = cursor.getAndIncrement();
                if (p >= pending.length) {
                    return;
                }
                try {
                    if (plan.forkAt() == null) {
                        runOne(pending[p][0], executor);
                    } else {
                        runFamily(pending[p]);
                    }
                } catch (CancellationException e) {
                    return;
                } catch (IOException | RuntimeException | Error e) {
                    fatal.compareAndSet(null, e);
                    stop.set(true);
                    return;
                }
            }
        }

        /**
         * The runs of one (design point, replicate): the burn-in once, then the first strategy
         * from the burn-in's model and each other one from a copy of it (see {@link Forks}). If
         * the burn-in fails, each of its runs is recorded as failed, with the reason.
         */
        private void runFamily(int[] ks) throws IOException {
            SweepRun first = plan.run(shard.runIndex(ks[0]));
            TraffickingModel burnIn = null;
            byte[] copies = null;
            RuntimeException burnInFailure = null;
            try {
                burnIn = Forks.burnIn(plan.prefixScenario(first.point()), first.seed(), plan.forkAt(), this::stopping);
                copies = ks.length > 1 ? Forks.bytes(burnIn) : null;
            } catch (CancellationException e) {
                throw e;
            } catch (ScenarioException e) {
                burnInFailure = new IllegalStateException("the shared burn-in's scenario: " + e.getMessage());
            } catch (RuntimeException e) {
                if (stopping()) {
                    throw new CancellationException("interrupted");
                }
                burnInFailure = new IllegalStateException("the shared burn-in failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            byte[] shared = copies;
            RuntimeException failure = burnInFailure;
            for (int i = 0; i < ks.length; i++) {
                if (stopping()) {
                    throw new CancellationException("interrupted");
                }
                TraffickingModel own = i == 0 ? burnIn : null;
                burnIn = null; // the first run's model is garbage once that run is done
                runOne(ks[i], (run, scenario, listener, cancelled) -> {
                    if (failure != null) {
                        throw failure;
                    }
                    TraffickingModel model = own != null ? own : Forks.copy(shared);
                    return Forks.continueRun(model, scenario, plan.streamSeed(run), listener, cancelled);
                });
            }
        }

        private void runOne(int k, RunExecutor executor) throws IOException {
            SweepRun run = plan.run(shard.runIndex(k));
            Path part = plan.spec().keepTimeseries() ? folder.timeseriesPart(run) : null;
            Path partTmp = part == null ? null : part.resolveSibling(part.getFileName() + ".part");
            Map<String, Double> summary = null;
            String error = null;
            TimeseriesPart ts = null;
            try {
                Scenario scenario = plan.scenario(run);
                ts = part == null ? null : new TimeseriesPart(partTmp, run, provinceCodes);
                summary = executor.run(run, scenario, ts, this::stopping);
                if (ts != null) {
                    ts.close();
                    Files.move(partTmp, part, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (CancellationException e) {
                discard(ts, partTmp);
                throw e;
            } catch (TimeseriesPart.WriteFailure e) {
                discard(ts, partTmp);
                throw e.getCause();
            } catch (ScenarioException e) {
                discard(ts, partTmp);
                error = "scenario: " + e.getMessage();
            } catch (RuntimeException e) {
                discard(ts, partTmp);
                if (stopping()) {
                    throw new CancellationException("interrupted"); // may be a consequence of stopping
                }
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            String row = table.runsRow(run, summary, error);
            long offset = journal.append(run.index(), row);
            synchronized (failed) {
                offsets[k] = offset;
                lengths[k] = row.getBytes(StandardCharsets.UTF_8).length;
                failed.set(k, summary == null);
            }
            ranNow.incrementAndGet();
            int f = summary == null ? failedCount.incrementAndGet() : failedCount.get();
            listener.finished(run, summary != null, done.incrementAndGet(), f);
        }

        private void discard(TimeseriesPart ts, Path partTmp) throws IOException {
            if (ts != null) {
                ts.closeQuietly();
            }
            if (partTmp != null) {
                Files.deleteIfExists(partTmp);
            }
        }
    }
}
