package org.crackdown.output;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crackdown.format.CodeVersion;
import org.crackdown.format.FolderFiles;
import org.crackdown.format.Json;
import org.crackdown.scenario.ScenarioWriter;

/**
 * Writes run.json: how the folder came to be (scenario, seed, overrides, code version, machine,
 * wall-clock times). The only file that records the clock, so the CSVs stay byte-identical
 * between runs of the same scenario and seed. Written last: its presence marks a complete run.
 */
public final class RunManifest {

    public static final String FILE = FolderFiles.RUN_JSON;

    private RunManifest() {
    }

    public static void write(Path dir, RunRequest run, Instant started, Instant finished, long simulatedDays)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", run.runId());
        m.put("status", "completed");
        m.put("seed", run.seed());
        m.put("scenario_file", run.scenarioFile());
        m.put("scenario", ScenarioWriter.toMap(run.scenario()));
        m.put("overrides", run.overrides());
        m.put("code_version", CodeVersion.version());
        m.put("git_commit", CodeVersion.commit());
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("host", hostName());
        m.put("started", started.toString());
        m.put("finished", finished.toString());
        m.put("wall_clock_seconds", Duration.between(started, finished).toMillis() / 1000.0);
        m.put("simulated_days", simulatedDays);
        Json.write(dir.resolve(FILE), m);
    }

    /**
     * The provenance every run.json ends with: code version and commit, Java version, and the
     * clock (the only place the clock is written, so the other files stay byte-identical).
     */
    public static void putProvenance(Map<String, Object> m, Instant started, Instant finished) {
        m.put("code_version", CodeVersion.version());
        m.put("git_commit", CodeVersion.commit());
        m.put("java_version", System.getProperty("java.version"));
        m.put("started", started.toString());
        m.put("finished", finished.toString());
        m.put("wall_clock_seconds", Duration.between(started, finished).toMillis() / 1000.0);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return env != null && !env.isBlank() ? env : "unknown";
        }
    }
}
