package org.crackdown.sweep;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crackdown.format.Column;
import org.crackdown.format.DataPackages;
import org.crackdown.format.FolderFiles;
import org.crackdown.model.Metrics;
import org.crackdown.model.ParamSpec;
import org.crackdown.output.CsvNumbers;
import org.crackdown.output.Table;

/**
 * The columns of runs.csv and timeseries.csv of a sweep, how a row is written, and how the data
 * package describes them. Every column has a {@code role}: {@code id} (which run, its seed and
 * outcome), {@code parameter} (a varied scenario key) or {@code measure} (a model result), which
 * is how the analysis module tells inputs from outputs without knowing the model.
 */
public final class RunsTable {

    public static final String RUNS = FolderFiles.RUNS;
    public static final String TIMESERIES = FolderFiles.TIMESERIES;
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** As the run folders' CSVs: RFC 4180, {@code \n} line ends, quotes only where needed. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /** Columns that identify a run (both files start with them). */
    static final List<String> RUN_KEYS = List.of("run_id", "point_id", "strategy", "replicate", "seed");
    /** Columns of a sweep over posterior draws: the draw's number and the posterior.csv particle it took. */
    public static final String DRAW = "draw";
    public static final String PARTICLE = "particle";

    private final SweepPlan plan;
    private final List<String> summaryColumns;

    public RunsTable(SweepPlan plan) {
        this.plan = plan;
        this.summaryColumns = Metrics.summaryColumns().stream().map(Metrics.Column::name).toList();
    }

    public List<String> runsHeader() {
        List<String> h = new ArrayList<>(RUN_KEYS);
        h.add("status");
        h.add("error");
        if (!scaleVaried()) {
            h.add(Table.SCALE.name());
        }
        if (posterior() != null) {
            h.add(DRAW);
            h.add(PARTICLE);
        }
        h.addAll(plan.spec().varyKeys());
        h.addAll(summaryColumns);
        return h;
    }

    public List<String> timeseriesHeader() {
        List<String> h = new ArrayList<>(RUN_KEYS);
        h.addAll(timeseriesFields().stream().map(Column::name).toList());
        return h;
    }

    /** The run folder's timeseries columns after run_id and seed: date, province, measures. */
    static List<Column> timeseriesFields() {
        List<Column> f = Table.TIMESERIES.fields();
        return f.subList(2, f.size());
    }

    /** The cells that start every row of either file for this run. */
    static List<String> keyCells(SweepRun run) {
        return List.of(run.runId(), run.pointId(), run.strategyName(), Integer.toString(run.replicate()),
                Long.toString(run.seed()));
    }

    /**
     * One runs.csv line (without its line end). {@code summary} is null for a failed run, whose
     * measure cells stay empty; {@code error} is then its one-line message.
     */
    public String runsRow(SweepRun run, Map<String, Double> summary, String error) {
        List<String> cells = new ArrayList<>(keyCells(run));
        cells.add(summary != null ? COMPLETED : FAILED);
        cells.add(summary != null ? "" : oneLine(error));
        if (!scaleVaried()) {
            cells.add(CsvNumbers.format(plan.scale(run)));
        }
        if (posterior() != null) {
            cells.add(Integer.toString(run.point() + 1));
            cells.add(posterior().particleOf(run.point()));
        }
        for (Object v : plan.points().get(run.point())) {
            cells.add(ParamSpec.format(v));
        }
        for (String c : summaryColumns) {
            cells.add(summary == null ? "" : CsvNumbers.format(summary.getOrDefault(c, Double.NaN)));
        }
        return line(cells);
    }

    private PosteriorDraws posterior() {
        return plan.spec().posterior();
    }

    /** A varied scale is already a parameter column; otherwise runs.csv says each run's scale in its own. */
    private boolean scaleVaried() {
        return plan.spec().varyKeys().contains(Table.SCALE.name());
    }

