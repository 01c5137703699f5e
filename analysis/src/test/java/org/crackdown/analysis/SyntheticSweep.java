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
            Files.writeString(dir.resolve("datapackage.json"), datapackage("synthetic", List.of(),
                    List.of("women_rescued", "children_rescued", "officer_years:officer-years")));
            Files.writeString(dir.resolve("sweep.json"), "{\"name\": \"synthetic\", \"design\": \"grid\"}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sweep's datapackage.json: the id columns every sweep has, then varied parameters (numbers),
     * then measures, each "name" (unit victims) or "name:unit".
     */
    static String datapackage(String name, List<String> parameters, List<String> measures) {
        StringBuilder f = new StringBuilder();
        for (String id : List.of("run_id:string", "point_id:integer", "strategy:string", "replicate:integer",
                "seed:integer", "status:string", "error:string")) {
            String[] p = id.split(":");
            f.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"type\": \"%s\", \"role\": \"id\"},%n", p[0], p[1]));
        }
        for (String p : parameters) {
            f.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"type\": \"number\", \"role\": \"parameter\"},%n", p));
        }
        for (int i = 0; i < measures.size(); i++) {
            String[] m = (measures.get(i) + ":victims").split(":");
            f.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"type\": \"number\", \"role\": \"measure\", \"unit\": \"%s\"}%s%n",
                    m[0], m[1], i + 1 < measures.size() ? "," : ""));
        }
        return "{\"profile\": \"tabular-data-package\", \"name\": \"" + name + "\",\n"
                + " \"resources\": [{\"name\": \"runs\", \"path\": \"runs.csv\", \"schema\": {\"fields\": [\n" + f + "]}}]}\n";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
