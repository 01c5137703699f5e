package org.crackdown.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sweep files for tests: over the tiny test scenario, cut to three months at 1% scale, so runs take milliseconds. */
public final class SweepFiles {

    public static final Path TINY = Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath();

    /** set: for fast runs (base: tiny.yaml, one quarter at 1% scale). */
    public static final String FAST_SET = "set: {scale: 0.01, end: 2010-03-31, measure.from: 2010-01-01, "
            + "measure.to: 2010-03-31}\n";

    private SweepFiles() {
    }

    /** Writes {@code name}.yaml into {@code dir}: a base line, then {@code body}. */
    public static Path write(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, "name: " + name + "\nbase: " + TINY + "\n" + body, StandardCharsets.UTF_8);
        return f;
    }

    /** 2 points x 2 strategies x 3 replicates = 12 fast runs, with timeseries. */
    public static Path small(Path dir, String name) throws IOException {
        return write(dir, name, FAST_SET
                + "replicates: 3\n"
                + "vary:\n"
                + "  births.srb_shift: [0, 10]\n"
                + "strategies:\n"
                + "  baseline: {}\n"
                + "  double-police: {police.budget: 2}\n"
                + "keep_timeseries: true\n");
    }
}
