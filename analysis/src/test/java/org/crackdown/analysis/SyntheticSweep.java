package org.crackdown.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep folder with values chosen by the test, so effects are known exactly: the baseline
 * varies a lot between replicates (as seeds do), strategies add a chosen shift plus small noise.
 */
final class SyntheticSweep {

    record Row(String strategy, int replicate, boolean ok, double women, double children, double officerYears) {
    }

    private final List<Row> rows = new ArrayList<>();

    SyntheticSweep add(String strategy, int replicate, double women, double children, double officerYears) {
        rows.add(new Row(strategy, replicate, true, women, children, officerYears));
        return this;
    }

    SyntheticSweep failed(String strategy, int replicate) {
        rows.add(new Row(strategy, replicate, false, Double.NaN, Double.NaN, Double.NaN));
        return this;
    }

    /** Between-replicate spread of the baseline (what common seeds cancel). */
    static double women(int r) {
        return 100 + 30 * Math.sin(r);
    }

    static double children(int r) {
        return 50 + 20 * Math.cos(r);
    }

    /** Small zero-sum-ish noise, different per strategy and replicate. */
    static double noise(int r, int salt) {
        return 0.8 * Math.sin(3.7 * r + salt);
    }

    Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            StringBuilder csv = new StringBuilder(
                    "run_id,point_id,strategy,replicate,seed,status,error,women_rescued,children_rescued,officer_years\n");
            for (Row r : rows) {
                csv.append(String.format(Locale.ROOT, "%s-%d,1,%s,%d,%d,%s,%s,%s,%s,%s%n", r.strategy(), r.replicate(),
                        r.strategy(), r.replicate(), 100 + r.replicate(), r.ok() ? "ok" : "failed",
                        r.ok() ? "" : "\"boom, it broke\"", num(r.women()), num(r.children()), num(r.officerYears())));
            }
            Files.writeString(dir.resolve("runs.csv"), csv.toString());
            Files.writeString(dir.resolve("datapackage.json"), """
                    {"profile": "tabular-data-package", "name": "synthetic",
                     "resources": [{"name": "runs", "path": "runs.csv", "schema": {"fields": [
                       {"name": "run_id", "type": "string", "role": "id"},
                       {"name": "point_id", "type": "integer", "role": "id"},
                       {"name": "strategy", "type": "string", "role": "id"},
                       {"name": "replicate", "type": "integer", "role": "id"},
                       {"name": "seed", "type": "integer", "role": "id"},
                       {"name": "status", "type": "string", "role": "id"},
                       {"name": "error", "type": "string", "role": "id"},
                       {"name": "women_rescued", "type": "number", "role": "measure", "unit": "victims"},
                       {"name": "children_rescued", "type": "number", "role": "measure", "unit": "victims"},
                       {"name": "officer_years", "type": "number", "role": "measure", "unit": "officer-years"}
                     ]}}]}
                    """);
            Files.writeString(dir.resolve("sweep.json"), "{\"name\": \"synthetic\", \"design\": \"grid\"}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
