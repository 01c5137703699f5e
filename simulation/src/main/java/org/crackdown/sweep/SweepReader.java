package org.crackdown.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

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
 * Reads a sweep file as strictly as a scenario file: every unknown key (with a suggestion),
 * bad value and contradiction is reported, all at once, as {@code file:line:col: message}.
 * Works on SnakeYAML's node tree so that every problem has a place and duplicate keys are caught.
 * Values of parameter keys are checked against the parameter's rules here; rules that involve
 * the base scenario (e.g. police shares adding up to at most 1) are checked by {@link SweepPlan}.
 */
public final class SweepReader {

    static final List<String> TOP = List.of("name", "description", "base", "set", "replicates", "seeds", "design",
            "samples", "design_seed", "vary", "strategies", "keep_timeseries", "fork_at");
    /** The key inside a strategy that dates its overrides (not a scenario key). */
    static final String FROM = "from";
    static final List<String> SEEDS = List.of("policy", "base");
    /** What {@code set} may override besides parameters: the simulated and measured period. */
    static final List<String> PERIOD = List.of("start", "end", "measure.from", "measure.to");
    static final int MAX_LEVELS = 1_000_000;
    static final int MAX_REPLICATES = 1_000_000;
    static final int MAX_SAMPLES = 10_000_000;
    private static final String NAME_PATTERN = "[a-z0-9._-]+";

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private SweepReader(String file) {
        this.file = file;
    }

    /**
     * Reads and checks {@code path}.
     *
     * @throws ScenarioException with every problem found
     */
    public static SweepSpec read(Path path) throws ScenarioException {
        SweepReader r = new SweepReader(path.toString());
        SweepSpec spec = r.parse(path);
        if (!r.problems.isEmpty() || spec == null) {
            throw new ScenarioException(r.problems);
        }
        return spec;
    }

