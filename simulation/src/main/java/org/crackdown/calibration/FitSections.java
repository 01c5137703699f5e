package org.crackdown.calibration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Metrics;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.outcome.NationalMonths;
import org.crackdown.outcome.Output;
import org.crackdown.scenario.Problem;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The sections of a targets file that say what is fitted and against what: {@code targets:}
 * (summary columns with a published point or range, and its source) and {@code free:} (the
 * parameters to fit, within bounds). A new section of the same kind (e.g. priors on the free
 * parameters) goes here: a method reading its entries with {@link YamlReader}, called from
 * {@link TargetsReader}.
 */
final class FitSections {

    static final List<String> TARGET_KEYS = List.of("value", "tolerance", "min", "max", "source", "national_only",
            "output", "from", "to");
    static final List<String> FREE_KEYS = List.of("min", "max", "log", "start", "prior");
    static final List<String> PRIOR_KEYS = List.of("distribution", "min", "max", "mean", "sd", "source");

    private final YamlReader r;
    private final List<Problem> problems;
    /** The prior of each free parameter {@link #free} returned, in the same order. */
    private final List<Prior> priors = new ArrayList<>();

    FitSections(YamlReader r) {
        this.r = r;
        this.problems = r.problems();
    }

    List<Target> targets(Entry section) {
        MappingNode m = r.nonEmptyMap(section.value(), "targets", "a map of summary columns to targets (like "
                + "women_rescued: {value: 15458, tolerance: 0.1, source: \"...\"})");
        if (m == null) {
            return List.of();
        }
        Keys columns = new Keys(Metrics.summaryColumns().stream().map(Metrics.Column::name).toList(),
                "summary column");
        List<Target> out = new ArrayList<>();
        for (Entry t : r.unique(m, "targets")) {
            String column = t.path();
            Node v = t.value();
            if (!(v instanceof MappingNode tm)) {
                if (columns.isLeaf(column)) {
                    problems.add(at(v).problem("targets: " + column + ": expected {value, tolerance, source} or "
                            + "{min, max, source}, got " + what(v)));
                } else {
                    problems.add(at(t.key()).problem("targets: " + columns.unknownKey(column, "")
                            + " (or give the target an 'output' saying what it reads)"));
                }
                continue;
            }
            String where = "targets: " + column;
            Map<String, Entry> k = r.entries(tm, where, new Keys(TARGET_KEYS));
            boolean named = k.containsKey("output") || k.containsKey("from") || k.containsKey("to");
            if (named && !column.matches("[a-z][a-z0-9_]*")) {
                problems.add(at(t.key()).problem("targets: '" + column + "': a target's name is lower-case letters, "
                        + "digits and '_', starting with a letter (like rescued_2000_2007)"));
                continue;
            }
            if (!named && !columns.isLeaf(column)) {
                problems.add(at(t.key()).problem("targets: " + columns.unknownKey(column, "")
                        + " (or give the target an 'output' saying what it reads)"));
                continue;
            }
            // Null after a problem; the rest of the entry is still read, so every problem is reported at once.
            Reading reading = reading(k, tm, column, columns, where);
            String source = null;
            if (k.containsKey("source")) {
                source = text(k.get("source").value(), where + ": source");
                if (source != null && source.isBlank()) {
                    problems.add(at(k.get("source").value()).problem(where
                            + ": source: name where the figure comes from"));
                    source = null;
                }
            } else {
                problems.add(at(t.key()).problem(where + ": missing 'source' (where the figure comes from, "
                        + "like \"china-facts.md s1 (MPS 2012)\")"));
            }
            boolean nationalOnly = k.containsKey("national_only")
                    && bool(k.get("national_only").value(), where + ": national_only", false);
            boolean point = k.containsKey("value") || k.containsKey("tolerance");
            boolean range = k.containsKey("min") || k.containsKey("max");
            if (point && range) {
                problems.add(at(t.key()).problem(where + ": give either value and tolerance (a point target) "
                        + "or min and max (a range), not both"));
                continue;
            }
            if (point) {
                Double value = need(k, "value", tm, where, "the published figure");
                Double tol = need(k, "tolerance", tm, where, "the accepted relative error, like 0.1 for ±10%");
                if (value != null && value == 0) {
                    problems.add(at(k.get("value").value()).problem(where + ": value: a point target needs a "
                            + "non-zero value (its tolerance is relative); use min and max for a range around 0"));
                    value = null;
                }
                if (tol != null && !(tol > 0 && tol <= 10)) {
                    problems.add(at(k.get("tolerance").value()).problem(where + ": tolerance: expected a "
                            + "relative error above 0 and at most 10 (0.1 = ±10%), got " + num(tol)));
                    tol = null;
                }
                if (value != null && tol != null && source != null && reading != null) {
                    out.add(reading.apply(Target.point(column, value, tol, source).nationalOnly(nationalOnly)));
                }
            } else if (range) {
                Double lo = need(k, "min", tm, where, "the low end of the published range");
                Double hi = need(k, "max", tm, where, "the high end of the published range");
                if (lo != null && hi != null && !(lo < hi)) {
                    problems.add(at(k.get("max").value()).problem(where + ": max must be above min, got min "
                            + num(lo) + " and max " + num(hi)));
                } else if (lo != null && hi != null && source != null && reading != null) {
                    out.add(reading.apply(Target.range(column, lo, hi, source).nationalOnly(nationalOnly)));
                }
            } else {
                problems.add(at(t.key()).problem(where + ": expected value and tolerance (a point target) or "
                        + "min and max (a range)"));
            }
        }
        return out;
    }

