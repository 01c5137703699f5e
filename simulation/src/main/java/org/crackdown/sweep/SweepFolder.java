package org.crackdown.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.crackdown.format.FolderFiles;
import org.crackdown.format.OutputFolders;

/**
 * Where a sweep writes, and which existing folders it may write into.
 *
 * <pre>
 * DIR/runs.csv          one row per run, canonical order (written when every run is done)
 * DIR/timeseries.csv    with keep_timeseries
 * DIR/sweep.json        the sweep as resolved, provenance, time stamps, each run's status
 * DIR/sweep.yaml        the sweep file as given
 * DIR/datapackage.json  column descriptions with their roles
 * DIR/.crackdown        crackdown's marker: the names above are its own
 * DIR/.sweep/journal    finished runs as they finish (what --resume reads)
 * DIR/.sweep/timeseries/RUN_ID.csv   each finished run's timeseries until assembled
 * DIR/.sweep/scenarios/ the base scenario and the files it extends, as read when the sweep started
 * </pre>
 *
 * <p>{@code --force} on a folder holding a sweep does not delete it: the new sweep is written
 * into the hidden sibling {@code .DIR.replacing} and put in DIR's place only when complete, so
 * the old results stay until then (and {@code --resume} continues the replacement).
 */
public final class SweepFolder {

    public static final String SWEEP_JSON = FolderFiles.SWEEP_JSON;
    public static final String SWEEP_YAML = "sweep.yaml";
    public static final String DATAPACKAGE = FolderFiles.DATAPACKAGE;
    static final String WORK = ".sweep";
    static final String KIND = "sweep";
    static final String TMP = ".tmp";
    /** Every name a sweep writes in its folder: what its marker claims. */
    static final List<String> OURS = List.of(RunsTable.RUNS, RunsTable.TIMESERIES, SWEEP_JSON, SWEEP_YAML,
            DATAPACKAGE, WORK, RunsTable.RUNS + TMP, RunsTable.TIMESERIES + TMP, SWEEP_JSON + TMP);

    /** How to treat an existing output folder. */
    public enum Mode {
        /** The folder must not exist (or be empty). */
        NEW,
        /** Continue the sweep in the folder; start it if the folder does not exist yet. */
        RESUME,
        /** Replace the sweep folder that is there (once the new sweep is complete). */
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

    /** Where {@code --force} builds the sweep that will replace the one in {@code dir}. */
    static Path replacement(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".replacing");
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