    private SweepSpec parse(Path path) {
        byte[] bytes;
        String text;
        try {
            if (Files.isDirectory(path)) {
                problems.add(new Problem(file, 0, 0, "cannot read: it is a directory"));
                return null;
            }
            bytes = YamlFiles.readBytes(path);
            text = YamlFiles.decode(bytes);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "cannot read: " + YamlFiles.reason(e)));
            return null;
        }
        Problem tooLong = YamlFiles.longLine(file, text);
        if (tooLong != null) {
            problems.add(tooLong);
            return null;
        }
        Node root;
        try {
            root = YamlFiles.compose(text);
        } catch (MarkedYAMLException e) {
            Place at = e.getProblemMark() == null ? new Place(file, 0, 0)
                    : new Place(file, e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1);
            problems.add(at.problem("YAML syntax error: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            problems.add(new Problem(file, 0, 0, "YAML syntax error: " + e.getMessage()));
            return null;
        }
        if (!(root instanceof MappingNode top) || top.getValue().stream().noneMatch(SweepReader::knownTop)) {
            problems.add(new Place(file, 1, 1).problem(root == null
                    ? "expected a map of sweep keys (" + String.join(", ", TOP) + "), got an empty file"
                    : YamlFiles.notA("sweep", root)));
            return null;
        }
        Map<String, NodeTuple> keys = entries(top, "", TOP, SweepReader::topLevelHint);
        Place rootAt = Place.of(file, top);

        String name = defaultName(path);
        if (keys.containsKey("name")) {
            String n = text(keys.get("name").getValueNode(), "name", "a name");
            if (n != null && YamlFiles.nameTooLong(n) != null) {
                problems.add(at(keys.get("name").getValueNode()).problem("name: " + YamlFiles.nameTooLong(n)));
            } else if (n != null && !n.matches(NAME_PATTERN)) {
                problems.add(at(keys.get("name").getValueNode()).problem("name: expected lower-case letters, "
                        + "digits, '.', '_' or '-' (it names the output folder and the data package), got "
                        + YamlFiles.quoted(n)));
            } else if (n != null) {
                name = n;
            }
        }
        String description = keys.containsKey("description")
                ? orEmpty(text(keys.get("description").getValueNode(), "description", "text")) : "";

        Path base = null;
        Place baseAt = rootAt;
        if (!keys.containsKey("base")) {
            problems.add(rootAt.problem("missing required key 'base' (the scenario to sweep, relative to this "
                    + "file, like base: ../china-2011.yaml)"));
        } else {
            Node v = keys.get("base").getValueNode();
            baseAt = at(v);
            base = base(path, v);
        }

        List<Setting> set = keys.containsKey("set")
                ? settings(keys.get("set").getValueNode(), "set", true) : List.of();
        int replicates = keys.containsKey("replicates")
                ? (int) integer(keys.get("replicates").getValueNode(), "replicates", 1, MAX_REPLICATES, 1) : 1;

        SeedPolicy policy = SeedPolicy.COMMON;
        long seedBase = 1;
        if (keys.containsKey("seeds")) {
            Node v = keys.get("seeds").getValueNode();
            if (v instanceof MappingNode sm) {
                Map<String, NodeTuple> s = entries(sm, "seeds", SEEDS, (k, p) -> Optional.empty());
                if (s.containsKey("policy")) {
                    policy = choice(s.get("policy").getValueNode(), "seeds.policy", SeedPolicy.class, policy);
                }
                if (s.containsKey("base")) {
                    Node b = s.get("base").getValueNode();
                    seedBase = integer(b, "seeds.base", 0, Long.MAX_VALUE, seedBase);
                    long highest = Long.MAX_VALUE - (replicates - 1);
                    if (policy == SeedPolicy.COMMON && seedBase > highest) {
                        // Replicate r runs with base + r - 1: past the largest long it would wrap to a negative seed.
                        problems.add(at(b).problem("seeds.base: with " + replicates + " replicates replicate r uses "
                                + "seed base + r - 1, which must not pass " + Long.MAX_VALUE + "; use a base of at "
                                + "most " + highest));
                        seedBase = 1;
                    }
                }
            } else {
                problems.add(at(v).problem("seeds: expected a map like {policy: common, base: 1} (policy: common "
                        + "or independent), got " + what(v)));
            }
        }

        Design design = keys.containsKey("design")
                ? choice(keys.get("design").getValueNode(), "design", Design.class, Design.GRID) : Design.GRID;
        int samples = 0;
        if (keys.containsKey("samples")) {
            NodeTuple t = keys.get("samples");
            samples = (int) integer(t.getValueNode(), "samples", 1, MAX_SAMPLES, 0);
            if (design == Design.GRID) {
                problems.add(at(t.getKeyNode()).problem("samples: only design lhs or sobol takes a number of "
                        + "samples; a grid runs every combination of the listed values"));
            }
        } else if (design != Design.GRID) {
            problems.add((keys.containsKey("design") ? at(keys.get("design").getKeyNode()) : rootAt)
                    .problem("design " + design.spelling() + " needs 'samples' (the number of design points)"));
        }
        long designSeed = 1;
        if (keys.containsKey("design_seed")) {
            NodeTuple t = keys.get("design_seed");
            designSeed = integer(t.getValueNode(), "design_seed", 0, Long.MAX_VALUE, 1);
            if (design != Design.LHS) {
                problems.add(at(t.getKeyNode()).problem("design_seed: only design lhs is random (a grid lists "
                        + "every combination, a Sobol sequence is fixed); remove it"));
            }
        }

        List<Dimension> vary = new ArrayList<>();
        Place varyAt = rootAt;
        if (keys.containsKey("vary")) {
            NodeTuple t = keys.get("vary");
            varyAt = at(t.getKeyNode());
            vary = vary(t.getValueNode(), design);
        }
        if (design != Design.GRID && vary.isEmpty() && problemsAbout("vary") == 0) {
            problems.add(varyAt.problem("design " + design.spelling() + " needs at least one key under vary, "
                    + "each with {min, max}"));
        }

        List<Strategy> strategies = keys.containsKey("strategies")
                ? strategies(keys.get("strategies").getValueNode()) : List.of();
        if (strategies.isEmpty() && !keys.containsKey("strategies")) {
            strategies = List.of(new Strategy(SweepSpec.DEFAULT_STRATEGY, List.of(), rootAt));
        }

        boolean keepTimeseries = keys.containsKey("keep_timeseries")
                && bool(keys.get("keep_timeseries").getValueNode(), "keep_timeseries");

        LocalDate forkAt = null;
        Place forkAtPlace = rootAt;
        if (keys.containsKey("fork_at")) {
            Node v = keys.get("fork_at").getValueNode();
            forkAtPlace = at(keys.get("fork_at").getKeyNode());
            forkAt = forkAt(v);
        }

        conflicts(set, vary, strategies);
        if (base == null || !problems.isEmpty()) {
            return null;
        }
        return new SweepSpec(path, bytes, name, description, base, baseAt, set, replicates, policy, seedBase, design,
                samples, designSeed, vary, varyAt, strategies, keepTimeseries, forkAt, forkAtPlace);
    }

    private long problemsAbout(String key) {
        return problems.stream().filter(p -> p.message().startsWith(key)).count();
    }

    // ------------------------------------------------------------------ keys

    /** A hint for an unknown top-level key, beyond the nearest spelling. */
    private static Optional<String> topLevelHint(String key, String prefix) {
        if (ParamRegistry.find(key).isPresent() || PERIOD.contains(key)) {
            return Optional.of("unknown key '" + key + "': scenario keys go under set: (fixed for every run), "
                    + "vary: or a strategy");
        }
        return Optional.empty();
    }

    /**
     * The entries of a map by key, reporting duplicates and keys not in {@code allowed} (with the
     * nearest allowed spelling).
     */
    private Map<String, NodeTuple> entries(MappingNode m, String where, List<String> allowed,
                                          java.util.function.BiFunction<String, String, Optional<String>> hint) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = keyOf(t);
            if (key == null) {
                continue;
            }
            if (out.containsKey(key)) {
                problems.add(at(t.getKeyNode()).problem("duplicate key '" + key + "' (first given at line "
                        + at(out.get(key).getKeyNode()).line() + ")"));
            } else if (!allowed.contains(key)) {
                Optional<String> h = hint.apply(key, where);
                problems.add(at(t.getKeyNode()).problem(h.orElseGet(() -> unknownKey(key, allowed,
                        where.isEmpty() ? "here" : "under '" + where + "'"))));
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    private String keyOf(NodeTuple t) {
        if (t.getKeyNode() instanceof ScalarNode ks) {
            return ks.getValue();
        }
        problems.add(at(t.getKeyNode()).problem("expected a key name, got " + what(t.getKeyNode())));
        return null;
    }

    static String unknownKey(String key, List<String> allowed, String where) {
        List<String> near = Suggest.closest(key, allowed, Suggest.tolerance(key.length()));
        if (near.isEmpty()) {
            // The same word under another group: police.child_report_probability for families.
            String last = key.substring(key.lastIndexOf('.') + 1);
            int tol = Suggest.tolerance(last.length());
            List<String> lastNear = new ArrayList<>();
            for (String a : allowed) {
                if (Suggest.distance(last, a.substring(a.lastIndexOf('.') + 1)) <= tol && a.contains(".")) {
                    lastNear.add(a);
                }
            }
            near = lastNear.size() <= 5 ? lastNear : List.of();
        }
        if (!near.isEmpty()) {
            return "unknown key '" + key + "'; " + Suggest.didYouMean(near);
        }
        return "unknown key '" + key + "'; valid keys " + where + ": " + String.join(", ", allowed);
    }

    // ------------------------------------------------------------------ overrides (set, strategies)

    /**
     * A map of scenario keys to single values, nested ({@code police: {budget: 2}}) or dotted,
     * as in scenario files. {@code period}: whether start/end/measure.* are allowed too.
     */
    private List<Setting> settings(Node node, String what, boolean period) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem(what + ": expected a map of scenario keys to values (like "
                    + "{police.budget: 2}), got " + what(node)));
            return List.of();
        }
        List<String> allowed = new ArrayList<>(ParamRegistry.keys());
        if (period) {
            allowed.addAll(PERIOD);
        }
        Map<String, Node[]> leaves = new LinkedHashMap<>();
        flatten(m, "", allowed, what, leaves);
        List<Setting> out = new ArrayList<>();
        leaves.forEach((key, kv) -> {
            Node v = kv[1];
            String text = canonical(key, v, what);
            if (text != null) {
                out.add(new Setting(key, text, at(kv[0])));
            }
        });
        return out;
    }

    /** Expands nested groups and dotted keys into full keys, reporting unknown and duplicate ones. */
    private void flatten(MappingNode m, String prefix, List<String> allowed, String what, Map<String, Node[]> out) {
        Set<String> groups = groups(allowed);
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = keyOf(t);
            if (key == null) {
                continue;
            }
            Node first = seen.putIfAbsent(key, t.getKeyNode());
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (first != null || out.containsKey(path)) {
                Node earlier = first != null ? first : out.get(path)[0];
                problems.add(at(t.getKeyNode()).problem(what + ": duplicate key '" + path + "' (first given at line "
                        + at(earlier).line() + ")"));
            } else if (allowed.contains(path)) {
                out.put(path, new Node[] {t.getKeyNode(), t.getValueNode()});
            } else if (groups.contains(path) && t.getValueNode() instanceof MappingNode sub) {
                flatten(sub, path, allowed, what, out);
            } else if (groups.contains(path)) {
                problems.add(at(t.getValueNode()).problem(what + ": '" + path + "' is a group of keys; expected a map "
                        + "of its keys, got " + what(t.getValueNode())));
            } else {
                problems.add(at(t.getKeyNode()).problem(what + ": " + unknownKey(path, allowed, "here")));
            }
        }
    }

    private static Set<String> groups(List<String> keys) {
        Set<String> g = new LinkedHashSet<>();
        for (String k : keys) {
            for (int i = k.indexOf('.'); i > 0; i = k.indexOf('.', i + 1)) {
                g.add(k.substring(0, i));
            }
        }
        return g;
    }

    /** The value of one override in the form the scenario loader reads back to the same value. */
    private String canonical(String key, Node v, String what) {
        if (!(v instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            problems.add(at(v).problem(what + ": " + key + ": expected " + allowed(key) + ", got " + what(v)));
            return null;
        }
        if (PERIOD.contains(key)) {
            try {
                return LocalDate.parse(s.getValue().trim()).toString();
            } catch (DateTimeParseException e) {
                problems.add(at(v).problem(what + ": " + key + ": expected " + allowed(key) + ", got '"
                        + s.getValue() + "'"));
                return null;
            }
        }
        ParamSpec spec = ParamRegistry.find(key).orElseThrow();
        try {
            return ParamSpec.format(spec.parse(raw(s, spec)));
        } catch (IllegalArgumentException e) {
            problems.add(at(v).problem(what + ": " + key + ": " + e.getMessage()));
            return null;
        }
    }

    private static String allowed(String key) {
        return PERIOD.contains(key) ? "a date like 2011-01-01"
                : ParamRegistry.find(key).map(ParamSpec::allowed).orElse("a value");
    }

    /** YAML's own booleans (yes/on/true) for a boolean key; otherwise the text as written. */
    private static Object raw(ScalarNode s, ParamSpec spec) {
        if (s.getTag().equals(Tag.BOOL) && spec.kind() == ParamSpec.Kind.BOOLEAN) {
            String t = s.getValue().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        }
        return s.getValue();
    }

    // ------------------------------------------------------------------ vary

    private List<Dimension> vary(Node node, Design design) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem("vary: expected a map of parameter keys to lists of values"
                    + " or ranges, got " + what(node)));
            return List.of();
        }
        Map<String, Node[]> leaves = new LinkedHashMap<>();
        flattenVary(m, "", leaves);
        List<Dimension> out = new ArrayList<>();
        leaves.forEach((key, kv) -> {
            Dimension d = dimension(ParamRegistry.find(key).orElseThrow(), kv[0], kv[1], design);
            if (d != null) {
                out.add(d);
            }
        });
        return out;
    }

    /**
     * Like {@link #flatten}, except that a map under a parameter key is its range, and a map
     * under a group is more keys.
     */
    private void flattenVary(MappingNode m, String prefix, Map<String, Node[]> out) {
        List<String> allowed = ParamRegistry.keys();
        Set<String> groups = groups(allowed);
        for (NodeTuple t : m.getValue()) {
            String key = keyOf(t);
            if (key == null) {
                continue;
            }
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (out.containsKey(path)) {
                problems.add(at(t.getKeyNode()).problem("vary: duplicate key '" + path + "' (first given at line "
                        + at(out.get(path)[0]).line() + ")"));
            } else if (allowed.contains(path)) {
                out.put(path, new Node[] {t.getKeyNode(), t.getValueNode()});
            } else if (groups.contains(path) && t.getValueNode() instanceof MappingNode sub) {
                flattenVary(sub, path, out);
            } else if (PERIOD.contains(path) || path.equals("seed") || path.startsWith("measure")) {
                problems.add(at(t.getKeyNode()).problem("vary: '" + path + "' cannot be varied: only parameters "
                        + "can (dates go under set; seeds come from replicates and seeds:)"));
            } else {
                problems.add(at(t.getKeyNode()).problem("vary: " + unknownKey(path, allowed, "here")));
            }
        }
    }

    private Dimension dimension(ParamSpec spec, Node keyNode, Node v, Design design) {
        String key = spec.key();
        Place place = at(keyNode);
        if (v instanceof SequenceNode seq) {
            if (design != Design.GRID) {
                problems.add(at(v).problem("vary: " + key + ": design " + design.spelling() + " samples between "
                        + "bounds: write {min: ..., max: ...}; lists are for design: grid"));
                return null;
            }
            return listed(spec, seq, place);
        }
        if (v instanceof MappingNode mm) {
            Map<String, NodeTuple> fields = new LinkedHashMap<>();
            for (NodeTuple t : mm.getValue()) {
                String k = keyOf(t);
                if (k != null && fields.putIfAbsent(k, t) != null) {
                    problems.add(at(t.getKeyNode()).problem("vary: " + key + ": duplicate key '" + k + "'"));
                }
            }
            boolean bounds = fields.containsKey("min") || fields.containsKey("max");
            List<String> allowed = bounds ? List.of("min", "max") : List.of("from", "to", "step");
            boolean ok = true;
            for (Map.Entry<String, NodeTuple> f : fields.entrySet()) {
                if (!allowed.contains(f.getKey())) {
                    problems.add(at(f.getValue().getKeyNode()).problem("vary: " + key + ": " + unknownKey(f.getKey(),
                            allowed, "in a " + (bounds ? "{min, max} bound" : "{from, to, step} range"))));
                    ok = false;
                }
            }
            for (String required : allowed) {
                if (!fields.containsKey(required)) {
                    problems.add(at(v).problem("vary: " + key + ": missing '" + required + "' (a range is {from, to, "
                            + "step} for design grid, bounds are {min, max} for design lhs or sobol)"));
                    ok = false;
                }
            }
            if (spec.kind() == ParamSpec.Kind.BOOLEAN || spec.kind() == ParamSpec.Kind.CHOICE) {
                problems.add(at(v).problem("vary: " + key + ": is " + spec.allowed() + ", not a number: list its "
                        + "values, like [" + String.join(", ", spec.kind() == ParamSpec.Kind.BOOLEAN
                        ? List.of("true", "false") : spec.choices()) + "] (design grid)"));
                return null;
            }
            if (!ok) {
                return null;
            }
            if (bounds) {
                if (design == Design.GRID) {
                    problems.add(at(v).problem("vary: " + key + ": {min, max} bounds are for design lhs or sobol; "
                            + "a grid needs a list of values or a {from, to, step} range"));
                    return null;
                }
                return bounded(spec, fields.get("min").getValueNode(), fields.get("max").getValueNode(), place);
            }
            if (design != Design.GRID) {
                problems.add(at(v).problem("vary: " + key + ": design " + design.spelling() + " samples between "
                        + "bounds: write {min: ..., max: ...}; {from, to, step} ranges are for design: grid"));
                return null;
            }
            return range(spec, fields, place);
        }
        problems.add(at(v).problem("vary: " + key + ": a single value does not vary: put it under set:, or list "
                + "the values to compare, like [1, 1.5, 2]"));
        return null;
    }

    private Dimension listed(ParamSpec spec, SequenceNode seq, Place place) {
        List<Object> values = new ArrayList<>();
        Map<Object, Node> seen = new HashMap<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
                problems.add(at(item).problem("vary: " + spec.key() + ": expected " + spec.allowed() + ", got "
                        + what(item)));
                ok = false;
                continue;
            }
            try {
                Object v = spec.parse(raw(s, spec));
                Node first = seen.putIfAbsent(v, item);
                if (first != null) {
                    problems.add(at(item).problem("vary: " + spec.key() + ": value " + ParamSpec.format(v)
                            + " is listed twice (first at line " + at(first).line() + ")"));
                    ok = false;
                } else {
                    values.add(v);
                }
            } catch (IllegalArgumentException e) {
                problems.add(at(item).problem("vary: " + spec.key() + ": " + e.getMessage()));
                ok = false;
            }
        }
        if (seq.getValue().isEmpty()) {
            problems.add(at(seq).problem("vary: " + spec.key() + ": the list is empty; list at least one value"));
            ok = false;
        }
        return ok ? Dimension.listed(spec, Dimension.Form.LIST, values, place) : null;
    }

    /**
     * {@code {from, to, step}}, both ends included. Decimal arithmetic, so {@code 0.1} steps give
     * 0.3, not 0.30000000000000004, and the last level is not lost to rounding.
     */
    private Dimension range(ParamSpec spec, Map<String, NodeTuple> fields, Place place) {
        String key = spec.key();
        BigDecimal from = decimal(fields.get("from").getValueNode(), key + " from");
        BigDecimal to = decimal(fields.get("to").getValueNode(), key + " to");
        Node stepNode = fields.get("step").getValueNode();
        BigDecimal step = decimal(stepNode, key + " step");
        if (from == null || to == null || step == null) {
            return null;
        }
        boolean ok = inRange(spec, from, fields.get("from").getValueNode())
                & inRange(spec, to, fields.get("to").getValueNode());
        if (step.signum() == 0) {
            problems.add(at(stepNode).problem("vary: " + key + ": step must not be 0"));
            return null;
        }
        int direction = to.compareTo(from);
        if (direction != 0 && direction != step.signum()) {
            problems.add(at(stepNode).problem("vary: " + key + ": step " + step.toPlainString() + " goes "
                    + (step.signum() > 0 ? "up" : "down") + " but to (" + to.toPlainString() + ") is "
                    + (direction > 0 ? "above" : "below") + " from (" + from.toPlainString() + "); use step "
                    + step.negate().toPlainString()));
            return null;
        }
        if (spec.kind() == ParamSpec.Kind.INTEGER) {
            for (Map.Entry<String, BigDecimal> e : Map.of("from", from, "to", to, "step", step).entrySet()) {
                if (e.getValue().stripTrailingZeros().scale() > 0) {
                    problems.add(at(fields.get(e.getKey()).getValueNode()).problem("vary: " + key + ": " + e.getKey()
                            + " must be a whole number (" + key + " is " + spec.allowed() + ")"));
                    ok = false;
                }
            }
        }
        if (!ok) {
            return null;
        }
        BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_LEVELS)) > 0) {
            problems.add(at(stepNode).problem("vary: " + key + ": this range has " + count.toPlainString()
                    + " values; at most " + MAX_LEVELS + " (use a larger step)"));
            return null;
        }
        List<Object> levels = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            BigDecimal v = from.add(step.multiply(BigDecimal.valueOf(i)));
            levels.add(spec.kind() == ParamSpec.Kind.INTEGER ? (Object) v.intValueExact() : (Object) v.doubleValue());
        }
        return Dimension.listed(spec, Dimension.Form.RANGE, levels, place);
    }

    private boolean inRange(ParamSpec spec, BigDecimal v, Node node) {
        try {
            spec.parse(spec.kind() == ParamSpec.Kind.INTEGER && v.stripTrailingZeros().scale() <= 0
                    ? (Object) v.longValueExact() : (Object) v.doubleValue());
            return true;
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(at(node).problem("vary: " + spec.key() + ": expected " + spec.allowed() + ", got '"
                    + v.toPlainString() + "'"));
            return false;
        }
    }

    private Dimension bounded(ParamSpec spec, Node minNode, Node maxNode, Place place) {
        BigDecimal min = decimal(minNode, spec.key() + " min");
        BigDecimal max = decimal(maxNode, spec.key() + " max");
        if (min == null || max == null) {
            return null;
        }
        boolean ok = inRange(spec, min, minNode) & inRange(spec, max, maxNode);
        if (ok && min.compareTo(max) >= 0) {
            problems.add(at(maxNode).problem("vary: " + spec.key() + ": max (" + max.toPlainString()
                    + ") must be above min (" + min.toPlainString() + ")"));
            ok = false;
        }
        return ok ? Dimension.bounded(spec, min.doubleValue(), max.doubleValue(), place) : null;
    }

    private BigDecimal decimal(Node v, String what) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            try {
                return new BigDecimal(s.getValue().trim().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at(v).problem("vary: " + what + ": expected a number, got " + what(v)));
        return null;
    }

    // ------------------------------------------------------------------ strategies

    private List<Strategy> strategies(Node node) {
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem("strategies: expected a map of strategy names to overrides, like "
                    + "{baseline: {}, double-police: {police.budget: 2}}, got " + what(node)));
            return List.of();
        }
        List<Strategy> out = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            String name = keyOf(t);
            if (name == null) {
                continue;
            }
            Node first = seen.putIfAbsent(name, t.getKeyNode());
            if (first != null) {
                problems.add(at(t.getKeyNode()).problem("strategies: duplicate strategy " + YamlFiles.quoted(name)
                        + " (first given at line " + at(first).line() + ")"));
                continue;
            }
            if (YamlFiles.nameTooLong(name) != null || !name.matches(NAME_PATTERN)) {
                problems.add(at(t.getKeyNode()).problem("strategies: name " + YamlFiles.quoted(name) + ": "
                        + (YamlFiles.nameTooLong(name) != null ? YamlFiles.nameTooLong(name)
                        : "expected lower-case letters, digits, '.', '_' or '-' (it is part of every run id)")));
                continue;
            }
            Node body = t.getValueNode();
            LocalDate from = null;
            if (body instanceof MappingNode sm) {
                List<NodeTuple> rest = new ArrayList<>();
                for (NodeTuple st : sm.getValue()) {
                    if (st.getKeyNode() instanceof ScalarNode k && k.getValue().equals(FROM)) {
                        if (from != null) {
                            problems.add(at(k).problem("strategy '" + name + "': duplicate key 'from'"));
                        }
                        from = date(st.getValueNode(), "strategy '" + name + "': from");
                    } else {
                        rest.add(st);
                    }
                }
                body = new MappingNode(sm.getTag(), true, rest, sm.getStartMark(), sm.getEndMark(), sm.getFlowStyle());
            }
            out.add(new Strategy(name, settings(body, "strategy '" + name + "'", false), at(t.getKeyNode()), from));
        }
        if (m.getValue().isEmpty()) {
            problems.add(at(node).problem("strategies: the map is empty; name at least one strategy (baseline: {}),"
                    + " or leave strategies out for a single one"));
        }
        return out;
    }

    /**
     * A key fixed under set and varied, or varied and overridden by a strategy, would make the
     * runs.csv columns lie about what was run: refuse rather than pick a winner silently.
     */
    private void conflicts(List<Setting> set, List<Dimension> vary, List<Strategy> strategies) {
        Map<String, Place> varied = new HashMap<>();
        vary.forEach(d -> varied.put(d.key(), d.at()));
        Map<String, Place> fixed = new HashMap<>();
        set.forEach(s -> fixed.put(s.key(), s.at()));
        BiConsumer<Setting, String> check = (s, who) -> {
            if (varied.containsKey(s.key())) {
                problems.add(s.at().problem(who + ": " + s.key() + " is also varied (line " + varied.get(s.key()).line()
                        + "); a key is either varied or " + (who.equals("set") ? "fixed" : "set by strategies")));
            } else if (!who.equals("set") && fixed.containsKey(s.key())) {
                problems.add(s.at().problem(who + ": " + s.key() + " is also fixed under set (line "
                        + fixed.get(s.key()).line() + "); give it in one place"));
            }
        };
        set.forEach(s -> check.accept(s, "set"));
        strategies.forEach(st -> st.settings().forEach(s -> check.accept(s, "strategy '" + st.name() + "'")));
    }

    // ------------------------------------------------------------------ scalars

    private Path base(Path sweepFile, Node v) {
        String t = text(v, "base", "a scenario file");
        if (t == null) {
            return null;
        }
        if (t.isBlank()) {
            problems.add(at(v).problem("base: expected a scenario file, like ../china-2011.yaml, got nothing"));
            return null;
        }
        Path p;
        try {
            Path dir = sweepFile.getParent();
            p = (dir == null ? Path.of(t.trim()) : dir.resolve(t.trim())).normalize();
        } catch (InvalidPathException e) {
            problems.add(at(v).problem("base: not a valid path: '" + t + "'"));
            return null;
        }
        if (!Files.isRegularFile(p)) {
            problems.add(at(v).problem("base: no such scenario file '" + t + "' (looked for " + p
                    + "; paths are relative to the sweep file)"));
            return null;
        }
        return p;
    }

    /** {@code fork_at}: a date, or none for no shared burn-in. */
    private LocalDate forkAt(Node v) {
        if (v instanceof ScalarNode s && s.getValue().trim().equalsIgnoreCase("none")) {
            return SweepSpec.NO_FORK;
        }
        return date(v, "fork_at");
    }

    private LocalDate date(Node v, String key) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            try {
                return LocalDate.parse(s.getValue().trim());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(at(v).problem(key + ": expected a date like 2011-01-01" + (key.equals("fork_at")
                ? " (or none)" : "") + ", got " + what(v)));
        return null;
    }

    private String text(Node v, String key, String expected) {
        if (v instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        problems.add(at(v).problem(key + ": expected " + expected + ", got " + what(v)));
        return null;
    }

    private long integer(Node v, String key, long min, long max, long fallback) {
        String range = max == Long.MAX_VALUE ? "a whole number from " + min
                : "a whole number from " + min + " to " + max;
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            try {
                long n = Long.parseLong(s.getValue().trim().replace("_", ""));
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at(v).problem(key + ": expected " + range + ", got " + what(v)));
        return fallback;
    }

    private boolean bool(Node v, String key) {
        if (v instanceof ScalarNode s) {
            String t = s.getValue().trim().toLowerCase(Locale.ROOT);
            if (s.getTag().equals(Tag.BOOL) || t.equals("true") || t.equals("false")) {
                return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
            }
        }
        problems.add(at(v).problem(key + ": expected true or false, got " + what(v)));
        return false;
    }

    private <E extends Enum<E>> E choice(Node v, String key, Class<E> type, E fallback) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (v instanceof ScalarNode s) {
            String t = s.getValue().trim().toLowerCase(Locale.ROOT);
            int i = names.indexOf(t);
            if (i >= 0) {
                return type.getEnumConstants()[i];
            }
            List<String> near = Suggest.closest(t, names, Suggest.tolerance(t.length()));
            problems.add(at(v).problem(key + ": expected one of " + String.join(", ", names) + ", got '"
                    + s.getValue() + "'" + (near.isEmpty() ? "" : "; " + Suggest.didYouMean(near))));
            return fallback;
        }
        problems.add(at(v).problem(key + ": expected one of " + String.join(", ", names) + ", got " + what(v)));
        return fallback;
    }

    private Place at(Node n) {
        return Place.of(file, n);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A top-level key that is a sweep key or close to one: a file with none is not a sweep file. */
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


    /** The file name without .yaml, as a sweep name (the default when the file gives none). */
    static String defaultName(Path file) {
        return org.crackdown.scenario.YamlFiles.defaultName(file, "sweep");
    }

}
