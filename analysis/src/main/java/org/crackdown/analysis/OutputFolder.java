package org.crackdown.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.crackdown.format.OutputFolders;

/**
 * The analysis output folder, written as a hidden temporary sibling and renamed into place only
 * when complete, so a failed analysis leaves nothing half-written and never damages the previous
 * result. {@code --force} replaces a folder only if everything in it was written by crackdown
 * (see {@link OutputFolders}), so a mistyped {@code --out} cannot delete someone's data.
 */
final class OutputFolder implements AutoCloseable {

    static final String KIND = "analysis";

    private final Path target;
    private final OutputFolders.Writing writing;
    private boolean committed;

    private OutputFolder(Path target, OutputFolders.Writing writing) {
        this.target = target;
        this.writing = writing;
    }

    /** Checks that {@code target} may be written (before any work is done). */
    static void check(Path target, boolean force) throws AnalysisInputException, IOException {
        String refusal = OutputFolders.replaceRefusal(target, target, force);
        if (refusal != null) {
            throw new AnalysisInputException(refusal);
        }
    }

    static OutputFolder open(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        OutputFolders.removeStale(abs.getParent());
        return new OutputFolder(abs, OutputFolders.createTemp(abs));
    }

    Path temp() {
        return writing.folder();
    }

    Path commit(boolean force) throws IOException, AnalysisInputException {
        OutputFolders.claimAll(temp(), KIND);
        check(target, force);
        OutputFolders.swap(temp(), target);
        writing.release(target);
        committed = true;
        return target;
    }

    @Override
    public void close() {
        if (!committed) {
            writing.close();
            try {
                OutputFolders.deleteTree(temp());
            } catch (IOException ignored) {
                // Best effort: a leftover hidden temp folder is removed by the next analysis here.
            }
        }
    }
}
