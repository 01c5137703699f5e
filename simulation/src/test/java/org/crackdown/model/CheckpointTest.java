package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.crackdown.format.CodeVersion;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sim.engine.SimState;

/**
 * A model written to a MASON checkpoint and read back continues exactly as the model that was
 * never stopped: same monthly rows (including the months before the checkpoint, replayed), same
 * summary and flows. Forks continue under another scenario with their own stream.
 */
class CheckpointTest {

    private static final LocalDate SAVE_AT = LocalDate.of(2008, 7, 15);

    /** Every month's table the model will write, one string per province row. */
    static List<String> rows(TraffickingModel m) {
        List<String> rows = new ArrayList<>();
        m.metrics().addListener((month, values) -> {
            for (double[] row : values) {
                rows.add(month + Arrays.toString(row));
            }
        });
        return rows;
    }

    private static void stepUntil(TraffickingModel m, LocalDate day) {
        DayLoop.until(m, day, DayLoop.NEVER, DayLoop.DayListener.NONE);
    }

    private static void finish(TraffickingModel m) {
        DayLoop.resume(m, DayLoop.NEVER, DayLoop.DayListener.NONE);
    }

    /** Equal lists, or the first row that differs (the lists are long). */
    static void assertSameRows(List<String> expected, List<String> got) {
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
            assertEquals(expected.get(i), got.get(i), "row " + i + " of " + expected.size());
        }
        assertEquals(expected.size(), got.size(), "rows");
    }

    static byte[] write(TraffickingModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeToCheckpoint(out);
        return out.toByteArray();
    }

    static TraffickingModel read(byte[] bytes) throws Exception {
        return (TraffickingModel) SimState.readFromCheckpoint(new ByteArrayInputStream(bytes));
    }

    private static Scenario shortScenario(java.util.function.Consumer<Parameters> tweak) {
        Scenario s = TestScenarios.china2011(0.02, tweak);
        // Two years keep the test quick; the window is the second.
        return new Scenario(s.name(), s.description(), s.seed(), s.start(), LocalDate.of(2009, 12, 31),
                LocalDate.of(2009, 1, 1), LocalDate.of(2009, 12, 31), s.parameters(), s.campaigns(), s.timeline());
    }

    @Test
    @Tag("slow")
    void restoredRunEqualsUninterruptedRun() throws Exception {
        Scenario s = shortScenario(p -> { });
        TraffickingModel whole = new TraffickingModel(s, 11);
        List<String> expected = rows(whole);
        whole.start();
        finish(whole);

        TraffickingModel first = new TraffickingModel(s, 11);
        first.start();
        stepUntil(first, SAVE_AT);
        byte[] state = write(first);
        TraffickingModel restored = read(state);
        assertEquals(SAVE_AT, restored.today());
        List<String> got = new ArrayList<>();
        Metrics.MonthListener into = (month, values) -> {
            for (double[] row : values) {
                got.add(month + Arrays.toString(row));
            }
        };
        restored.metrics().replayTo(into);
        restored.metrics().addListener(into);
        finish(restored);

        assertSameRows(expected, got);
        assertEquals(whole.metrics().summary(), restored.metrics().summary());
        assertEquals(whole.metrics().flows(), restored.metrics().flows());
        assertEquals(CodeVersion.current(), restored.savedBy());
    }

    @Test
    @Tag("slow")
    void forksWithTheSameStreamAgreeAndDifferentStreamsDiffer() throws Exception {
        Scenario s = shortScenario(p -> { });
        TraffickingModel prefix = new TraffickingModel(s, 3);
        prefix.start();
        stepUntil(prefix, SAVE_AT);
        byte[] state = write(prefix);

        Map<String, Double> a = forkAndFinish(state, s, 100);
        Map<String, Double> b = forkAndFinish(state, s, 100);
        Map<String, Double> c = forkAndFinish(state, s, 101);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void aForkMustAgreeWithTheRunSoFar() throws Exception {
        Scenario s = shortScenario(p -> { });
        TraffickingModel prefix = new TraffickingModel(s, 3);
        prefix.start();
        stepUntil(prefix, SAVE_AT);
        Scenario doubled = shortScenario(p -> p.setBudget(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prefix.fork(doubled, 1));
        assertTrue(e.getMessage().contains("police.budget"), e.getMessage());

        // The same change dated at the fork is a strategy that differs only after it: accepted.
        List<TimelineChange> tl = new ArrayList<>(s.timeline());
        tl.add(new TimelineChange(SAVE_AT, Map.of("police.budget", 2.0)));
        tl.sort(java.util.Comparator.comparing(TimelineChange::date));
        Scenario later = new Scenario(s.name(), s.description(), s.seed(), s.start(), s.end(), s.measureFrom(),
                s.measureTo(), s.parameters(), s.campaigns(), tl);
        prefix.fork(later, 5);
        finish(prefix);
        assertEquals(2.0, prefix.params().getBudget());
    }

    private static Map<String, Double> forkAndFinish(byte[] state, Scenario s, long stream) throws Exception {
        TraffickingModel m = read(state);
        m.fork(s, stream);
        finish(m);
        return m.metrics().summary();
    }
}
