package org.crackdown.calibration;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crackdown.model.Metrics;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlFiles;
import org.crackdown.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a calibration targets file as strictly as a scenario file: every unknown key (with a
 * suggestion), bad value and contradiction is reported, all at once, as
 * {@code file:line:col: message}. Works on SnakeYAML's node tree so every problem has a place.
 *
 * <pre>{@code
 * name: china-2011                  # names the output folder; default: the file name
 * scenario: ../china-2011.yaml      # relative to this file (required)
 * set: {scale: 0.1}                 # overrides for every run (parameters, start, end, measure.*)
 * scale_counts: true                # count targets are multiplied by the runs' scale
 * replicates: 4                     # runs per evaluation
 * seeds: {base: 1}                  # replicate r uses seed base + r - 1 at every evaluation
 * targets:                          # summary columns (required)
 *   women_rescued: {value: 15458, tolerance: 0.10, source: "..."}
 *   price_boy: {min: 45000, max: 60000, source: "..."}
 * free:                             # parameters marked "free" (required)
 *   demand.bride_propensity: {min: 0.005, max: 0.3, log: true, start: 0.06}
 * optimizer: {method: cmaes, max_evaluations: 300, seed: 1, sigma: 0.2}
 * }</pre>
 */
public final class TargetsReader {

    static final List<String> TOP = List.of("name", "description", "scenario", "set", "scale_counts", "replicates",
            "seeds", "targets", "free", "optimizer");
    static final List<String> TARGET_KEYS = List.of("value", "tolerance", "min", "max", "source");
    static final List<String> FREE_KEYS = List.of("min", "max", "log", "start");
    static final List<String> OPTIMIZER_KEYS = List.of("method", "max_evaluations", "seed", "sigma");
    /** What {@code set} may override besides parameters: the simulated and measured period. */
    static final List<String> PERIOD = List.of("start", "end", "measure.from", "measure.to");
    static final int MAX_REPLICATES = 1000;
    static final int MAX_EVALUATIONS = 1_000_000;

    private static final Keys TOP_KEYS = new Keys(TOP);
    /** What {@code set} may override: parameters, and the period. */
    private static final Keys SET_KEYS = new Keys(ParamRegistry.keys(), "scenario key").plus(PERIOD);

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final YamlReader r;

    private TargetsReader(String file) {
        this.file = file;
        this.r = new YamlReader(file, problems);
    }

    /**
     * Reads and checks {@code path}.
     *
     * @throws ScenarioException with every problem found
     */
    public static CalibrationSpec read(Path path) throws ScenarioException {
        TargetsReader r = new TargetsReader(path.toString());
        CalibrationSpec spec = r.parse(path);
        if (!r.problems.isEmpty() || spec == null) {
            throw new ScenarioException(r.problems.isEmpty()
                    ? List.of(new Problem(r.file, 0, 0, "not a targets file")) : r.problems);
        }
        return spec;
    }

