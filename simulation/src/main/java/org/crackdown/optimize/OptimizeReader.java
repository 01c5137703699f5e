package org.crackdown.optimize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Allocation;
import org.crackdown.model.Metrics;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.Setting;
import org.crackdown.sweep.OverridesReader;
import org.crackdown.sweep.PosteriorDraws;
import org.crackdown.sweep.Strategy;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlFiles;
import org.crackdown.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;


import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an optimize file as strictly as a scenario file: every unknown key (with a suggestion),
 * bad value and contradiction is reported, all at once, as {@code file:line:col: message}.
 * Longer than ~400 lines because the schema is the file's documentation: each section (objective,
 * decisions, compare, search) is checked here against the others, as TargetsReader does for a
 * targets file; the YAML mechanics live in org.crackdown.yaml.
 *
 * <pre>{@code
 * name: budget-2011                     # names the output folder; default: the file name
 * scenario: ../china-2011.yaml          # relative to this file (required)
 * set: {scale: 0.05}                    # overrides for every run
 * replicates: 3                         # runs per candidate (and posterior draw), common seeds
 * seeds: {base: 1}                      # the search's seeds: base, base + 1, ...
 * objective: {measure: rescues, direction: max, criterion: mean}   # or criterion: p10
 * decisions:                            # at least one
 *   tasks: [patrol, investigation, dna, buyer]      # split of the same officers
 *   allocation: [population, hotspot, source]       # rule sharing officers among provinces
 *   ranges: {buyers.prosecution_probability: {min: 0.11, max: 0.5}}
 *   campaigns:                          # a campaign's start (and length), at the same extra effort
 *     national-2009: {start: {min: 2008-04-01, max: 2011-06-30}, length_days: {min: 90, max: 1000}}
 *   from: 2009-04-09                    # optional: decided from this day (a dated change)
 * posterior: {file: posterior.csv, draws: 10, seed: 1}   # optional
 * search: {generations: 5, population: 8, sigma: 0.3, seed: 1}
 * compare:                              # the optimum against named strategies, on fresh seeds
 *   replicates: 10
 *   seeds: {base: 1000001}
 *   strategies: {baseline: {}, hotspot: {police.allocation: hotspot}}
 * }</pre>
 */
public final class OptimizeReader {

    static final List<String> TOP = List.of("name", "description", "scenario", "set", "replicates", "seeds",
            "objective", "decisions", "posterior", "search", "compare");
    static final List<String> OBJECTIVE_KEYS = List.of("measure", "direction", "criterion");
    static final List<String> DECISION_KEYS = List.of("tasks", "allocation", "ranges", "campaigns", "from");
    static final List<String> RANGE_KEYS = List.of("min", "max", "log");
    static final List<String> POSTERIOR_KEYS = List.of("file", "draws", "seed");
    static final List<String> SEARCH_KEYS = List.of("generations", "population", "sigma", "seed");
    static final List<String> COMPARE_KEYS = List.of("replicates", "seeds", "strategies");

