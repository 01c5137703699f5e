package org.crackdown.sweep;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a sweep writes, and which existing folders it may write into.
 *
 * <pre>
 * DIR/runs.csv          one row per run, canonical order (written when every run is done)
 * DIR/timeseries.csv    with keep_timeseries
 * DIR/sweep.json        the sweep as resolved, provenance, time stamps, each run's status
 * DIR/sweep.yaml        the sweep file as given
 * DIR/datapackage.json  column descriptions with their roles
 * DIR/.sweep/journal    finished runs as they finish (what --resume reads)
 * DIR/.sweep/timeseries/RUN_ID.csv   each finished run's timeseries until assembled
 * </pre>
 */
public final class SweepFolder {

    public static final String SWEEP_JSON = "sweep.json";
    public static final String SWEEP_YAML = "sweep.yaml";
    public static final String DATAPACKAGE = "datapackage.json";
    static final String WORK = ".sweep";

    /** How to treat an existing output folder. */
    public enum Mode {
        /** The folder must not exist (or be empty). */
        NEW,
        /** Continue the sweep in the folder; start it if the folder does not exist yet. */
        RESUME,
        /** Delete the sweep folder that is there and start again. */
        FORCE
    }

    /** The folder cannot be used as asked; the message says why and what to do. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    private final Path dir;

    public SweepFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    Path work() {
        return dir.resolve(WORK);
    }

    Path journal() {
        return work().resolve("journal");
    }

    Path timeseriesParts() {
        return work().resolve("timeseries");
    }

    Path timeseriesPart(SweepRun run) {
        return timeseriesParts().resolve(run.runId() + ".csv");
    }

    public Path runsCsv() {
        return dir.resolve(RunsTable.RUNS);
    }

    public Path timeseriesCsv() {
        return dir.resolve(RunsTable.TIMESERIES);
    }

    public Path sweepJson() {
        return dir.resolve(SWEEP_JSON);
    }

    /** Whether the folder holds a sweep that was started here (and so can be resumed). */
    boolean resumable() {
        return Files.isRegularFile(journal());
    }

    /** Checks the folder against the mode and leaves it ready for the journal to be opened. */
    void prepare(Mode mode) throws RefusedException, IOException {
        boolean exists = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        if (exists && !Files.isDirectory(dir)) {
            throw new RefusedException("cannot use " + dir + " as a sweep folder: it is not a folder");
        }
        boolean empty = !exists || isEmpty(dir);
        switch (mode) {
            case NEW -> {
                if (!empty) {
                    throw new RefusedException("output folder " + dir + " already exists; use --resume to continue "
                            + "the sweep in it, --force to start it again, or --out to choose another folder");
                }
            }
            case RESUME -> {
                if (!empty && !resumable()) {
                    throw new RefusedException("cannot resume in " + dir + ": it holds no sweep that was started "
                            + "there (no " + WORK + "/journal); use --force to start again, or --out for another folder");
                }
            }
            case FORCE -> {
                if (!empty && !resumable() && !Files.exists(sweepJson())) {
                    throw new RefusedException("refusing to replace " + dir + ": it is not a sweep folder (no "
                            + SWEEP_JSON + "); choose another folder with --out");
                }
                if (exists) {
                    deleteTree(dir);
                }
            }
            default -> throw new AssertionError(mode);
        }
        Files.createDirectories(timeseriesParts());
    }

    /** Writes {@code content} to {@code target} through a temporary file and a rename. */
    static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    static void deleteTree(Path root) throws IOException {
        org.crackdown.output.RunFolder.deleteTree(root);
    }
}