    static String line(List<String> cells) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            p.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        String s = w.toString();
        return s.substring(0, s.length() - 1);
    }

    /** Error messages go into one CSV cell and one journal line: no line breaks, bounded length. */
    static String oneLine(String message) {
        String s = message == null || message.isBlank() ? "failed" : message.replaceAll("\\s+", " ").trim();
        return s.length() > 500 ? s.substring(0, 497) + "..." : s;
    }

    // ------------------------------------------------------------------ data package

    /** datapackage.json of a sweep folder: no time stamp, so merging shards twice gives the same file. */
    public Map<String, Object> dataPackage() {
        SweepSpec spec = plan.spec();
        Map<String, Object> pkg = DataPackages.head("crackdown-sweep-" + spec.name(),
                "crackdown sweep " + spec.name() + " (base scenario " + plan.base().name() + ")", spec.description());
        List<Object> resources = new ArrayList<>();
        resources.add(resource("runs", RUNS, "One row per run of the sweep, in canonical order (design point, "
                + "strategy, replicate): its parameters and its results over the measure window", runsFields(),
                List.of("run_id")));
        if (spec.keepTimeseries()) {
            List<Map<String, Object>> f = new ArrayList<>(keyFields());
            for (Column t : timeseriesFields()) {
                f.add(t.field());
            }
            resources.add(resource("timeseries", TIMESERIES, "One row per completed run, month and province, "
                    + "runs in canonical order", f, List.of("run_id", "date", "province")));
        }
        pkg.put("resources", resources);
        return pkg;
    }

    private List<Map<String, Object>> runsFields() {
        List<Map<String, Object>> f = new ArrayList<>(keyFields());
        f.add(field("status", "string", "category", "completed, or failed (then the measures are empty and error "
                + "says why)", "id"));
        f.add(field("error", "string", "text", "Why the run failed, in one line; empty for a completed run", "id"));
        if (!scaleVaried()) {
            f.add(Table.SCALE.field());
        }
        if (posterior() != null) {
            f.add(field(DRAW, "integer", "identifier", "Posterior draw, from 1 (the same as the design point): the "
                    + "parameter set every strategy and replicate of this draw ran with", "id"));
            f.add(field(PARTICLE, "string", "identifier", "The particle of " + posterior().file().getFileName()
                    + " this draw took (drawn by weight, with replacement: a heavy particle may be drawn twice)", "id"));
        }
        for (Dimension d : plan.spec().vary()) {
            ParamSpec s = d.spec();
            Map<String, Object> m = field(s.key(), switch (s.kind()) {
                case NUMBER -> "number";
                case INTEGER -> "integer";
                case BOOLEAN -> "boolean";
                case CHOICE -> "string";
            }, s.unit(), s.doc() + (d.form() == Dimension.Form.POSTERIOR ? " (drawn from the posterior; allowed: "
                    : " (varied by the sweep; allowed: ") + s.allowed() + ")", "parameter");
            Map<String, Object> c = new LinkedHashMap<>();
            if (s.kind() == ParamSpec.Kind.CHOICE) {
                c.put("enum", s.choices());
            } else if (s.kind() != ParamSpec.Kind.BOOLEAN) {
                c.put("minimum", s.kind() == ParamSpec.Kind.INTEGER ? (Object) (long) s.min() : (Object) s.min());
                c.put("maximum", s.kind() == ParamSpec.Kind.INTEGER ? (Object) (long) s.max() : (Object) s.max());
            }
            if (!c.isEmpty()) {
                m.put("constraints", c);
            }
            f.add(m);
        }
        Map<String, Column> summaryFields = new LinkedHashMap<>();
        Table.SUMMARY.fields().forEach(t -> summaryFields.put(t.name(), t));
        for (Metrics.Column c : Metrics.summaryColumns()) {
            Column t = summaryFields.get(c.name());
            f.add(field(c.name(), t == null ? "number" : t.type().json(), c.unit(), c.doc(), "measure"));
        }
        return f;
    }

    private static List<Map<String, Object>> keyFields() {
        return List.of(
                field("run_id", "string", "identifier", "Run identifier: point, strategy and replicate, like "
                        + "p0003-double-police-r07", "id"),
                field("point_id", "string", "identifier", "Design point: one combination of the varied parameters",
                        "id"),
                field("strategy", "string", "name", "Strategy: a named set of overrides from the sweep file", "id"),
                field("replicate", "integer", "count", "Replicate number, from 1", "id"),
                field("seed", "integer", "identifier", "Seed of the run's random number generator; rerunning the "
                        + "point's scenario with this seed gives the same row", "id"));
    }

    private static Map<String, Object> field(String name, String type, String unit, String description, String role) {
        return DataPackages.field(name, type, unit, description, role);
    }

    private static Map<String, Object> resource(String name, String path, String description,
                                                List<Map<String, Object>> fields, List<String> primaryKey) {
        return DataPackages.resource(name, path, description, fields, primaryKey);
    }
}