    /** Task names of {@code decisions.tasks} and the share each sets. */
    static final Map<String, String> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put("patrol", "police.patrol_share");
        TASKS.put("investigation", "police.investigation_share");
        TASKS.put("dna", "police.dna_share");
        TASKS.put("buyer", "police.buyer_share");
    }

    /**
     * Keys that change how many officers work (and so officer-years): a strategy found by moving
     * them would not be at equal cost, so they cannot be ranged. The scale is how much of China is
     * simulated, not a strategy.
     */
    static final List<String> COST_KEYS = List.of("police.budget", "police.per_10k", "police.trafficking_share",
            "joint.officers", "joint.per_year", "joint.duration_days", "scale");

    /** First seed of the comparison's runs by default: far from the search's seeds 1, 2, ... */
    static final long COMPARE_SEED_BASE = 1_000_001;

    private static final Keys TOP_KEYS = new Keys(TOP);

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final YamlReader r;
    private final OverridesReader overrides;
    /** {@code decisions: from}: null, decisions from the first day. */
    private java.time.LocalDate decisionsFrom;
    /** {@code decisions: campaigns}, in file order. */
    private final List<CampaignTiming> timings = new ArrayList<>();

    private OptimizeReader(String file) {
        this.file = file;
        this.r = new YamlReader(file, problems);
        this.overrides = new OverridesReader(r);
    }

    /**
     * Reads and checks {@code path}.
     *
     * @throws ScenarioException with every problem found
     */
    public static OptimizeSpec read(Path path) throws ScenarioException {
        OptimizeReader r = new OptimizeReader(path.toString());
        return ScenarioException.unlessProblems(r.parse(path), r.problems, r.file, "not an optimize file");
    }

    private OptimizeSpec parse(Path path) {
        MappingNode top = YamlFiles.topMap(path, file, problems, TOP_KEYS, TOP, "optimize", "optimize");
        if (top == null) {
            return null;
        }
        Place rootAt = r.at(top);
        Map<String, Entry> keys = r.entries(top, "", TOP_KEYS);

        String name = YamlFiles.defaultName(path, "optimize");
        if (keys.containsKey("name")) {
            Node v = keys.get("name").value();
            String n = r.requiredText(v, "name", "a name");
            if (n != null && YamlFiles.nameTooLong(n) != null) {
                r.problem(v, "name: " + YamlFiles.nameTooLong(n));
            } else if (n != null && !n.matches("[a-z0-9._-]+")) {
                r.problem(v, "name: expected lower-case letters, digits, '.', '_' or '-' (it names the output "
                        + "folder), got " + YamlFiles.quoted(n));
            } else if (n != null) {
                name = n;
            }
        }
        if (keys.containsKey("description")) {
            r.text(keys.get("description").value(), "description", "one line of text");
        }
        Path scenario = null;
        if (!keys.containsKey("scenario")) {
            problems.add(rootAt.problem("missing required key 'scenario' (the scenario whose strategy is optimised, "
                    + "relative to this file, like scenario: ../china-2011.yaml)"));
        } else {
            scenario = file(path, keys.get("scenario").value(), "scenario", "a scenario file");
        }
        List<Setting> set = keys.containsKey("set") ? overrides.settings(keys.get("set").value(), "set", true)
                : List.of();
        int replicates = keys.containsKey("replicates")
                ? (int) integer(keys.get("replicates").value(), "replicates", 1, 1000, 3) : 3;
        long seedBase = keys.containsKey("seeds") ? seedBase(keys.get("seeds").value(), "seeds", 1) : 1;

        OptimizeSpec.Objective objective = null;
        if (!keys.containsKey("objective")) {
            problems.add(rootAt.problem("missing required key 'objective' (what to optimise, like "
                    + "objective: {measure: rescues, direction: max})"));
        } else {
            objective = objective(keys.get("objective").value());
        }
        List<String> tasks = new ArrayList<>();
        List<Allocation> rules = new ArrayList<>();
        List<Decisions.Range> ranges = new ArrayList<>();
        if (!keys.containsKey("decisions")) {
            problems.add(rootAt.problem("missing required key 'decisions' (what the search may change, like "
                    + "decisions: {tasks: [patrol, investigation, dna, buyer]})"));
        } else {
            decisions(keys.get("decisions").value(), tasks, rules, ranges, set);
        }
        PosteriorDraws posterior = keys.containsKey("posterior")
                ? posterior(path, keys.get("posterior"), ranges) : null;
        OptimizeSpec.SearchSettings search = keys.containsKey("search") ? search(keys.get("search").value())
                : new OptimizeSpec.SearchSettings(5, 0, 0.3, 1);
        OptimizeSpec.Compare compare = keys.containsKey("compare") ? compare(keys.get("compare").value())
                : new OptimizeSpec.Compare(10, COMPARE_SEED_BASE, List.of(new Strategy("baseline", List.of(), rootAt)));
        if (!problems.isEmpty()) {
            return null;
        }
        return new OptimizeSpec(name, path, scenario, set, replicates, seedBase, objective, tasks, rules, ranges,
                search, posterior, compare, decisionsFrom, timings);
    }

    // ------------------------------------------------------------------ sections

    private OptimizeSpec.Objective objective(Node node) {
        MappingNode m = map(node, "objective", "{measure: rescues, direction: max, criterion: mean}");
        if (m == null) {
            return null;
        }
        Map<String, Entry> k = r.entries(m, "objective", new Keys(OBJECTIVE_KEYS));
        String measure = null;
        if (!k.containsKey("measure")) {
            r.problem(m, "objective: missing 'measure' (a column of summary.csv, or rescues)");
        } else {
            Node v = k.get("measure").value();
            String text = r.requiredText(v, "objective: measure", "a column of summary.csv, or rescues");
            List<String> known = new ArrayList<>(List.of(OptimizeSpec.Objective.RESCUES));
            Metrics.summaryColumns().forEach(c -> known.add(c.name()));
            Keys columns = new Keys(known, "measure");
            if (text != null && !columns.isLeaf(text.trim())) {
                r.problem(v, "objective: " + columns.unknownKey(text.trim(), ""));
            } else if (text != null) {
                measure = text.trim();
            }
        }
        Boolean maximise = null;
        if (!k.containsKey("direction")) {
            r.problem(m, "objective: missing 'direction' (max or min: whether more of the measure is better)");
        } else {
            Map<String, Boolean> d = new LinkedHashMap<>();
            d.put("max", true);
            d.put("min", false);
            maximise = r.choice(k.get("direction").value(), "objective: direction", d);
        }
        double quantile = Double.NaN;
        if (k.containsKey("criterion")) {
            Node v = k.get("criterion").value();
            String c = r.requiredText(v, "objective: criterion", "mean or a percentile like p10");
            if (c != null && !c.trim().equals("mean")) {
                java.util.regex.Matcher p = java.util.regex.Pattern.compile("p([0-9]{1,2})").matcher(c.trim());
                if (p.matches() && Integer.parseInt(p.group(1)) >= 1) {
                    quantile = Integer.parseInt(p.group(1)) / 100.0;
                } else {
                    r.problem(v, "objective: criterion: expected mean or a percentile p1..p99 of the outcome over the "
                            + "posterior draws (or replicates), like p10, got " + YamlFiles.quoted(c));
                }
            }
        }
        return measure == null || maximise == null ? null : new OptimizeSpec.Objective(measure, maximise, quantile);
    }

    private void decisions(Node node, List<String> tasks, List<Allocation> rules, List<Decisions.Range> ranges,
                           List<Setting> set) {
        MappingNode m = map(node, "decisions", "{tasks: [patrol, investigation, dna, buyer]}");
        if (m == null) {
            return;
        }
        Map<String, Entry> k = r.entries(m, "decisions", new Keys(DECISION_KEYS));
        if (k.keySet().stream().allMatch("from"::equals)) {
            r.problem(m, "decisions: name at least one of tasks, allocation, ranges, campaigns");
        }
        if (k.containsKey("from")) {
            decisionsFrom = r.date(k.get("from").value(), "decisions: from", "a date like 2009-04-09");
        }
        Map<String, Place> decided = new HashMap<>();
        if (k.containsKey("tasks")) {
            Node v = k.get("tasks").value();
            int before = problems.size();
            for (Node item : list(v, "decisions: tasks", "[patrol, investigation, dna, buyer]")) {
                String t = r.choice(item, "decisions: tasks", TASKS);
                if (t != null && tasks.contains(t)) {
                    r.problem(item, "decisions: tasks: " + YamlReader.what(item) + " is listed twice");
                } else if (t != null) {
                    tasks.add(t);
                    decided.put(t, r.at(item));
                }
            }
            if (tasks.size() == 1 && problems.size() == before) {
                r.problem(v, "decisions: tasks: name at least two tasks to split the officers between (one task "
                        + "alone would get the same officers it has)");
            }
        }
        if (k.containsKey("allocation")) {
            Node v = k.get("allocation").value();
            int before = problems.size();
            for (Node item : list(v, "decisions: allocation", "[population, hotspot, source]")) {
                Allocation a = r.choice(item, "decisions: allocation", YamlReader.choices(Allocation.class));
                if (a != null && rules.contains(a)) {
                    r.problem(item, "decisions: allocation: " + YamlReader.what(item) + " is listed twice");
                } else if (a != null) {
                    rules.add(a);
                }
            }
            if (rules.size() == 1 && problems.size() == before) {
                r.problem(v, "decisions: allocation: name at least two rules to choose from");
            }
            decided.put("police.allocation", r.at(v));
        }
        if (k.containsKey("ranges")) {
            ranges(k.get("ranges").value(), ranges, decided);
        }
        if (k.containsKey("campaigns")) {
            timings.addAll(new CampaignTimingReader(r).read(k.get("campaigns").value(), decided));
            if (k.containsKey("from") && !timings.isEmpty()) {
                r.problem(k.get("from").key(), "decisions: from: cannot be combined with decisions: campaigns (a "
                        + "campaign has dates of its own, and with from: every candidate must run the scenario's own "
                        + "strategy until that day); leave one out");
            }
        }
        for (Setting s : set) {
            if (decided.containsKey(s.key())) {
                problems.add(s.at().problem("set: " + s.key() + " is also decided by the search ("
                        + decided.get(s.key()).describe() + "); remove one"));
            }
        }
    }

    private void ranges(Node node, List<Decisions.Range> ranges, Map<String, Place> decided) {
        MappingNode m = map(node, "decisions: ranges", "{buyers.prosecution_probability: {min: 0.11, max: 0.5}}");
        if (m == null) {
            return;
        }
        Keys params = new Keys(ParamRegistry.keys(), "scenario key");
        for (Entry e : r.entries(m, "decisions: ranges", params).values()) {
            String key = e.path();
            String where = "decisions: ranges: " + key;
            ParamSpec spec = ParamRegistry.find(key).orElseThrow();
            if (COST_KEYS.contains(key)) {
                r.problem(e.key(), where + ": changes how many officers work (the cost); optimize compares "
                        + "strategies at equal cost, so it cannot be ranged (fix it under set instead)");
                continue;
            }
            if (TASKS.containsValue(key)) {
                r.problem(e.key(), where + ": a task's share is decided by decisions: tasks (which keeps the "
                        + "officers' total), not ranged on its own");
                continue;
            }
            if (spec.kind() != ParamSpec.Kind.NUMBER && spec.kind() != ParamSpec.Kind.INTEGER) {
                r.problem(e.key(), where + ": only numeric parameters can be ranged (" + key + " takes "
                        + spec.allowed() + ")" + (key.equals("police.allocation") ? "; use decisions: allocation" : ""));
                continue;
            }
            MappingNode rm = map(e.value(), where, "{min: 0.11, max: 0.5}");
            if (rm == null) {
                continue;
            }
            Map<String, Entry> b = r.entries(rm, where, new Keys(RANGE_KEYS));
            Double min = b.containsKey("min") ? r.number(b.get("min").value(), where + ": min") : null;
            Double max = b.containsKey("max") ? r.number(b.get("max").value(), where + ": max") : null;
            boolean log = b.containsKey("log") && Boolean.TRUE.equals(r.bool(b.get("log").value(), where + ": log"));
            if (!b.containsKey("min") || !b.containsKey("max")) {
                r.problem(rm, where + ": expected both min and max");
                continue;
            }
            if (min == null || max == null) {
                continue;
            }
            if (!(min < max)) {
                r.problem(b.get("max").value(), where + ": max " + ParamSpec.format(max) + " must be above min "
                        + ParamSpec.format(min));
            } else if (min < spec.min() || max > spec.max()) {
                r.problem(rm, where + ": the range must lie within the parameter's own, " + spec.allowed());
            } else if (log && min <= 0) {
                r.problem(b.get("min").value(), where + ": log: true needs min above 0");
            } else {
                ranges.add(new Decisions.Range(key, min, max, log, r.at(e.key())));
                decided.put(key, r.at(e.key()));
            }
        }
    }

    private PosteriorDraws posterior(Path optimizeFile, Entry t, List<Decisions.Range> ranges) {
        MappingNode m = map(t.value(), "posterior", "{file: posterior.csv, draws: 10, seed: 1}");
        if (m == null) {
            return null;
        }
        Map<String, Entry> k = r.entries(m, "posterior", new Keys(POSTERIOR_KEYS));
        int draws = k.containsKey("draws") ? (int) integer(k.get("draws").value(), "posterior: draws", 1, 100_000, 10)
                : 10;
        long seed = k.containsKey("seed") ? integer(k.get("seed").value(), "posterior: seed", 0, Long.MAX_VALUE, 1) : 1;
        if (!k.containsKey("file")) {
            r.problem(m, "posterior: missing 'file' (a posterior.csv written by crackdown calibrate --method abc)");
            return null;
        }
        Path f = file(optimizeFile, k.get("file").value(), "posterior: file", "a posterior.csv file");
        if (f == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = YamlFiles.readBytes(f);
        } catch (IOException e) {
            r.problem(k.get("file").value(), "posterior: file: cannot read " + f + ": " + YamlFiles.reason(e));
            return null;
        }
        PosteriorDraws d = PosteriorDraws.read(f, bytes, f.toString(), draws, seed, r.at(t.key()), problems);
        if (d != null) {
            for (Decisions.Range range : ranges) {
                if (d.keys().stream().anyMatch(s -> s.key().equals(range.key()))) {
                    problems.add(range.at().problem("decisions: ranges: " + range.key() + " is a parameter of the "
                            + "posterior; a strategy cannot choose what is uncertain about the world"));
                }
            }
        }
        return d;
    }

    private OptimizeSpec.SearchSettings search(Node node) {
        OptimizeSpec.SearchSettings d = new OptimizeSpec.SearchSettings(5, 0, 0.3, 1);
        MappingNode m = map(node, "search", "{generations: 5, population: 8, sigma: 0.3, seed: 1}");
        if (m == null) {
            return d;
        }
        Map<String, Entry> k = r.entries(m, "search", new Keys(SEARCH_KEYS));
        int generations = k.containsKey("generations")
                ? (int) integer(k.get("generations").value(), "search: generations", 1, 1000, 5) : 5;
        int population = k.containsKey("population")
                ? (int) integer(k.get("population").value(), "search: population", 2, 1000, 0) : 0;
        double sigma = 0.3;
        if (k.containsKey("sigma")) {
            Double s = r.number(k.get("sigma").value(), "search: sigma");
            if (s != null && !(s > 0 && s <= 0.5)) {
                r.problem(k.get("sigma").value(), "search: sigma: expected a step above 0 and at most 0.5 (in the "
                        + "unit cube of the decisions), got " + ParamSpec.format(s));
            } else if (s != null) {
                sigma = s;
            }
        }
        long seed = k.containsKey("seed") ? integer(k.get("seed").value(), "search: seed", 0, Long.MAX_VALUE, 1) : 1;
        return new OptimizeSpec.SearchSettings(generations, population, sigma, seed);
    }

    private OptimizeSpec.Compare compare(Node node) {
        MappingNode m = map(node, "compare", "{replicates: 10, strategies: {baseline: {}}}");
        if (m == null) {
            return null;
        }
        Map<String, Entry> k = r.entries(m, "compare", new Keys(COMPARE_KEYS));
        int replicates = k.containsKey("replicates")
                ? (int) integer(k.get("replicates").value(), "compare: replicates", 2, 10_000, 10) : 10;
        long seedBase = k.containsKey("seeds") ? seedBase(k.get("seeds").value(), "compare: seeds", COMPARE_SEED_BASE)
                : COMPARE_SEED_BASE;
        List<Strategy> strategies = k.containsKey("strategies") ? overrides.strategies(k.get("strategies").value())
                : List.of(new Strategy("baseline", List.of(), r.at(m)));
        for (Strategy s : strategies) {
            if (s.name().equals(Optimization.OPTIMUM)) {
                problems.add(s.at().problem("compare: strategies: '" + Optimization.OPTIMUM + "' is the name of the "
                        + "optimised strategy; name this one otherwise"));
            }
        }
        return new OptimizeSpec.Compare(replicates, seedBase, strategies);
    }

    // ------------------------------------------------------------------ helpers

    private long seedBase(Node v, String label, long fallback) {
        MappingNode sm = map(v, label, "{base: 1}");
        if (sm == null) {
            return fallback;
        }
        Map<String, Entry> s = r.entries(sm, label, new Keys(List.of("base")));
        return s.containsKey("base") ? integer(s.get("base").value(), label + ".base", 0, Long.MAX_VALUE / 2, fallback)
                : fallback;
    }

    private Path file(Path optimizeFile, Node v, String label, String expected) {
        String ref = r.requiredText(v, label, expected);
        if (ref == null) {
            return null;
        }
        Path resolved;
        try {
            Path dir = optimizeFile.getParent();
            resolved = (dir == null ? Path.of(ref.trim()) : dir.resolve(ref.trim())).normalize();
        } catch (InvalidPathException e) {
            r.problem(v, label + ": not a valid path: " + YamlFiles.quoted(ref));
            return null;
        }
        if (!Files.isRegularFile(resolved)) {
            r.problem(v, label + ": cannot read " + YamlFiles.quoted(ref) + " (" + resolved + "): "
                    + (Files.isDirectory(resolved) ? "it is a directory" : "no such file") + "; paths are relative "
                    + "to the optimize file");
            return null;
        }
        return resolved;
    }

    private MappingNode map(Node v, String label, String example) {
        if (v instanceof MappingNode m) {
            return m;
        }
        r.problem(v, label + ": expected a map like " + example + ", got " + YamlReader.what(v));
        return null;
    }

    private List<Node> list(Node v, String label, String example) {
        if (v instanceof SequenceNode s && !s.getValue().isEmpty()) {
            return s.getValue();
        }
        r.problem(v, label + ": expected a list like " + example + ", got " + YamlReader.what(v));
        return List.of();
    }

    private long integer(Node v, String where, long lo, long hi, long fallback) {
        Long n = r.integer(v, where, lo, hi);
        return n == null ? fallback : n;
    }

}
