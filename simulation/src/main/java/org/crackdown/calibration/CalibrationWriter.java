package org.crackdown.calibration;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crackdown.format.CodeVersion;
import org.crackdown.format.Json;
import org.crackdown.model.ParamSpec;
import org.crackdown.output.CsvNumbers;
import org.crackdown.output.RunManifest;

/**
 * The files of a calibration folder: evaluations.csv (written as the search goes), fit.csv and
 * fit.json (the result), fitted.yaml (the calibrated scenario), targets.yaml (the targets file
 * as given) and run.json (provenance, written last; the only file with clock times, so the others
 * are identical whenever the calibration is repeated).
 */
public final class CalibrationWriter {

    public static final String EVALUATIONS = "evaluations.csv";
    public static final String FIT_CSV = "fit.csv";
    public static final String FIT_JSON = "fit.json";
    public static final String FITTED = "fitted.yaml";
    public static final String TARGETS = "targets.yaml";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private CalibrationWriter() {
    }

    /** evaluations.csv, one row per evaluation as it completes. */
    public static final class EvaluationsCsv implements Closeable {
        private final CSVPrinter printer;
        private boolean closed;

        public EvaluationsCsv(Path dir, CalibrationSpec spec) throws IOException {
            BufferedWriter w = Files.newBufferedWriter(dir.resolve(EVALUATIONS), StandardCharsets.UTF_8);
            printer = new CSVPrinter(w, FORMAT);
            List<String> header = new ArrayList<>();
            header.add("evaluation");
            spec.free().forEach(f -> header.add(f.key()));
            for (Target t : spec.targets()) {
                header.add(t.column() + "_mean");
                header.add(t.column() + "_sd");
            }
            header.add("loss");
            printer.printRecord(header);
        }

        public void add(Evaluation e) throws IOException {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(e.index()));
            for (double v : e.values()) {
                row.add(CsvNumbers.format(v));
            }
            for (TargetResult r : e.results()) {
                row.add(CsvNumbers.format(r.mean()));
                row.add(CsvNumbers.format(r.sd()));
            }
            row.add(CsvNumbers.format(e.loss()));
            printer.printRecord(row);
            printer.flush();
        }

