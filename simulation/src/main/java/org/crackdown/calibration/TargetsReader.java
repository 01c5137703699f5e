package org.crackdown.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.crackdown.model.Metrics;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.Suggest;
import org.crackdown.scenario.YamlFiles;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
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

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private TargetsReader(String file) {
        this.file = file;
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
        Node root;
        if (Files.isDirectory(path)) {
            problems.add(new Problem(file, 0, 0, "cannot read: it is a directory"));
            return null;
        }
        try {
            String text = YamlFiles.readText(path);
            Problem tooLong = YamlFiles.longLine(file, text);
            if (tooLong != null) {
                problems.add(tooLong);
                return null;
            }
            root = YamlFiles.compose(text);
        } catch (MarkedYAMLException e) {
            Place p = e.getProblemMark() == null ? new Place(file, 0, 0)
                    : new Place(file, e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1);
            problems.add(p.problem("YAML syntax error: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            String why = e.getCause() instanceof IOException io ? YamlFiles.reason(io) : e.getMessage();
            problems.add(new Problem(file, 0, 0, "cannot read: " + why));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "cannot read: " + YamlFiles.reason(e)));
            return null;
        }
        if (!(root instanceof MappingNode top) || top.getValue().stream().noneMatch(TargetsReader::knownTop)) {
            problems.add(new Place(file, 1, 1).problem(root == null
                    ? "expected a map of calibration keys (" + String.join(", ", TOP) + "), got an empty file"
                    : YamlFiles.notA("calibration targets", root)));
            return null;
        }
        Place rootAt = at(top);
        Map<String, NodeTuple> keys = entries(top, "", TOP);

        String name = defaultName(path);
        if (keys.containsKey("name")) {
            String n = text(keys.get("name").getValueNode(), "name");
            if (n != null && YamlFiles.nameTooLong(n) != null) {
                problems.add(at(keys.get("name").getValueNode()).problem("name: " + YamlFiles.nameTooLong(n)));
            } else if (n != null && !n.matches("[a-z0-9._-]+")) {
                problems.add(at(keys.get("name").getValueNode()).problem("name: expected lower-case letters, digits, "
                        + "'.', '_' or '-' (it names the output folder), got " + YamlFiles.quoted(n)));
            } else if (n != null) {
                name = n;
            }
        }
        if (keys.containsKey("description")) {
            text(keys.get("description").getValueNode(), "description");
        }

        Path scenario = null;
        if (!keys.containsKey("scenario")) {
            problems.add(rootAt.problem("missing required key 'scenario' (the scenario to calibrate, relative to "
                    + "this file, like scenario: ../china-2011.yaml)"));
        } else {
            scenario = scenario(path, keys.get("scenario").getValueNode());
        }

        List<Setting> set = keys.containsKey("set") ? settings(keys.get("set").getValueNode()) : List.of();
        boolean scaleCounts = !keys.containsKey("scale_counts")
                || bool(keys.get("scale_counts").getValueNode(), "scale_counts", true);
        int replicates = keys.containsKey("replicates")
                ? (int) integer(keys.get("replicates").getValueNode(), "replicates", 1, MAX_REPLICATES, 4) : 4;
        long seedBase = 1;
        if (keys.containsKey("seeds")) {
            Node v = keys.get("seeds").getValueNode();
            if (v instanceof MappingNode sm) {
                Map<String, NodeTuple> s = entries(sm, "seeds", List.of("base"));
                if (s.containsKey("base")) {
                    seedBase = integer(s.get("base").getValueNode(), "seeds.base", 0, Long.MAX_VALUE / 2, 1);
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
            optimizer = optimizer(keys.get("optimizer").getValueNode(), optimizer, free.size());
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
        flattenSet(m, "", out);
        return out;
    }

    private void flattenSet(MappingNode m, String prefix, List<Setting> out) {
        List<String> allowed = new ArrayList<>(ParamRegistry.keys());
        allowed.addAll(PERIOD);
        for (NodeTuple t : unique(m, prefix.isEmpty() ? "set" : "set." + prefix)) {
            String key = prefix.isEmpty() ? keyOf(t) : prefix + "." + keyOf(t);
            Node v = t.getValueNode();
            if (allowed.contains(key)) {
                if (!(v instanceof ScalarNode sv) || sv.getTag().equals(Tag.NULL)) {
                    problems.add(at(v).problem("set: " + key + ": expected " + allowedValue(key) + ", got " + what(v)));
                    continue;
                }
                Optional<ParamSpec> spec = ParamRegistry.find(key);
                String text = sv.getValue().trim();
                if (spec.isPresent()) {
                    try {
                        text = ParamSpec.format(spec.get().parse(sv.getValue()));
                    } catch (IllegalArgumentException e) {
                        problems.add(at(v).problem("set: " + key + ": " + e.getMessage()));
                        continue;
                    }
                }
                Place p = at(t.getKeyNode());
                out.add(new Setting(key, text, p.file(), p.line(), p.col()));
            } else if (isGroup(allowed, key) && v instanceof MappingNode sub) {
                flattenSet(sub, key, out);
            } else {
                problems.add(at(t.getKeyNode()).problem("set: " + unknown(key, allowed, "scenario key")));
            }
        }
    }

    private List<Target> targets(NodeTuple section) {
        Node node = section.getValueNode();
        if (!(node instanceof MappingNode m) || m.getValue().isEmpty()) {
            problems.add(at(node).problem("targets: expected a map of summary columns to targets (like "
                    + "women_rescued: {value: 15458, tolerance: 0.1, source: \"...\"}), got " + what(node)));
            return List.of();
        }
        List<String> columns = Metrics.summaryColumns().stream().map(Metrics.Column::name).toList();
        List<Target> out = new ArrayList<>();
        for (NodeTuple t : unique(m, "targets")) {
            String column = keyOf(t);
            if (!columns.contains(column)) {
                problems.add(at(t.getKeyNode()).problem("targets: " + unknown(column, columns, "summary column")));
                continue;
            }
            Node v = t.getValueNode();
            if (!(v instanceof MappingNode tm)) {
                problems.add(at(v).problem("targets: " + column + ": expected {value, tolerance, source} or "
                        + "{min, max, source}, got " + what(v)));
                continue;
            }
            String where = "targets: " + column;
            Map<String, NodeTuple> k = entries(tm, where, TARGET_KEYS);
            String source = null;
            if (k.containsKey("source")) {
                source = text(k.get("source").getValueNode(), where + ": source");
                if (source != null && source.isBlank()) {
                    problems.add(at(k.get("source").getValueNode()).problem(where
                            + ": source: name where the figure comes from"));
                    source = null;
                }
            } else {
                problems.add(at(t.getKeyNode()).problem(where + ": missing 'source' (where the figure comes from, "
                        + "like \"china-facts.md s1 (MPS 2012)\")"));
            }
            boolean point = k.containsKey("value") || k.containsKey("tolerance");
            boolean range = k.containsKey("min") || k.containsKey("max");
            if (point && range) {
                problems.add(at(t.getKeyNode()).problem(where + ": give either value and tolerance (a point target) "
                        + "or min and max (a range), not both"));
                continue;
            }
            if (point) {
                Double value = need(k, "value", tm, where, "the published figure");
                Double tol = need(k, "tolerance", tm, where, "the accepted relative error, like 0.1 for ±10%");
                if (value != null && value == 0) {
                    problems.add(at(k.get("value").getValueNode()).problem(where + ": value: a point target needs a "
                            + "non-zero value (its tolerance is relative); use min and max for a range around 0"));
                    value = null;
                }
                if (tol != null && !(tol > 0 && tol <= 10)) {
                    problems.add(at(k.get("tolerance").getValueNode()).problem(where + ": tolerance: expected a "
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
                    problems.add(at(k.get("max").getValueNode()).problem(where + ": max must be above min, got min "
                            + num(lo) + " and max " + num(hi)));
                } else if (lo != null && hi != null && source != null) {
                    out.add(Target.range(column, lo, hi, source));
                }
            } else {
                problems.add(at(t.getKeyNode()).problem(where + ": expected value and tolerance (a point target) or "
                        + "min and max (a range)"));
            }
        }
        return out;
    }

    private List<FreeParameter> free(NodeTuple section) {
        Node node = section.getValueNode();
        if (!(node instanceof MappingNode m) || m.getValue().isEmpty()) {
            problems.add(at(node).problem("free: expected a map of parameter keys to bounds (like "
                    + "demand.bride_propensity: {min: 0.005, max: 0.3, log: true}), got " + what(node)));
            return List.of();
        }
        List<String> keys = ParamRegistry.keys();
        List<FreeParameter> out = new ArrayList<>();
        for (NodeTuple t : unique(m, "free")) {
            String key = keyOf(t);
            Optional<ParamSpec> found = ParamRegistry.find(key);
            if (found.isEmpty()) {
                String msg = isGroup(keys, key)
                        ? "'" + key + "' is a group of parameters; write each free parameter as its full dotted key, "
                                + "like " + keys.stream().filter(x -> x.startsWith(key + ".")).findFirst().orElse(key)
                        : unknown(key, keys, "parameter");
                problems.add(at(t.getKeyNode()).problem("free: " + msg));
                continue;
            }
            ParamSpec spec = found.get();
            String where = "free: " + key;
            if (spec.kind() != ParamSpec.Kind.NUMBER) {
                problems.add(at(t.getKeyNode()).problem(where + ": only continuous parameters can be fitted; this one "
                        + "is " + (spec.kind() == ParamSpec.Kind.INTEGER ? "a whole number" : spec.allowed())));
                continue;
            }
            if (!isFittable(spec)) {
                problems.add(at(t.getKeyNode()).problem(where + ": has a published source (" + spec.source()
                        + "); only parameters whose source is \"free\", \"calibrated\" or an \"assumption\" may "
                        + "be fitted "
                        + "(crackdown params lists them)"));
                continue;
            }
            Node v = t.getValueNode();
            if (!(v instanceof MappingNode fm)) {
                problems.add(at(v).problem(where + ": expected {min, max} with optional log and start, got " + what(v)));
                continue;
            }
            Map<String, NodeTuple> k = entries(fm, where, FREE_KEYS);
            Double lo = need(k, "min", fm, where, "the lowest value to try");
            Double hi = need(k, "max", fm, where, "the highest value to try");
            boolean log = k.containsKey("log") && bool(k.get("log").getValueNode(), where + ": log", false);
            double start = Double.NaN;
            if (k.containsKey("start")) {
                Double s = number(k.get("start").getValueNode(), where + ": start");
                start = s == null ? Double.NaN : s;
            }
            boolean ok = lo != null && hi != null;
            if (lo != null && (lo < spec.min() || lo > spec.max())) {
                problems.add(at(k.get("min").getValueNode()).problem(where + ": min: outside what the parameter "
                        + "allows (" + spec.allowed() + "), got " + num(lo)));
                ok = false;
            }
            if (hi != null && (hi < spec.min() || hi > spec.max())) {
                problems.add(at(k.get("max").getValueNode()).problem(where + ": max: outside what the parameter "
                        + "allows (" + spec.allowed() + "), got " + num(hi)));
                ok = false;
            }
            if (lo != null && hi != null && !(lo < hi)) {
                problems.add(at(k.get("max").getValueNode()).problem(where + ": max must be above min, got min "
                        + num(lo) + " and max " + num(hi)));
                ok = false;
            }
            if (log && lo != null && lo <= 0) {
                problems.add(at(k.get("min").getValueNode()).problem(where + ": min: a log-scale parameter needs "
                        + "min above 0, got " + num(lo)));
                ok = false;
            }
            if (ok && !Double.isNaN(start) && (start < lo || start > hi)) {
                problems.add(at(k.get("start").getValueNode()).problem(where + ": start: must lie between min "
                        + num(lo) + " and max " + num(hi) + ", got " + num(start)));
                ok = false;
            }
            if (ok) {
                out.add(new FreeParameter(key, lo, hi, log, start, at(t.getKeyNode()).problem("")));
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
        Map<String, NodeTuple> k = entries(m, "optimizer", OPTIMIZER_KEYS);
        OptimizerSettings.Method method = d.method();
        if (k.containsKey("method")) {
            Node v = k.get("method").getValueNode();
            String text = text(v, "optimizer: method");
            if (text != null) {
                List<String> names = new ArrayList<>();
                OptimizerSettings.Method found = null;
                for (OptimizerSettings.Method x : OptimizerSettings.Method.values()) {
                    names.add(x.spelling());
                    if (x.spelling().equals(text.trim().toLowerCase(Locale.ROOT))) {
                        found = x;
                    }
                }
                if (found == null) {
                    problems.add(at(v).problem("optimizer: method: " + unknownValue(text, names)));
                } else {
                    method = found;
                }
                if (found == OptimizerSettings.Method.BOBYQA && freeCount == 1) {
                    problems.add(at(v).problem("optimizer: method: bobyqa needs at least 2 free parameters; "
                            + "use cmaes or nelder-mead for one"));
                }
            }
        }
        int max = k.containsKey("max_evaluations")
                ? (int) integer(k.get("max_evaluations").getValueNode(), "optimizer: max_evaluations", 1,
                MAX_EVALUATIONS, d.maxEvaluations()) : d.maxEvaluations();
        long seed = k.containsKey("seed")
                ? integer(k.get("seed").getValueNode(), "optimizer: seed", 0, Long.MAX_VALUE, d.seed()) : d.seed();
        double sigma = d.sigma();
        if (k.containsKey("sigma")) {
            Double s = number(k.get("sigma").getValueNode(), "optimizer: sigma");
            if (s != null && !(s > 0 && s <= 0.5)) {
                problems.add(at(k.get("sigma").getValueNode()).problem("optimizer: sigma: expected a step above 0 and "
                        + "at most 0.5 (in the normalised 0..1 space of every free parameter), got " + num(s)));
            } else if (s != null) {
                sigma = s;
            }
        }
        return new OptimizerSettings(method, max, seed, sigma);
    }

    // ------------------------------------------------------------------ node helpers

    /** Keys of a map, each checked against {@code allowed}; unknown and duplicate keys are reported. */
    private Map<String, NodeTuple> entries(MappingNode m, String where, List<String> allowed) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : unique(m, where)) {
            String key = keyOf(t);
            if (allowed.contains(key)) {
                out.put(key, t);
            } else {
                String prefix = where.isEmpty() ? "" : where + ": ";
                problems.add(at(t.getKeyNode()).problem(prefix + unknown(key, allowed, "key")));
            }
        }
        return out;
    }

    /** The map's entries with scalar keys, duplicates reported and dropped. */
    private List<NodeTuple> unique(MappingNode m, String where) {
        Map<String, Node> seen = new HashMap<>();
        List<NodeTuple> out = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode ks)) {
                problems.add(at(t.getKeyNode()).problem("expected a key name, got " + what(t.getKeyNode())));
                continue;
            }
            Node first = seen.putIfAbsent(ks.getValue(), ks);
            if (first != null) {
                problems.add(at(ks).problem((where.isEmpty() ? "" : where + ": ") + "duplicate key '" + ks.getValue()
                        + "' (first given at line " + (first.getStartMark().getLine() + 1) + ")"));
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private static String keyOf(NodeTuple t) {
        return ((ScalarNode) t.getKeyNode()).getValue();
    }

    private Double need(Map<String, NodeTuple> k, String key, Node parent, String where, String meaning) {
        if (!k.containsKey(key)) {
            problems.add(at(parent).problem(where + ": missing '" + key + "' (" + meaning + ")"));
            return null;
        }
        return number(k.get(key).getValueNode(), where + ": " + key);
    }

    private Double number(Node v, String where) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getTag().equals(Tag.BOOL)) {
            try {
                double d = Double.parseDouble(s.getValue().trim().replace("_", ""));
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at(v).problem(where + ": expected a number, got " + what(v)));
        return null;
    }

    private long integer(Node v, String where, long lo, long hi, long fallback) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getTag().equals(Tag.BOOL)) {
            try {
                long n = Long.parseLong(s.getValue().trim().replace("_", ""));
                if (n >= lo && n <= hi) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at(v).problem(where + ": expected a whole number from " + lo + " to " + hi + ", got " + what(v)));
        return fallback;
    }

    private boolean bool(Node v, String where, boolean fallback) {
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().trim().toLowerCase(Locale.ROOT));
        }
        problems.add(at(v).problem(where + ": expected true or false, got " + what(v)));
        return fallback;
    }

    private String text(Node v, String where) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        problems.add(at(v).problem(where + ": expected text, got " + what(v)));
        return null;
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

    private static boolean isGroup(List<String> keys, String key) {
        return keys.stream().anyMatch(k -> k.startsWith(key + "."));
    }

    private static String allowedValue(String key) {
        return ParamRegistry.find(key).map(ParamSpec::allowed).orElse("a date like 2011-01-01");
    }

    private static String unknown(String key, List<String> allowed, String kind) {
        List<String> close = Suggest.closest(key, allowed, Suggest.tolerance(key.length()));
        String msg = "unknown " + kind + " '" + key + "'";
        if (!close.isEmpty()) {
            return msg + "; " + Suggest.didYouMean(close);
        }
        return allowed.size() <= 12 ? msg + " (allowed: " + String.join(", ", allowed) + ")" : msg;
    }

    private static String unknownValue(String text, List<String> allowed) {
        List<String> close = Suggest.closest(text, allowed, Suggest.tolerance(text.length()));
        return "unknown value '" + text + "' (allowed: " + String.join(", ", allowed) + ")"
                + (close.isEmpty() ? "" : "; " + Suggest.didYouMean(close));
    }

    /** A top-level key that is a targets-file key or close to one: a file with none is not a targets file. */
    private static boolean knownTop(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k && (TOP.contains(k.getValue())
                || !Suggest.closest(k.getValue(), TOP, Suggest.tolerance(k.getValue().length())).isEmpty());
    }

    private static String what(Node n) {
        if (n instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "nothing" : YamlFiles.quoted(s.getValue());
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return "a map";
    }

    private static String num(double d) {
        return ParamSpec.format(d);
    }

    private Place at(Node n) {
        return at(file, n);
    }

    private static Place at(String file, Node n) {
        return n.getStartMark() == null ? new Place(file, 0, 0)
                : new Place(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }


    static String defaultName(Path file) {
        return org.crackdown.scenario.YamlFiles.defaultName(file, "calibration");
    }


    /** A place in the targets file. */
    private record Place(String file, int line, int col) {
        Problem problem(String message) {
            return new Problem(file, line, col, message);
        }
    }
}