    /** What a target reads: its output (default: its own column) and its months (default: the measure window). */
    private record Reading(Output output, YearMonth from, YearMonth to) {
        Target apply(Target t) {
            return t.reading(output, from, to);
        }
    }

    /**
     * {@code output: women_rescued+children_rescued} (a sum, difference or ratio of summary columns, as
     * in patterns.csv) and {@code from: 2000-01, to: 2007-12} (months of the run other than the
     * measure window; counts and prices only, which the run keeps by month). A target that reads
     * anything but its own column must not be named after a column, so that its value never stands in
     * for the column's. Null after reporting a problem.
     */
    private Reading reading(Map<String, Entry> k, MappingNode tm, String name, Keys columns, String where) {
        int before = problems.size();
        Output output = null;
        if (k.containsKey("output")) {
            String text = text(k.get("output").value(), where + ": output");
            if (text != null) {
                try {
                    output = Output.parse(text);
                    for (String c : output.columns()) {
                        if (!columns.isLeaf(c)) {
                            problems.add(at(k.get("output").value()).problem(where + ": output: "
                                    + columns.unknownKey(c, "")));
                        }
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at(k.get("output").value()).problem(where + ": output: " + e.getMessage()));
                }
            }
        } else if (columns.isLeaf(name)) {
            output = Output.parse(name);
        } else {
            problems.add(at(tm).problem(where + ": '" + name + "' is not a summary column, so say what the target "
                    + "reads with 'output' (like output: women_rescued+children_rescued)"));
        }
        YearMonth from = month(k, "from", where);
        YearMonth to = month(k, "to", where);
        if (k.containsKey("from") != k.containsKey("to")) {
            problems.add(at(tm).problem(where + ": give both 'from' and 'to' (the first and last month read, like "
                    + "from: 2000-01, to: 2007-12), or neither for the scenario's measure window"));
        } else if (from != null && to != null && from.isAfter(to)) {
            problems.add(at(k.get("to").value()).problem(where + ": to: " + to + " is before from: " + from));
        }
        if (output != null && k.containsKey("from")) {
            for (String c : output.columns()) {
                if (columns.isLeaf(c) && !NationalMonths.byMonth(c)) {
                    problems.add(at(k.get("from").value()).problem(where + ": " + c + " is kept only over the "
                            + "scenario's measure window, not by month (only counts and prices are); drop from and "
                            + "to, or set the scenario's measure window"));
                }
            }
        }
        if ((k.containsKey("output") || k.containsKey("from")) && columns.isLeaf(name)) {
            problems.add(at(tm).problem(where + ": a target that reads more than its own column needs a name "
                    + "that is not a summary column (like " + name + "_2000_2007), so that it is never taken for "
                    + "the column"));
        }
        return problems.size() > before ? null : new Reading(output, from, to);
    }