        /** Flushes and closes; safe to call again. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                printer.close(true);
            }
        }
    }

    /** fit.csv and fit.json: the fitted values and how the fitted scenario does on every target. */
    public static void writeFit(Path dir, CalibrationSpec spec, Calibration.Outcome outcome) throws IOException {
        Evaluation fit = outcome.fitted();
        double[] values = fit.values();
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(dir.resolve(FIT_CSV), StandardCharsets.UTF_8),
                FORMAT)) {
            p.printRecord("kind", "name", "value", "sd", "ci95_low", "ci95_high", "target", "min", "max", "tolerance",
                    "within", "source");
            for (int i = 0; i < values.length; i++) {
                FreeParameter f = spec.free().get(i);
                p.printRecord("parameter", f.key(), ParamSpec.format(values[i]), "", "", "", "",
                        ParamSpec.format(f.min()), ParamSpec.format(f.max()), "", "",
                        f.log() ? "calibrated (log scale)" : "calibrated");
            }
            for (TargetResult r : fit.results()) {
                Target t = r.target();
                double h = r.ciHalfWidth();
                p.printRecord("target", t.column(), CsvNumbers.format(r.mean()), CsvNumbers.format(r.sd()),
                        CsvNumbers.format(r.mean() - h), CsvNumbers.format(r.mean() + h), CsvNumbers.format(t.value()),
                        CsvNumbers.format(t.min()), CsvNumbers.format(t.max()), CsvNumbers.format(t.tolerance()),
                        Boolean.toString(r.within()), t.source());
            }
            p.printRecord("loss", "loss", CsvNumbers.format(fit.loss()), "", "", "", "", "", "", "", "", "");
        }
        Json.write(dir.resolve(FIT_JSON), fitJson(spec, outcome));
    }

    static Map<String, Object> fitJson(CalibrationSpec spec, Calibration.Outcome outcome) {
        Evaluation fit = outcome.fitted();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("evaluation", fit.index());
        m.put("loss", fit.loss());
        m.put("all_within", fit.allWithin());
        Map<String, Object> params = new LinkedHashMap<>();
        double[] values = fit.values();
        double[] unrounded = outcome.best().values();
        for (int i = 0; i < values.length; i++) {
            FreeParameter f = spec.free().get(i);
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("value", values[i]);
            pm.put("best_evaluated", unrounded[i]);
            pm.put("min", f.min());
            pm.put("max", f.max());
            pm.put("log", f.log());
            params.put(f.key(), pm);
        }
        m.put("parameters", params);
        Map<String, Object> targets = new LinkedHashMap<>();
        for (TargetResult r : fit.results()) {
            Target t = r.target();
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("mean", finite(r.mean()));
            tm.put("sd", finite(r.sd()));
            tm.put("n", r.n());
            // With fewer than two values there is no spread to build an interval from: null, not made up.
            double h = r.ciHalfWidth();
            tm.put("ci95", Double.isFinite(h) && Double.isFinite(r.mean())
                    ? List.of(r.mean() - h, r.mean() + h) : null);
            if (t.isPoint()) {
                tm.put("value", t.value());
                tm.put("tolerance", t.tolerance());
            } else {
                tm.put("min", t.min());
                tm.put("max", t.max());
            }
            tm.put("within", r.within());
            tm.put("scored", r.scored());
            tm.put("loss", r.loss());
            if (!t.readsItsColumn()) {
                tm.put("reads", t.readingText());
            }
            tm.put("source", t.source());
            targets.put(t.column(), tm);
        }
        m.put("targets", targets);
        m.put("best_search_evaluation", outcome.best().index());
        m.put("best_search_loss", outcome.best().loss());
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * fitted.yaml: a scenario that extends the calibrated one and sets the values the targets file
     * fixed (its {@code set}, except the scale) and the fitted values, so that
     * {@code crackdown run fitted.yaml} runs the calibrated model (at full scale unless told otherwise).
     *
     * @param finalDir where the folder will live once committed (the {@code extends} path is relative to it)
     */
    public static void writeFitted(Path dir, Path finalDir, CalibrationSpec spec, List<String> extraSets,
                                   String scenarioName, Evaluation fit, long[] seeds) throws IOException {
        List<String> fixed = new ArrayList<>(spec.sets());
        fixed.addAll(extraSets);
        Path base = finalDir.toAbsolutePath().normalize().relativize(spec.scenario().toAbsolutePath().normalize());
        StringBuilder b = new StringBuilder();
        b.append("# The scenario ").append(scenarioName).append(" with the values fitted by\n");
        b.append("#   crackdown calibrate ").append(spec.file().toString().replace('\\', '/')).append('\n');
        b.append("# (loss ").append(CsvNumbers.format(fit.loss())).append(", evaluation ").append(fit.index())
                .append("; see fit.csv), and the values fixed for the fit. The fit ran with these overrides:");
        if (fixed.isEmpty()) {
            b.append(" none");
        }
        b.append('\n');
        for (String s : fixed) {
            b.append("#   --set ").append(s).append('\n');
        }
        b.append("# and seeds ").append(seeds[0]).append(seeds.length > 1 ? ".." + seeds[seeds.length - 1] : "")
                .append("; e.g. crackdown run fitted.yaml")
                .append(fixed.stream().map(s -> " --set " + s).reduce("", String::concat))
                .append(" --seed ").append(seeds[0]).append(" repeats its first replicate.\n");
        b.append("name: ").append(scenarioName).append("-calibrated\n");
        b.append("extends: ").append(base.toString().replace('\\', '/')).append('\n');
        // Values fixed for the fit (targets file, then command line) are part of the calibrated model.
        Map<String, String> kept = new LinkedHashMap<>();
        for (String s : fixed) {
            int eq = s.indexOf('=');
            String key = s.substring(0, eq).trim();
            // The scale is how fast the fit ran, name and seed label runs: none is part of the model.
            boolean free = spec.free().stream().anyMatch(f -> f.key().equals(key));
            if (!free && !List.of("scale", "name", "seed").contains(key)) {
                kept.remove(key); // the last override of a key wins, as in the runs
                kept.put(key, s.substring(eq + 1).trim());
            }
        }
        kept.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        double[] values = fit.values();
        for (int i = 0; i < values.length; i++) {
            b.append(spec.free().get(i).key()).append(": ").append(ParamSpec.format(values[i])).append('\n');
        }
        Files.writeString(dir.resolve(FITTED), b.toString(), StandardCharsets.UTF_8);
    }

    /** A copy of the targets file, so the folder says what was fitted even if the file changes later. */
    public static void copyTargets(Path dir, CalibrationSpec spec) throws IOException {
        Files.copy(spec.file(), dir.resolve(TARGETS));
    }

    /** What every calibration folder's run.json starts with (a fit's and a posterior's alike). */
    static Map<String, Object> manifestHead(String kind, CalibrationSpec spec, String scenarioName, List<String> overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", spec.name());
        m.put("status", "completed");
        m.put("targets_file", spec.file().toString());
        m.put("scenario_file", spec.scenario().toString());
        m.put("scenario", scenarioName);
        m.put("set", spec.sets());
        m.put("command_line_overrides", overrides);
        m.put("scale_counts", spec.scaleCounts());
        m.put("replicates", spec.replicates());
        return m;
    }

    /**
     * run.json: provenance, named like a run folder's (the folder is written, and replaced with
     * {@code --force}, through {@link org.crackdown.output.RunFolder}).
     */
    public static void writeManifest(Path dir, CalibrationSpec spec, String scenarioName, int threads,
                                     List<String> overrides, Calibration.Outcome outcome, Instant started,
                                     Instant finished) throws IOException {
        Map<String, Object> m = manifestHead("calibration", spec, scenarioName, overrides);
        m.put("seeds", spec.seeds(spec.replicates()));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("method", spec.optimizer().method().spelling());
        o.put("max_evaluations", spec.optimizer().maxEvaluations());
        o.put("seed", spec.optimizer().seed());
        o.put("sigma", spec.optimizer().sigma());
        m.put("optimizer", o);
        m.put("evaluations", outcome.evaluations().size());
        m.put("final_loss", outcome.fitted().loss());
        m.put("threads", threads);
        m.put("code_version", CodeVersion.version());
        m.put("git_commit", CodeVersion.commit());
        m.put("java_version", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("started", started.toString());
        m.put("finished", finished.toString());
        m.put("wall_clock_seconds", Duration.between(started, finished).toMillis() / 1000.0);
        Json.write(dir.resolve(RunManifest.FILE), m);
    }
}