    Path scenarios() {
        return work().resolve("scenarios");
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

    /**
     * Checks {@code dir} against the mode and returns the folder this session writes: {@code dir}
     * itself, or (for {@code --force} over an existing sweep, and for resuming such a
     * replacement) its {@link #replacement}. Nothing is deleted before the journal locks show
     * that no other sweep is writing there, and nothing that crackdown did not write is deleted
     * at all.
     */
    static SweepFolder prepare(Path dir, Mode mode) throws RefusedException, IOException {
        if (dir.toAbsolutePath().normalize().getParent() == null) {
            throw new RefusedException("cannot use " + dir + " as a sweep folder: give a folder of its own, "
                    + "not the root of the file system");
        }
        boolean exists = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        if (exists && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException("cannot use " + dir + " as a sweep folder: it is not a folder");
        }
        boolean empty = !exists || OutputFolders.isEmpty(dir);
        SweepFolder here = new SweepFolder(dir);
        SweepFolder staged = new SweepFolder(replacement(dir));
        SweepFolder chosen = here;
        switch (mode) {
            case NEW -> {
                if (!empty) {
                    throw new RefusedException("output folder " + dir + " already exists; use --resume to continue "
                            + "the sweep in it, --force to replace it, or --out to choose another folder");
                }
            }
            case RESUME -> {
                if (staged.resumable()) {
                    chosen = staged;
                } else if (!empty && !here.resumable()) {
                    throw new RefusedException(here.whyNotResumable());
                }
            }
            case FORCE -> {
                if (Files.exists(staged.dir, LinkOption.NOFOLLOW_LINKS)) {
                    refuseIfBusy(staged.dir, dir);
                    refuseIfForeign(staged.dir, staged.dir);
                    OutputFolders.deleteTree(staged.dir); // an earlier replacement, abandoned: ours, idle
                }
                if (!empty) {
                    refuseIfBusy(dir, dir);
                    refuseIfForeign(dir, dir);
                    chosen = staged;
                }
            }
            default -> throw new AssertionError(mode);
        }
        if (Files.exists(chosen.dir, LinkOption.NOFOLLOW_LINKS)) {
            refuseIfBusy(chosen.dir, dir); // before writing anything there
        }
        Files.createDirectories(chosen.timeseriesParts());
        OutputFolders.claim(chosen.dir, KIND, OURS);
        return chosen;
    }

    /**
     * Puts the complete sweep built in {@code staged} in place of {@code dir}, if {@code dir}
     * still holds nothing but crackdown's files and no sweep is running in it.
     */
    static void replaceWith(Path staged, Path dir) throws RefusedException, IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                refuseIfForeign(dir, dir);
                refuseIfBusy(dir, dir);
            } catch (RefusedException e) {
                throw new RefusedException("the new sweep is complete in " + staged + ", but " + dir
                        + " cannot be replaced now: " + e.getMessage());
            }
        }
        OutputFolders.swap(staged, dir.toAbsolutePath().normalize());
    }

    /** Why --resume cannot continue in this (non-empty) folder, and what to do instead. */
    private String whyNotResumable() {
        if (Files.isRegularFile(sweepJson()) && Files.isRegularFile(runsCsv())) {
            return "cannot resume in " + dir + ": its journal (" + WORK + "/journal) is gone, so the runs done "
                    + "cannot be told apart, and the sweep in it is not complete for this sweep file (or sweep.json "
                    + "says otherwise); start again with --force (the old files stay until the new sweep is complete), "
                    + "or use --out for another folder";
        }
        return "cannot resume in " + dir + ": it holds no sweep that was started there (no " + WORK
                + "/journal); use --force to start again, or --out for another folder";
    }

    private static void refuseIfForeign(Path folder, Path shown) throws RefusedException, IOException {
        List<Path> foreign = OutputFolders.foreign(folder);
        if (!foreign.isEmpty()) {
            throw new RefusedException("refusing to replace " + shown + ": " + OutputFolders.notOurs(foreign)
                    + "; move those files away, or choose another folder with --out");
        }
    }

    /** Refuses if a sweep is running in {@code folder} or in a sweep folder inside it (its shards). */
    private static void refuseIfBusy(Path folder, Path shown) throws RefusedException, IOException {
        List<Path> journals;
        try (Stream<Path> s = Files.find(folder, 4, (p, a) -> a.isRegularFile() && p.getFileName().toString()
                .equals("journal") && p.getParent().getFileName().toString().equals(WORK))) {
            journals = s.toList();
        }
        for (Path j : journals) {
            if (Journal.inUse(j)) {
                throw new RefusedException("another crackdown sweep is writing to " + j.getParent().getParent()
                        + "; nothing in " + shown + " was touched. Wait for that sweep to finish, or stop it first");
            }
        }
    }

    /** Writes each scenario file of the plan into {@code .sweep/scenarios/} unless they are stored already. */
    void storeScenarios(Map<Path, byte[]> files) throws IOException {
        Path index = scenarios().resolve("index");
        if (Files.isRegularFile(index)) {
            return;
        }
        Files.createDirectories(scenarios());
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (Map.Entry<Path, byte[]> e : files.entrySet()) {
            String name = i++ + ".yaml";
            Files.write(scenarios().resolve(name), e.getValue());
            b.append(name).append('\t').append(sha256(e.getValue())).append('\t').append(e.getKey()).append('\n');
        }
        Path tmp = scenarios().resolve("index" + TMP);
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        OutputFolders.move(tmp, index);
    }

    /**
     * The scenario files stored when the sweep in {@code dir} (or the replacement being built
     * for it) started, by their original path; empty if none are stored, or if any copy is damaged.
     */
    public static Map<Path, byte[]> storedScenarios(Path dir) {
        SweepFolder staged = new SweepFolder(replacement(dir));
        SweepFolder f = staged.resumable() ? staged : new SweepFolder(dir);
        Map<Path, byte[]> out = new LinkedHashMap<>();
        Path index = f.scenarios().resolve("index");
        try {
            if (!Files.isRegularFile(index)) {
                return out;
            }
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] cells = line.split("\t", 3);
                if (cells.length != 3) {
                    return new LinkedHashMap<>();
                }
                byte[] bytes = Files.readAllBytes(f.scenarios().resolve(cells[0]));
                if (!sha256(bytes).equals(cells[1])) {
                    return new LinkedHashMap<>();
                }
                out.put(Path.of(cells[2]), bytes);
            }
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Moves {@code tmp} onto {@code target}, atomically where the file system allows. */
    static void replace(Path tmp, Path target) throws IOException {
        OutputFolders.move(tmp, target);
    }

    static boolean isEmpty(Path dir) {
        return OutputFolders.isEmpty(dir);
    }

    static void deleteTree(Path root) throws IOException {
        OutputFolders.deleteTree(root);
    }

    /** The files of this folder that are half-written when a write fails (e.g. disk full). */
    List<Path> temporaries() {
        List<Path> out = new ArrayList<>();
        for (String n : OURS) {
            if (n.endsWith(TMP)) {
                out.add(dir.resolve(n));
            }
        }
        return out;
    }
}
