package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.crackdown.model.DayLoop;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.output.CsvNumbers;
import org.crackdown.output.ProgressLine;
import org.crackdown.output.RunFolder;
import org.crackdown.output.RunRecorder;
import org.crackdown.output.RunRequest;
import org.crackdown.output.StateFile;
import org.crackdown.scenario.ScenarioException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown run}: one scenario, one seed, one complete run folder. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one scenario with one seed and writes a run folder: timeseries.csv, summary.csv, "
                + "flows.csv, scenario.yaml (the resolved scenario), run.json (provenance) and datapackage.json "
                + "(column descriptions).",
                "The folder appears only when the run has completed; a failed or interrupted run leaves nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:run completed", "1:the run failed (the model, or writing its files)",
                "2:bad input (scenario, options, existing folder)",
                "130/143:interrupted by Ctrl-C (SIGINT) or SIGTERM; no run folder written"})
public final class RunCommand implements Callable<Integer> {

    /** Headline results printed at the end; the rest is in summary.csv. */
    private static final List<String> HEADLINE = List.of("women_rescued", "children_rescued", "gangs_busted",
            "cases_solved", "victims_trafficked");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenarioFile;

    @Mixin
    SeedOption seed;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    QuietOption quiet;

    @Option(names = "--save-state-at", paramLabel = "DATE",
            description = "Save the model's state at the start of DATE (YYYY-MM-DD, before that day is simulated) "
                    + "to the file named by --state; the run goes on to the end as usual.")
    String saveStateAt;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The state file --save-state-at writes (refused if it exists).")
    Path stateFile;

    @Option(names = "--from-state", paramLabel = "FILE",
            description = "Continue the run saved in FILE (by --save-state-at, or the GUI's File > Save) to the "
                    + "scenario's end and write the usual run folder; SCENARIO and --set must be those it was "
                    + "saved with. The CSVs equal those of the run that saved it.")
    Path fromState;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Scenario scenario = scenarioOptions.load(scenarioFile);
        TraffickingModel restored = null;
        if (fromState != null) {
            try {
                restored = StateFile.read(fromState, scenario, seed.value());
            } catch (StateFile.BadStateException e) {
                stderr.println("error: " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        RunRecorder.States states;
        try {
            states = states(scenario, restored);
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        long s = restored != null ? restored.seed() : seed.orElse(scenario.seed());
        if (restored != null) {
            stdout.println("continuing from " + fromState + " at " + restored.today());
        }
        stdout.println("seed " + s + (restored != null ? " (from the state file)" : seed.given() ? " (from --seed)"
                : " (from the scenario; use --seed to change)"));
        Path target = output.folder(Path.of("runs", folderName(scenario.name()) + "-" + s));

        RunFolder folder = output.open(target, "run");
        for (Path stale : folder.removedStale()) {
            stderr.println("note: removed " + stale + ", left by a run that was killed");
        }
        String runId = folder.target().getFileName().toString();
        RunRequest request = new RunRequest(scenario, s, runId, scenarioFile.toString(), scenarioOptions.sets());
        ProgressLine meter = quiet.progressLine(stderr);
        RunRecorder.Result result;
        try (folder) {
            result = RunRecorder.record(request, folder.temp(), meter == null ? DayLoop.DayListener.NONE : meter,
                    folder::cancelled, states);
            folder.commit();
        } catch (CancellationException e) {
            endProgress(meter);
            stderr.println("interrupted: no run folder written");
            return Main.FAILED;
        } catch (IOException e) {
            endProgress(meter);
            stderr.println("error: cannot write the run folder " + target + ": " + reason(e));
            stderr.println("(no run folder written)");
            return Main.FAILED;
        } catch (RuntimeException e) {
            endProgress(meter);
            return modelFailed(stderr, e);
        }
        endProgress(meter);
        printResult(stdout, target, scenario, result.summary());
        return Main.OK;
    }

    /** The state options checked against each other, the scenario and the restored model. */
    private RunRecorder.States states(Scenario scenario, TraffickingModel restored) {
        if ((saveStateAt == null) != (stateFile == null)) {
            throw new IllegalArgumentException(saveStateAt == null
                    ? "--state names the file --save-state-at writes; give --save-state-at DATE too"
                    : "--save-state-at needs --state FILE (where to write the state)");
        }
        if (saveStateAt == null) {
            return new RunRecorder.States(restored, null, null);
        }
        LocalDate at;
        try {
            at = LocalDate.parse(saveStateAt.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--save-state-at: expected a date like 2011-01-01, got '" + saveStateAt + "'");
        }
        LocalDate from = restored != null ? restored.today().plusDays(1) : scenario.start().plusDays(1);
        if (at.isBefore(from) || at.isAfter(scenario.end())) {
            throw new IllegalArgumentException("--save-state-at: " + at + " is outside the days this run simulates "
                    + "after its first (" + from + " to " + scenario.end() + ")");
        }
        if (Files.exists(stateFile)) {
            throw new IllegalArgumentException("--state: " + stateFile + " exists; remove it or name another file "
                    + "(a state file is never overwritten)");
        }
        Path dir = stateFile.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--state: no such folder " + dir);
        }
        return new RunRecorder.States(restored, at, stateFile);
    }

    /** File-system errors in words, without Java exception names. */
    static String reason(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + file;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + file;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void endProgress(ProgressLine meter) {
        if (meter != null) {
            meter.finish();
        }
    }

    private static int modelFailed(PrintWriter err, RuntimeException e) {
        err.println("error: the run failed: " + e);
        if (Boolean.getBoolean("crackdown.debug")) {
            e.printStackTrace(err);
        } else {
            err.println("(no run folder written; rerun with -Dcrackdown.debug=true for details)");
        }
        return Main.FAILED;
    }

    private static void printResult(PrintWriter out, Path folder, Scenario scenario, Map<String, Double> summary) {
        out.println("run folder: " + folder);
        out.println("measured " + scenario.measureFrom() + " to " + scenario.measureTo() + ", all provinces:");
        for (String column : HEADLINE) {
            Double v = summary.get(column);
            String text = v == null ? "?" : CsvNumbers.format(v);
            out.printf("  %-20s %10s%n", column, text.isEmpty() ? "-" : text);
        }
        out.flush();
    }

    /** Scenario names become folder names: keep them portable. */
    static String folderName(String scenarioName) {
        String safe = scenarioName.replaceAll("[^A-Za-z0-9._-]+", "-");
        return safe.isEmpty() || safe.startsWith(".") ? "run" + safe : safe;
    }
}
