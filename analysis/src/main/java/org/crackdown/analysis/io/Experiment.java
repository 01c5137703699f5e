package org.crackdown.analysis.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from the input folders, in one shape whether it came from a sweep folder or
 * from several run folders: runs with their design coordinates and summary measures, the
 * optional monthly series and flows, and provenance for the report.
 */
public final class Experiment {

    /** What the input folders were. */
    public enum Source { SWEEP, RUN_FOLDERS }

    private final Source source;
    private final List<Path> inputs;
    private final String name;
    private final List<Field> parameters;
    private final List<Field> measures;
    private final List<Run> runs;
    private final String designKind;
    private final Map<String, String> provenance;
    private final List<Map<String, String>> runRecords;
    private final TimeSeries timeSeries;
    private final Flows flows;
    private final String measureFrom;
    private final String measureTo;
    private final List<String> notes;

    public Experiment(Source source, List<Path> inputs, String name, List<Field> parameters, List<Field> measures,
            List<Run> runs, String designKind, Map<String, String> provenance, List<Map<String, String>> runRecords,
            TimeSeries timeSeries, Flows flows, String measureFrom, String measureTo) {
        this(source, inputs, name, parameters, measures, runs, designKind, provenance, runRecords, timeSeries, flows,
                measureFrom, measureTo, List.of());
    }

    private Experiment(Source source, List<Path> inputs, String name, List<Field> parameters, List<Field> measures,
            List<Run> runs, String designKind, Map<String, String> provenance, List<Map<String, String>> runRecords,
            TimeSeries timeSeries, Flows flows, String measureFrom, String measureTo, List<String> notes) {
        this.notes = List.copyOf(notes);
        this.source = source;
        this.inputs = List.copyOf(inputs);
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.measures = List.copyOf(measures);
        this.runs = List.copyOf(runs);
        this.designKind = designKind;
        this.provenance = provenance;
        this.runRecords = runRecords;
        this.timeSeries = timeSeries;
        this.flows = flows;
        this.measureFrom = measureFrom;
        this.measureTo = measureTo;
    }

    public Source source() { return source; }
    public List<Path> inputs() { return inputs; }
    public String name() { return name; }
    public List<Field> parameters() { return parameters; }
    public List<Field> measures() { return measures; }
    public List<Run> runs() { return runs; }
    /** grid, lhs, sobol, ... as sweep.json says; null when not said. */
    public String designKind() { return designKind; }
    /** Flattened sweep.json (or common run.json facts), key to text, in file order. */
    public Map<String, String> provenance() { return provenance; }
    /** One entry per run folder (run-folder input only). */
    public List<Map<String, String>> runRecords() { return runRecords; }
    public Optional<TimeSeries> timeSeries() { return Optional.ofNullable(timeSeries); }
    public Optional<Flows> flows() { return Optional.ofNullable(flows); }
    /** First day of the measure window, if known (ISO date). */
    public Optional<String> measureFrom() { return Optional.ofNullable(measureFrom); }
    public Optional<String> measureTo() { return Optional.ofNullable(measureTo); }
    /** What reading the inputs changed or could not tell, for the report (e.g. strategies split by scale). */
    public List<String> notes() { return notes; }

    /**
     * The scales a strategy's runs simulated, in order of first appearance, as text ("0.05");
     * "unknown" for runs whose input does not say.
     */
    public List<String> scalesOf(String strategy) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        runs.stream().filter(r -> r.strategy().equals(strategy)).forEach(r -> s.add(Scales.text(r.scale())));
        return List.copyOf(s);
    }

    /** Every scale among the runs, as {@link #scalesOf}. */
    public List<String> scales() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        runs.forEach(r -> s.add(Scales.text(r.scale())));
        return List.copyOf(s);
    }

    public int measureIndex(String measure) {
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).name().equals(measure)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Field> measure(String measure) {
        int i = measureIndex(measure);
        return i < 0 ? Optional.empty() : Optional.of(measures.get(i));
    }

    /** Strategies in order of first appearance. */
    public List<String> strategies() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        runs.forEach(r -> s.add(r.strategy()));
        return List.copyOf(s);
    }

    /** Design points in order of first appearance. */
    public List<String> points() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        runs.forEach(r -> s.add(r.pointId()));
        return List.copyOf(s);
    }

    /** Parameter values of each design point (from its first run). */
    public Map<String, Map<String, String>> pointParameters() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        runs.forEach(r -> m.putIfAbsent(r.pointId(), r.parameters()));
        return m;
    }

    /** A copy with one more measure per run, computed from each run's other values. */
    public Experiment withMeasure(Field field, java.util.function.ToDoubleFunction<Run> value) {
        List<Field> ms = new ArrayList<>(measures);
        ms.add(field);
        List<Run> rs = new ArrayList<>(runs.size());
        for (Run r : runs) {
            double[] v = java.util.Arrays.copyOf(r.values(), r.values().length + 1);
            v[v.length - 1] = r.ok() ? value.applyAsDouble(r) : Double.NaN;
            rs.add(new Run(r.runId(), r.pointId(), r.strategy(), r.replicate(), r.seed(), r.ok(), r.error(),
                    r.parameters(), v, r.scale()));
        }
        return new Experiment(source, inputs, name, parameters, ms, rs, designKind, provenance, runRecords, timeSeries,
                flows, measureFrom, measureTo, notes);
    }

    /** A copy with a different time series (e.g. with derived columns). */
    public Experiment withTimeSeries(TimeSeries ts) {
        return new Experiment(source, inputs, name, parameters, measures, runs, designKind, provenance, runRecords, ts,
                flows, measureFrom, measureTo, notes);
    }

    /** A copy with other runs (same measures) and one more note. */
    Experiment withRuns(List<Run> rs, String note) {
        List<String> ns = new ArrayList<>(notes);
        ns.add(note);
        return new Experiment(source, inputs, name, parameters, measures, rs, designKind, provenance, runRecords,
                timeSeries, flows, measureFrom, measureTo, ns);
    }
}
