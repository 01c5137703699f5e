package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming ABC-SMC from its journal: wherever the sampler is stopped (and however the journal's
 * last line is torn, as kill -9 can leave it), the resumed run gives exactly the posterior of an
 * uninterrupted run, and runs only the simulations the journal does not hold. The toy simulator
 * is AbcSmcTest's, wrapped in the journal as the calibrate command wraps the model.
 */
class SimulationJournalTest {

    static final long SEED = 20_261_130L;
    static final List<String> COLUMNS = List.of("x");

    @TempDir
    Path dir;

    /** The toy's replicate summary: the simulated mean as the target column. */
    static List<Map<String, Double>> toySummary(double[] v, long seed) {
        return List.of(Map.of("x", AbcSmcTest.toy(0, v, seed).results().get(0).mean()));
    }

    static AbcSmc.Simulator journaled(SimulationJournal j, AtomicInteger modelCalls, int stopAfter) {
        return (index, v, seed) -> {
            List<Map<String, Double>> s = j.lookup(seed, v);
            if (s == null) {
                if (modelCalls.incrementAndGet() > stopAfter) {
                    throw new CancellationException("stopped for the test");
                }
                s = toySummary(v, seed);
                try {
                    j.record(seed, v, s);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            TargetResult r = TargetResult.of(AbcSmcTest.TARGET, new double[] {s.get(0).get("x")});
            return new Evaluation(index, v, List.of(r), r.loss());
        };
    }

    static AbcSmc.Outcome run(AbcSmc.Simulator sim, int threads) {
        AbcSettings s = new AbcSettings(40, 3, 0.5, 0.001, 5);
        return new AbcSmc(s, List.of(AbcSmcTest.MU), List.of(AbcSmcTest.PRIOR), sim, threads).run(AbcSmc.Listener.NONE);
    }

    static void assertSamePosterior(AbcSmc.Outcome expected, AbcSmc.Outcome actual, String where) {
        assertEquals(expected.generations().size(), actual.generations().size(), where);
        for (int g = 0; g < expected.generations().size(); g++) {
            List<AbcSmc.Particle> a = expected.generations().get(g).particles();
            List<AbcSmc.Particle> b = actual.generations().get(g).particles();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).values(), b.get(i).values(), where);
                assertEquals(a.get(i).weight(), b.get(i).weight(), 0, where);
                assertEquals(a.get(i).modelSeed(), b.get(i).modelSeed(), where);
            }
            assertEquals(expected.generations().get(g).simulations(), actual.generations().get(g).simulations(), where);
        }
    }

    @Test
    @Tag("slow")
    void resumingAfterAStopAnywhereGivesTheUninterruptedPosterior() throws Exception {
        AtomicInteger all = new AtomicInteger();
        AbcSmc.Outcome reference;
        try (SimulationJournal j = SimulationJournal.open(dir.resolve("ref"), "f", COLUMNS, false)) {
            reference = run(journaled(j, all, Integer.MAX_VALUE), 2);
        }
        int total = all.get();
        Random rnd = new Random(SEED);
        for (int trial = 0; trial < 4; trial++) {
            int stopAfter = 1 + rnd.nextInt(total - 1);
            int threads = 1 + rnd.nextInt(2);
            Path file = dir.resolve("trial-" + trial);
            String where = "seed " + SEED + ", trial " + trial + ": stopped after " + stopAfter + " of " + total
                    + " simulations on " + threads + " thread(s)";
            try (SimulationJournal j = SimulationJournal.open(file, "f", COLUMNS, false)) {
                AbcSmc.Simulator sim = journaled(j, new AtomicInteger(), stopAfter);
                assertThrows(CancellationException.class, () -> run(sim, threads), where);
            }
            // kill -9 can leave half a line: cut the file somewhere in its last line.
            long size = Files.size(file);
            long cut = size - 1 - rnd.nextInt(20);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            AtomicInteger resumedCalls = new AtomicInteger();
            AbcSmc.Outcome resumed;
            int held;
            try (SimulationJournal j = SimulationJournal.open(file, "f", COLUMNS, true)) {
                held = j.size();
                resumed = run(journaled(j, resumedCalls, Integer.MAX_VALUE), 1 + rnd.nextInt(2));
                assertEquals(held, j.replayed(), where + ": every journaled simulation is used");
            }
            assertSamePosterior(reference, resumed, where);
            assertTrue(held >= stopAfter - threads - 1, where + ": journal held " + held);
            assertEquals(total - held, resumedCalls.get(), where + ": only the missing simulations run");
        }
    }

    @Test
    void aJournalOfAnotherCalibrationIsRefusedAndStartingAfreshReplacesIt() throws Exception {
        Path file = dir.resolve("j");
        try (SimulationJournal j = SimulationJournal.open(file, "one", COLUMNS, false)) {
            j.record(7, new double[] {0.5}, List.of(Map.of("x", 1.25)));
        }
        assertThrows(SimulationJournal.Mismatch.class, () -> SimulationJournal.open(file, "two", COLUMNS, true));
        try (SimulationJournal j = SimulationJournal.open(file, "one", COLUMNS, true)) {
            assertEquals(1.25, j.lookup(7, new double[] {0.5}).get(0).get("x"), 0);
            assertEquals(null, j.lookup(8, new double[] {0.5}));
        }
        try (SimulationJournal j = SimulationJournal.open(file, "one", COLUMNS, false)) {
            assertEquals(0, j.size());
        }
    }
}
