package org.crackdown.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.crackdown.analysis.AnalysisInputException;

/**
 * Decides what the input folders are and reads them: one sweep folder, or run folders (given one
 * by one, or as a folder that holds run folders, like {@code runs/}).
 */
public final class ExperimentLoader {

    private ExperimentLoader() {
    }

    public static Experiment load(List<Path> inputs) throws AnalysisInputException {
        return load(inputs, List.of());
    }

    /** @param poolBy resolved scenario keys run folders of one scenario name may differ in ({@code --pool-by}) */
    public static Experiment load(List<Path> inputs, List<String> poolBy) throws AnalysisInputException {
        if (inputs.isEmpty()) {
            throw new AnalysisInputException("no input folder given");
        }
        List<Path> runFolders = new ArrayList<>();
        for (Path dir : inputs) {
            if (!Files.isDirectory(dir)) {
                throw new AnalysisInputException(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
            }
            if (SweepFolderReader.isSweep(dir)) {
                if (inputs.size() > 1) {
                    throw new AnalysisInputException(dir + " is a sweep folder (has " + SweepFolderReader.RUNS
                            + "); analyse one sweep at a time (merge sweeps first with 'crackdown merge')");
                }
                Experiment sweep = SweepFolderReader.read(dir);
                return poolBy.isEmpty() ? sweep : sweep.withRuns(sweep.runs(), "--pool-by " + String.join(",", poolBy)
                        + ": not used; it is for run folders, and a sweep names its own strategies.");
            }
            if (RunFoldersReader.isRunFolder(dir)) {
                runFolders.add(dir);
                continue;
            }
            List<Path> inside = runFoldersIn(dir);
            if (inside.isEmpty()) {
                throw new AnalysisInputException(dir + ": neither a sweep folder (no " + SweepFolderReader.RUNS
                        + ") nor a run folder (no " + RunFoldersReader.SUMMARY + "), and holds no run folders");
            }
            runFolders.addAll(inside);
        }
        return RunFoldersReader.read(runFolders, poolBy);
    }

    private static List<Path> runFoldersIn(Path dir) throws AnalysisInputException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(RunFoldersReader::isRunFolder)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new AnalysisInputException(dir + ": cannot list (" + e.getMessage() + ")");
        }
    }
}