    private YearMonth month(Map<String, Entry> k, String key, String where) {
        if (!k.containsKey(key)) {
            return null;
        }
        Node v = k.get(key).value();
        String text = v instanceof ScalarNode sn ? sn.getValue() : null;
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(at(v).problem(where + ": " + key + ": expected a month like 2000-01, got "
                    + (text == null ? what(v) : "'" + text + "'")));
            return null;
        }
    }

    List<FreeParameter> free(Entry section) {
        MappingNode m = r.nonEmptyMap(section.value(), "free", "a map of parameter keys to bounds (like "
                + "demand.bride_propensity: {min: 0.005, max: 0.3, log: true})");
        if (m == null) {
            return List.of();
        }
        Keys params = new Keys(ParamRegistry.keys(), "parameter");
        List<FreeParameter> out = new ArrayList<>();
        Map<String, Entry> entries = r.entries(m, "free", params, key -> params.isGroup(key)
                ? "'" + key + "' is a group of parameters; write each free parameter as its full dotted key, like "
                + params.leaves().stream().filter(x -> x.startsWith(key + ".")).findFirst().orElse(key) : null);
        for (Entry t : entries.values()) {
            String key = t.path();
            ParamSpec spec = ParamRegistry.find(key).orElseThrow();
            String where = "free: " + key;
            if (spec.kind() != ParamSpec.Kind.NUMBER) {
                problems.add(at(t.key()).problem(where + ": only continuous parameters can be fitted; this one "
                        + "is " + (spec.kind() == ParamSpec.Kind.INTEGER ? "a whole number" : spec.allowed())));
                continue;
            }
            if (!isFittable(spec)) {
                problems.add(at(t.key()).problem(where + ": has a published source (" + spec.source()
                        + "); only parameters whose source is \"free\", \"calibrated\" or an \"assumption\" may "
                        + "be fitted "
                        + "(crackdown params lists them)"));
                continue;
            }
            Node v = t.value();
            if (!(v instanceof MappingNode fm)) {
                problems.add(at(v).problem(where + ": expected {min, max} with optional log and start, got " + what(v)));
                continue;
            }
            Map<String, Entry> k = r.entries(fm, where, new Keys(FREE_KEYS));
            Double lo = need(k, "min", fm, where, "the lowest value to try");
            Double hi = need(k, "max", fm, where, "the highest value to try");
            boolean log = k.containsKey("log") && bool(k.get("log").value(), where + ": log", false);
            double start = Double.NaN;
            if (k.containsKey("start")) {
                Double s = number(k.get("start").value(), where + ": start");
                start = s == null ? Double.NaN : s;
            }
            boolean ok = lo != null && hi != null;
            if (lo != null && (lo < spec.min() || lo > spec.max())) {
                problems.add(at(k.get("min").value()).problem(where + ": min: outside what the parameter "
                        + "allows (" + spec.allowed() + "), got " + num(lo)));
                ok = false;
            }
            if (hi != null && (hi < spec.min() || hi > spec.max())) {
                problems.add(at(k.get("max").value()).problem(where + ": max: outside what the parameter "
                        + "allows (" + spec.allowed() + "), got " + num(hi)));
                ok = false;
            }
            if (lo != null && hi != null && !(lo < hi)) {
                problems.add(at(k.get("max").value()).problem(where + ": max must be above min, got min "
                        + num(lo) + " and max " + num(hi)));
                ok = false;
            }
            if (log && lo != null && lo <= 0) {
                problems.add(at(k.get("min").value()).problem(where + ": min: a log-scale parameter needs "
                        + "min above 0, got " + num(lo)));
                ok = false;
            }
            if (ok && !Double.isNaN(start) && (start < lo || start > hi)) {
                problems.add(at(k.get("start").value()).problem(where + ": start: must lie between min "
                        + num(lo) + " and max " + num(hi) + ", got " + num(start)));
                ok = false;
            }
            if (ok) {
                FreeParameter f = new FreeParameter(key, lo, hi, log, start, at(t.key()).problem(""));
                Prior prior = k.containsKey("prior") ? prior(k.get("prior").value(), f, where) : Prior.defaultFor(f);
                if (prior != null) {
                    out.add(f);
                    priors.add(prior);
                }
            }
        }
        return out;
    }

    /** The priors of the free parameters last read, in their order. */
    List<Prior> priors() {
        return List.copyOf(priors);
    }

    /**
     * {@code prior: {distribution: uniform|loguniform|normal, min, max | mean, sd, source}}: what is
     * believed before the targets, with where that comes from; null after reporting a problem.
     */
    private Prior prior(Node node, FreeParameter f, String where) {
        String w = where + ": prior";
        if (!(node instanceof MappingNode pm)) {
            problems.add(at(node).problem(w + ": expected a map like {distribution: uniform, min: 0.01, max: 0.2, "
                    + "source: \"...\"} or {distribution: normal, mean: 0.1, sd: 0.02, source: \"...\"}, got "
                    + what(node)));
            return null;
        }
        Map<String, Entry> k = r.entries(pm, w, new Keys(PRIOR_KEYS));
        int before = problems.size();
        Prior.Kind kind = null;
        if (!k.containsKey("distribution")) {
            problems.add(at(pm).problem(w + ": missing 'distribution' (uniform, loguniform or normal)"));
        } else {
            kind = r.choice(k.get("distribution").value(), w + ": distribution",
                    YamlReader.choices(Prior.Kind.class));
        }
        String source = null;
        if (!k.containsKey("source")) {
            problems.add(at(pm).problem(w + ": missing 'source' (where the prior comes from, or why it is what "
                    + "it is)"));
        } else {
            source = text(k.get("source").value(), w + ": source");
            if (source != null && source.isBlank()) {
                problems.add(at(k.get("source").value()).problem(w + ": source: say where the prior comes from, "
                        + "or why it is what it is"));
            }
        }
        if (kind == null) {
            return null;
        }
        List<String> wanted = kind == Prior.Kind.NORMAL ? List.of("mean", "sd") : List.of("min", "max");
        for (String key : List.of("min", "max", "mean", "sd")) {
            if (k.containsKey(key) && !wanted.contains(key)) {
                problems.add(at(k.get(key).key()).problem(w + ": " + key + ": a " + kind.spelling() + " prior takes "
                        + String.join(" and ", wanted) + ", not " + key));
            }
        }
        Double a = need(k, wanted.get(0), pm, w, kind == Prior.Kind.NORMAL ? "the prior mean" : "the lowest value");
        Double b = need(k, wanted.get(1), pm, w, kind == Prior.Kind.NORMAL ? "the prior standard deviation"
                : "the highest value");
        if (a == null || b == null || problems.size() > before) {
            return null;
        }
        String bounds = "the free parameter's bounds [" + num(f.min()) + ", " + num(f.max()) + "]";
        if (kind == Prior.Kind.NORMAL) {
            if (!(b > 0)) {
                problems.add(at(k.get("sd").value()).problem(w + ": sd: expected a standard deviation above 0, got "
                        + num(b)));
            }
            if (a < f.min() || a > f.max()) {
                problems.add(at(k.get("mean").value()).problem(w + ": mean: " + num(a) + " is outside " + bounds
                        + "; the prior is truncated to them, so its mean must lie inside (widen min/max or fix the "
                        + "prior)"));
            }
        } else {
            if (!(a < b)) {
                problems.add(at(k.get("max").value()).problem(w + ": max must be above min, got min " + num(a)
                        + " and max " + num(b)));
            } else if (a < f.min() || b > f.max()) {
                problems.add(at(k.get(a < f.min() ? "min" : "max").value()).problem(w + ": [" + num(a) + ", "
                        + num(b) + "] reaches outside " + bounds + "; the runs never try values there (widen "
                        + "min/max or narrow the prior)"));
            } else if (kind == Prior.Kind.LOGUNIFORM && a <= 0) {
                problems.add(at(k.get("min").value()).problem(w + ": min: a loguniform prior needs min above 0, got "
                        + num(a)));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Prior(kind, a, b, f.min(), f.max(), source, true);
    }

    private Double need(Map<String, Entry> k, String key, Node parent, String where, String meaning) {
        if (!k.containsKey(key)) {
            problems.add(at(parent).problem(where + ": missing '" + key + "' (" + meaning + ")"));
            return null;
        }
        return number(k.get(key).value(), where + ": " + key);
    }

    /**
     * A parameter may be fitted unless its default is a published figure: "free" (hand-set),
     * "calibrated" (fitted before) and "assumption, prior: ..." (no published value, only a
     * prior range) all qualify. The behavioural parameters of the responsive trade (willingness to
     * pay, cost of a legal marriage, gangs' outside income, exits from the held stock) are
     * assumptions with priors, and the 2011 figures are what can inform them.
     */
    static boolean isFittable(ParamSpec spec) {
        String s = spec.source();
        return s.equals("free") || s.startsWith("calibrated") || s.startsWith("assumption");
    }

    private Double number(Node v, String where) {
        return r.number(v, where);
    }

    private boolean bool(Node v, String where, boolean fallback) {
        Boolean b = r.bool(v, where);
        return b == null ? fallback : b;
    }

    private String text(Node v, String where) {
        return r.requiredText(v, where, "text");
    }

    private Place at(Node n) {
        return r.at(n);
    }

    private static String what(Node n) {
        return YamlReader.what(n);
    }

    private static String num(double d) {
        return ParamSpec.format(d);
    }
}
