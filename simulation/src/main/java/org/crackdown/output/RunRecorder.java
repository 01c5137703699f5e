package org.crackdown.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.crackdown.model.DayLoop;
import org.crackdown.model.DayLoop.DayListener;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioWriter;

/**
 * Runs the model once and writes every file of a run folder into a directory: timeseries.csv
 * month by month while it runs, then summary.csv, flows.csv, scenario.yaml, datapackage.json
 * and finally run.json. Does not decide where the folder lives; see {@link RunFolder}.
 */
public final class RunRecorder {

    public static final String SCENARIO_FILE = "scenario.yaml";

    /** The headline numbers of a finished run. */
    public record Result(Map<String, Double> summary, long simulatedDays) {
    }

    /**
     * Where a run starts and whether it saves its state on the way.
     *
     * @param from   a model restored from a state file, to continue; null to start afresh
     * @param saveAt the day at whose start the model is saved (before that day is simulated); null for none
     * @param saveTo the state file written on {@code saveAt}
     */
    public record States(TraffickingModel from, LocalDate saveAt, Path saveTo) {
        public static final States NONE = new States(null, null, null);
    }

    private RunRecorder() {
    }

    /** As {@link #record(RunRequest, Path, DayListener, BooleanSupplier, States)}, from the start, saving nothing. */
    public static Result record(RunRequest run, Path dir, DayListener progress, BooleanSupplier cancelled)
            throws IOException {
        return record(run, dir, progress, cancelled, States.NONE);
    }

    /**
     * @param cancelled checked between days; when it turns true the run stops with a
     *                  {@link CancellationException}
     * @throws IOException if a file cannot be written; anything the model throws passes through
     */
    public static Result record(RunRequest run, Path dir, DayListener progress, BooleanSupplier cancelled,
                                States states) throws IOException {
        Instant started = Instant.now();
        Scenario scenario = run.scenario();
        TraffickingModel model = states.from() != null ? states.from() : new TraffickingModel(scenario, run.seed());
        long days = 0;
        try (TimeseriesWriter timeseries = new TimeseriesWriter(dir, run.runId(), run.seed(), model.network().codes())) {
            if (states.from() != null) {
                model.metrics().replayTo(timeseries); // the months simulated before the state was saved
            }
            model.metrics().addListener(timeseries);
            if (states.from() == null) {
                DayLoop.start(model, cancelled, progress);
            }
            if (states.saveAt() != null) {
                days += DayLoop.until(model, states.saveAt(), cancelled, progress);
                if (model.today().equals(states.saveAt())) {
                    StateFile.write(model, states.saveTo());
                }
            }
            days += DayLoop.resume(model, cancelled, progress);
        } catch (UncheckedIOException e) {
            // The timeseries is written month by month from inside the model's schedule, where
            // only unchecked exceptions pass: a full disk is still a file error, not a model failure.
            throw e.getCause();
        }
        Map<String, Double> summary = model.metrics().summary();
        SummaryWriter.write(dir, run.runId(), run.seed(), scenario, summary);
        FlowsWriter.write(dir, run.runId(), run.seed(), model.metrics().flows());
        Files.writeString(dir.resolve(SCENARIO_FILE), ScenarioWriter.toYaml(scenario), StandardCharsets.UTF_8);
        DataPackage.write(dir, run.runId(), scenario.name(), scenario.description(), started);
        RunManifest.write(dir, run, started, Instant.now(), days);
        return new Result(summary, days);
    }
}