    private CalibrationSpec parse(Path path) {
        YamlFiles.Loaded loaded = YamlFiles.load(path, file);
        if (loaded.failed()) {
            problems.add(loaded.problem());
            return null;
        }
        Node root = loaded.root();
        if (!(root instanceof MappingNode top) || top.getValue().stream().noneMatch(TargetsReader::knownTop)) {
            problems.add(new Place(file, 1, 1).problem(root == null
                    ? "expected a map of calibration keys (" + String.join(", ", TOP) + "), got an empty file"
                    : YamlFiles.notA("calibration targets", root)));
            return null;
        }
        Place rootAt = at(top);
        Map<String, Entry> keys = r.entries(top, "", TOP_KEYS);

        String name = defaultName(path);
        if (keys.containsKey("name")) {
            String n = text(keys.get("name").value(), "name");
            if (n != null && YamlFiles.nameTooLong(n) != null) {
                problems.add(at(keys.get("name").value()).problem("name: " + YamlFiles.nameTooLong(n)));
            } else if (n != null && !n.matches("[a-z0-9._-]+")) {
                problems.add(at(keys.get("name").value()).problem("name: expected lower-case letters, digits, "
                        + "'.', '_' or '-' (it names the output folder), got " + YamlFiles.quoted(n)));
            } else if (n != null) {
                name = n;
            }
        }
        if (keys.containsKey("description")) {
            r.text(keys.get("description").value(), "description", "one line of text");
        }

        Path scenario = null;
        if (!keys.containsKey("scenario")) {
            problems.add(rootAt.problem("missing required key 'scenario' (the scenario to calibrate, relative to "
                    + "this file, like scenario: ../china-2011.yaml)"));
        } else {
            scenario = scenario(path, keys.get("scenario").value());
        }

        List<Setting> set = keys.containsKey("set") ? settings(keys.get("set").value()) : List.of();
        boolean scaleCounts = !keys.containsKey("scale_counts")
                || bool(keys.get("scale_counts").value(), "scale_counts", true);
        int replicates = keys.containsKey("replicates")
                ? (int) integer(keys.get("replicates").value(), "replicates", 1, MAX_REPLICATES, 4) : 4;
        long seedBase = 1;
        if (keys.containsKey("seeds")) {
            Node v = keys.get("seeds").value();
            if (v instanceof MappingNode sm) {
                Map<String, Entry> s = r.entries(sm, "seeds", new Keys(List.of("base")));
                if (s.containsKey("base")) {
                    seedBase = integer(s.get("base").value(), "seeds.base", 0, Long.MAX_VALUE / 2, 1);
                }
            } else {
                problems.add(at(v).problem("seeds: expected a map like {base: 1}, got " + what(v)));
            }
        }

        List<Target> targets = List.of();
        if (!keys.containsKey("targets")) {
            problems.add(rootAt.problem("missing required key 'targets' (summary columns to reproduce, like "
                    + "women_rescued: {value: 15458, tolerance: 0.1, source: \"...\"})"));
        } else {
            targets = targets(keys.get("targets"));
        }

        List<FreeParameter> free = List.of();
        if (!keys.containsKey("free")) {
            problems.add(rootAt.problem("missing required key 'free' (parameters to fit, like "
                    + "demand.bride_propensity: {min: 0.005, max: 0.3, log: true})"));
        } else {
            free = free(keys.get("free"));
        }
        for (FreeParameter f : free) {
            for (Setting s : set) {
                if (s.key().equals(f.key())) {
                    problems.add(new Problem(s.file(), s.line(), s.col(), "set: " + f.key()
                            + " is also a free parameter; a fitted parameter cannot be fixed too (remove one)"));
                }
            }
        }

        OptimizerSettings optimizer = new OptimizerSettings(OptimizerSettings.Method.CMAES, 300, 1,
                OptimizerSettings.DEFAULT_SIGMA);
        if (keys.containsKey("optimizer")) {
            optimizer = optimizer(keys.get("optimizer").value(), optimizer, free.size());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new CalibrationSpec(name, path, scenario, set, scaleCounts, replicates, seedBase, targets, free,
                optimizer);
    }

    // ------------------------------------------------------------------ sections

    private Path scenario(Path targetsFile, Node v) {
        String ref = text(v, "scenario");
        if (ref == null) {
            return null;
        }
        if (ref.isBlank()) {
            problems.add(at(v).problem("scenario: expected the path of a scenario file, relative to this file, got "
                    + "nothing"));
            return null;
        }
        Path resolved;
        try {
            Path dir = targetsFile.getParent();
            resolved = (dir == null ? Path.of(ref) : dir.resolve(ref)).normalize();
        } catch (InvalidPathException e) {
            problems.add(at(v).problem("scenario: not a valid path: '" + ref + "'"));
            return null;
        }
        if (!Files.isRegularFile(resolved)) {
            problems.add(at(v).problem("scenario: cannot read '" + ref + "' (" + resolved + "): "
                    + (Files.isDirectory(resolved) ? "it is a directory" : "no such file")));
            return null;
        }
        return resolved;
    }

    private List<Setting> settings(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem("set: expected a map of scenario keys to values (like {scale: 0.1}), got "
                    + what(node)));
            return List.of();
        }
        List<Setting> out = new ArrayList<>();
        for (Entry e : r.flatten(m, SET_KEYS, "set").values()) {
            Node v = e.value();
            if (!(v instanceof ScalarNode sv) || sv.getTag().equals(Tag.NULL)) {
                problems.add(at(v).problem("set: " + e.path() + ": expected " + allowedValue(e.path()) + ", got "
                        + what(v)));
                continue;
            }
            Optional<ParamSpec> spec = ParamRegistry.find(e.path());
            String text = sv.getValue().trim();
            if (spec.isPresent()) {
                Boolean b = spec.get().kind() == ParamSpec.Kind.BOOLEAN ? YamlReader.yamlBoolean(text) : null;
                try {
                    text = ParamSpec.format(spec.get().parse(b != null ? b : sv.getValue()));
                } catch (IllegalArgumentException ex) {
                    problems.add(at(v).problem("set: " + e.path() + ": " + ex.getMessage()));
                    continue;
                }
            }
            Place p = at(e.key());
            out.add(new Setting(e.path(), text, p.file(), p.line(), p.col()));
        }
        return out;
    }

    private List<Target> targets(Entry section) {
        Node node = section.value();
        if (!(node instanceof MappingNode m) || m.getValue().isEmpty()) {
            problems.add(at(node).problem("targets: expected a map of summary columns to targets (like "
                    + "women_rescued: {value: 15458, tolerance: 0.1, source: \"...\"}), got " + what(node)));
            return List.of();
        }
        Keys columns = new Keys(Metrics.summaryColumns().stream().map(Metrics.Column::name).toList(),
                "summary column");
        List<Target> out = new ArrayList<>();
        for (Entry t : r.entries(m, "targets", columns).values()) {
            String column = t.path();
            Node v = t.value();
            if (!(v instanceof MappingNode tm)) {
                problems.add(at(v).problem("targets: " + column + ": expected {value, tolerance, source} or "
                        + "{min, max, source}, got " + what(v)));
                continue;
            }
            String where = "targets: " + column;
            Map<String, Entry> k = r.entries(tm, where, new Keys(TARGET_KEYS));
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
                if (value != null && tol != null && source != null) {
                    out.add(Target.point(column, value, tol, source));
                }
            } else if (range) {
                Double lo = need(k, "min", tm, where, "the low end of the published range");
                Double hi = need(k, "max", tm, where, "the high end of the published range");
                if (lo != null && hi != null && !(lo < hi)) {
                    problems.add(at(k.get("max").value()).problem(where + ": max must be above min, got min "
                            + num(lo) + " and max " + num(hi)));
                } else if (lo != null && hi != null && source != null) {
                    out.add(Target.range(column, lo, hi, source));
                }
            } else {
                problems.add(at(t.key()).problem(where + ": expected value and tolerance (a point target) or "
                        + "min and max (a range)"));
            }
        }
        return out;
    }

    private List<FreeParameter> free(Entry section) {
        Node node = section.value();
        if (!(node instanceof MappingNode m) || m.getValue().isEmpty()) {
            problems.add(at(node).problem("free: expected a map of parameter keys to bounds (like "
                    + "demand.bride_propensity: {min: 0.005, max: 0.3, log: true}), got " + what(node)));
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
                out.add(new FreeParameter(key, lo, hi, log, start, at(t.key()).problem("")));
            }
        }
        return out;
    }

    private OptimizerSettings optimizer(Node node, OptimizerSettings d, int freeCount) {
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem("optimizer: expected a map like {method: cmaes, max_evaluations: 300, "
                    + "seed: 1}, got " + what(node)));
            return d;
        }
        Map<String, Entry> k = r.entries(m, "optimizer", new Keys(OPTIMIZER_KEYS));
        OptimizerSettings.Method method = d.method();
        if (k.containsKey("method")) {
            Node v = k.get("method").value();
            Map<String, OptimizerSettings.Method> methods = new LinkedHashMap<>();
            for (OptimizerSettings.Method x : OptimizerSettings.Method.values()) {
                methods.put(x.spelling(), x);
            }
            OptimizerSettings.Method found = r.choice(v, "optimizer: method", methods);
            method = found == null ? method : found;
            if (found == OptimizerSettings.Method.BOBYQA && freeCount == 1) {
                problems.add(at(v).problem("optimizer: method: bobyqa needs at least 2 free parameters; "
                        + "use cmaes or nelder-mead for one"));
            }
        }
        int max = k.containsKey("max_evaluations")
                ? (int) integer(k.get("max_evaluations").value(), "optimizer: max_evaluations", 1,
                MAX_EVALUATIONS, d.maxEvaluations()) : d.maxEvaluations();
        long seed = k.containsKey("seed")
                ? integer(k.get("seed").value(), "optimizer: seed", 0, Long.MAX_VALUE, d.seed()) : d.seed();
        double sigma = d.sigma();
        if (k.containsKey("sigma")) {
            Double s = number(k.get("sigma").value(), "optimizer: sigma");
            if (s != null && !(s > 0 && s <= 0.5)) {
                problems.add(at(k.get("sigma").value()).problem("optimizer: sigma: expected a step above 0 and "
                        + "at most 0.5 (in the normalised 0..1 space of every free parameter), got " + num(s)));
            } else if (s != null) {
                sigma = s;
            }
        }
        return new OptimizerSettings(method, max, seed, sigma);
    }

    // ------------------------------------------------------------------ node helpers

    private Double need(Map<String, Entry> k, String key, Node parent, String where, String meaning) {
        if (!k.containsKey(key)) {
            problems.add(at(parent).problem(where + ": missing '" + key + "' (" + meaning + ")"));
            return null;
        }
        return number(k.get(key).value(), where + ": " + key);
    }

    private Double number(Node v, String where) {
        return r.number(v, where);
    }

    private long integer(Node v, String where, long lo, long hi, long fallback) {
        Long n = r.integer(v, where, lo, hi);
        return n == null ? fallback : n;
    }

    private boolean bool(Node v, String where, boolean fallback) {
        Boolean b = r.bool(v, where);
        return b == null ? fallback : b;
    }

    /** Text that must be given: an empty value is reported like a map or a list. */
    private String text(Node v, String where) {
        if (YamlReader.isNull(v)) {
            problems.add(at(v).problem(where + ": expected text, got nothing"));
            return null;
        }
        return r.text(v, where, "text");
    }

    /**
     * Behavioural parameters without a published figure: "free" ones, and those whose default an
     * earlier calibration set (so the calibration can be repeated).
     */
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

    private static String allowedValue(String key) {
        return ParamRegistry.find(key).map(ParamSpec::allowed).orElse("a date like 2011-01-01");
    }

    /** A top-level key that is a targets-file key or close to one: a file with none is not a targets file. */
    private static boolean knownTop(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k && TOP_KEYS.knows(k.getValue());
    }

    private static String what(Node n) {
        return YamlReader.what(n);
    }

    private static String num(double d) {
        return ParamSpec.format(d);
    }

    private Place at(Node n) {
        return r.at(n);
    }

    static String defaultName(Path file) {
        return YamlFiles.defaultName(file, "calibration");
    }
}
