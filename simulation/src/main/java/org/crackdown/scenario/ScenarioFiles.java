package org.crackdown.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlFiles;

/**
 * Place the scenario loader gets the bytes of a scenario file and of the files it extends.
 * Normally from disk, each time. A {@link #snapshot()} reads each file once and then always
 * gives the same bytes: a sweep loads its base scenario for every run, and an edit of the base
 * (or a {@code git pull}) during the sweep must not change the runs still to come.
 */
public final class ScenarioFiles {

    private final Map<Path, byte[]> kept;

    private ScenarioFiles(Map<Path, byte[]> kept) {
        this.kept = kept;
    }

    /** Reads every file from disk on every load. */
    public static ScenarioFiles fromDisk() {
        return new ScenarioFiles(null);
    }

    /** Reads each file from disk the first time it is needed and keeps its bytes from then on. */
    public static ScenarioFiles snapshot() {
        return new ScenarioFiles(new LinkedHashMap<>());
    }

    /**
     * A snapshot taken earlier (e.g. stored with a sweep): these files are never read from disk;
     * any other file is read once and kept.
     */
    public static ScenarioFiles of(Map<Path, byte[]> files) {
        Map<Path, byte[]> kept = new LinkedHashMap<>();
        files.forEach((p, b) -> kept.put(key(p), b.clone()));
        return new ScenarioFiles(kept);
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    synchronized boolean holds(Path file) {
        return kept != null && kept.containsKey(key(file));
    }

    synchronized byte[] bytes(Path file) throws IOException {
        if (kept == null) {
            return YamlFiles.readBytes(file);
        }
        byte[] b = kept.get(key(file));
        if (b == null) {
            b = YamlFiles.readBytes(file);
            kept.put(key(file), b);
        }
        return b;
    }

    /** The files kept so far, by absolute path, in the order they were first read (empty when reading from disk). */
    public synchronized Map<Path, byte[]> files() {
        return kept == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kept));
    }
}
