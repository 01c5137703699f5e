package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.Run;
import org.crackdown.analysis.io.TimeSeries;
import org.crackdown.format.Role;

/**
 * The few measures the analysis knows by name: the headline results every crackdown output has,
 * the derived total of rescues, and cost-effectiveness. Everything else is taken from the
 * descriptors as it comes.
 */
public final class Measures {

    public static final String RESCUES = "rescues";
    public static final String WOMEN_RESCUED = "women_rescued";
    public static final String CHILDREN_RESCUED = "children_rescued";
    public static final String OFFICER_YEARS = "officer_years";
    public static final String COST_EFFECTIVENESS = "rescues_per_officer_year";

    /** Compared and plotted by default, in this order, when present. */
    static final List<String> HEADLINE = List.of(RESCUES, WOMEN_RESCUED, CHILDREN_RESCUED, "gangs_busted",
            "suspects_arrested", "cases_solved", "victims_trafficked", "buyers_prosecuted", COST_EFFECTIVENESS);

    private Measures() {
    }

    /** Adds {@code rescues} (and cost-effectiveness, if missing) to the runs and the series. */
    public static Experiment derive(Experiment e) {
        Experiment x = e;
        int w = x.measureIndex(WOMEN_RESCUED);
        int c = x.measureIndex(CHILDREN_RESCUED);
        if (w >= 0 && c >= 0 && x.measureIndex(RESCUES) < 0) {
            Field wf = x.measures().get(w);
            x = x.withMeasure(new Field(RESCUES, "number", Role.MEASURE, wf.unit(),
                    "Women and children rescued (women_rescued + children_rescued); derived by the analysis"),
                    r -> r.value(w) + r.value(c));
            x = x.timeSeries().map(ts -> withRescues(e, ts)).map(x::withTimeSeries).orElse(x);
        }
        int resc = x.measureIndex(RESCUES);
        int oy = x.measureIndex(OFFICER_YEARS);
        if (resc >= 0 && oy >= 0 && x.measureIndex(COST_EFFECTIVENESS) < 0) {
            x = x.withMeasure(new Field(COST_EFFECTIVENESS, "number", Role.MEASURE, "victims per officer-year",
                    "Women and children rescued per officer-year (rescues / officer_years); derived by the analysis"),
                    (Run r) -> r.value(oy) > 0 ? r.value(resc) / r.value(oy) : Double.NaN);
        }
        return x;
    }

    private static TimeSeries withRescues(Experiment e, TimeSeries ts) {
        int w = ts.measureIndex(WOMEN_RESCUED);
        int c = ts.measureIndex(CHILDREN_RESCUED);
        if (w < 0 || c < 0 || ts.measureIndex(RESCUES) >= 0) {
            return ts;
        }
        List<Field> ms = new ArrayList<>(ts.measures());
        ms.add(new Field(RESCUES, "number", Role.MEASURE, ts.measures().get(w).unit(),
                "Women and children rescued (women_rescued + children_rescued)"));
        var national = new java.util.LinkedHashMap<String, double[][]>();
        ts.national().forEach((run, a) -> {
            double[][] b = new double[a.length][];
            for (int t = 0; t < a.length; t++) {
                b[t] = java.util.Arrays.copyOf(a[t], a[t].length + 1);
                b[t][a[t].length] = a[t][w] + a[t][c];
            }
            national.put(run, b);
        });
        var prov = new java.util.LinkedHashMap<String, java.util.Map<String, double[]>>();
        ts.byProvince().forEach((run, m) -> {
            var m2 = new java.util.TreeMap<String, double[]>();
            m.forEach((p, v) -> {
                double[] v2 = java.util.Arrays.copyOf(v, v.length + 1);
                v2[v.length] = v[w] + v[c];
                m2.put(p, v2);
            });
            prov.put(run, m2);
        });
        return new TimeSeries(ts.months(), ms, national, prov);
    }

    /** The measures to compare: those asked for (checked), or the headline ones present, or all. */
    public static List<Field> select(Experiment e, List<String> asked) throws AnalysisInputException {
        List<Field> out = new ArrayList<>();
        if (!asked.isEmpty()) {
            for (String name : new LinkedHashSet<>(asked)) {
                out.add(require(e, name, "--metric"));
            }
            return out;
        }
        for (String name : HEADLINE) {
            e.measure(name).ifPresent(out::add);
        }
        return out.isEmpty() ? e.measures() : out;
    }

    public static Field require(Experiment e, String name, String option) throws AnalysisInputException {
        return e.measure(name).orElseThrow(() -> new AnalysisInputException(option + " " + name
                + ": no such measure; available: " + String.join(", ", e.measures().stream().map(Field::name).toList())));
    }
}
