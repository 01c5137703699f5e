package org.crackdown.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.crackdown.model.DayLoop;
import org.crackdown.model.Scenario;
import org.crackdown.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    @TempDir
    Path dir;

    private static RunRequest tiny(String runId) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("src/test/resources/scenarios/tiny.yaml"), List.of());
        return new RunRequest(s, 5, runId, "tiny.yaml", List.of());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void timeseriesIsWrittenAsEachMonthEnds() throws Exception {
        AtomicLong linesMidApril = new AtomicLong(-1);
        DayLoop.DayListener watch = (today, done, total) -> {
            if (today.getMonthValue() == 4 && today.getDayOfMonth() == 15) {
                try {
                    linesMidApril.set(Files.readAllLines(dir.resolve("timeseries.csv")).size());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        RunRecorder.Result r = RunRecorder.record(tiny("r"), dir, watch, () -> false);
        assertEquals(1 + 3 * 31, linesMidApril.get(), "header and January to March on disk in mid-April");
        assertEquals(1 + 12 * 31, Files.readAllLines(dir.resolve("timeseries.csv")).size());
        assertEquals(365, r.simulatedDays());
    }

    /** Issue 12 item 11: a full disk was reported as "the run failed: java.io.UncheckedIOException". */
    @Test
    void aFullDiskIsAFileErrorThatSaysSo() throws Exception {
        // /dev/full answers every write with ENOSPC, as a full disk does.
        Files.createSymbolicLink(dir.resolve("timeseries.csv"), Path.of("/dev/full"));
        IOException e = assertThrows(IOException.class,
                () -> RunRecorder.record(tiny("r"), dir, DayLoop.DayListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    }

    @Test
    void aFailingRunLeavesNoFolder() throws Exception {
        Path target = dir.resolve("runs/tiny-5");
        RunRequest run = tiny("tiny-5");
        DayLoop.DayListener failing = (today, done, total) -> {
            if (done == 100) {
                throw new IllegalStateException("simulated model failure");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (RunFolder f = RunFolder.open(target, false)) {
                RunRecorder.record(run, f.temp(), failing, f::cancelled);
                f.commit();
            }
        });
        assertEquals("simulated model failure", e.getMessage());
        assertEquals(List.of(), names(), "no run folder, no temporary folder, no runs/");
    }

    @Test
    void cancellationStopsTheRunAndLeavesNoFolder() throws Exception {
        Path target = dir.resolve("tiny-5");
        AtomicLong days = new AtomicLong();
        RunRequest run = tiny("tiny-5");
        assertThrows(CancellationException.class, () -> {
            try (RunFolder f = RunFolder.open(target, false)) {
                RunRecorder.record(run, f.temp(), (t, d, n) -> days.set(d), () -> days.get() >= 30);
                f.commit();
            }
        });
        assertTrue(days.get() >= 30 && days.get() < 40, "stopped soon after the request: " + days.get());
        assertEquals(List.of(), names());
    }
}
