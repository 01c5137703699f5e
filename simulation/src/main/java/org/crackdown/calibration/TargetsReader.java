package org.crackdown.calibration;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crackdown.scenario.Setting;
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
 *   joint_rings_broken: {min: 8, max: 10, national_only: true, source: "..."}   # scored only at scale 1
 *   # any other name: says what it reads (a sum or ratio of columns) and, optionally, over which
 *   # months (counts and prices only; default: the scenario's measure window)
 *   rescued_2000_2007: {output: women_rescued+children_rescued, from: 2000-01, to: 2007-12,
 *       value: 130000, tolerance: 0.10, source: "..."}
 * free:                             # parameters marked "free" (required)
 *   demand.bride_propensity: {min: 0.005, max: 0.3, log: true, start: 0.06}
 *   # with a prior for --method abc (default: uniform, or log-uniform with log: true, on the bounds)
 *   demand.son_propensity: {min: 0.002, max: 0.05, log: true,
 *       prior: {distribution: loguniform, min: 0.004, max: 0.03, source: "..."}}
 * optimizer: {method: cmaes, max_evaluations: 300, seed: 1, sigma: 0.2}
 * abc: {particles: 100, generations: 4, quantile: 0.5, min_acceptance: 0.02, seed: 1,   # --method abc
 *      predictive_draws: 100, sampler: replenishment}   # or sampler: pmc
 * }</pre>
 *
 * <p>This class reads the file and its run settings; {@link FitSections} reads what is fitted
 * and against what. To add a section: its key in {@link #TOP}, a method that reads it (in
 * FitSections if it is about the fit), a field in {@link CalibrationSpec}, and a test with the
 * message of each thing that can be wrong in it.
 */
public final class TargetsReader {

    static final List<String> TOP = List.of("name", "description", "scenario", "set", "scale_counts", "replicates",
            "seeds", "targets", "free", "optimizer", "abc");
    static final List<String> ABC_KEYS = List.of("particles", "generations", "quantile", "min_acceptance", "seed",
            "predictive_draws", "sampler");
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
    private final FitSections sections;

    private TargetsReader(String file) {
        this.file = file;
        this.r = new YamlReader(file, problems);
        this.sections = new FitSections(r);
    }

    /**
     * Reads and checks {@code path}.
     *
     * @throws ScenarioException with every problem found
     */
    public static CalibrationSpec read(Path path) throws ScenarioException {
        TargetsReader r = new TargetsReader(path.toString());
        return ScenarioException.unlessProblems(r.parse(path), r.problems, r.file, "not a targets file");
    }

    private CalibrationSpec parse(Path path) {
        MappingNode top = YamlFiles.topMap(path, file, problems, TOP_KEYS, TOP, "calibration", "calibration targets");
        if (top == null) {
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
            targets = sections.targets(keys.get("targets"));
        }

        List<FreeParameter> free = List.of();
        if (!keys.containsKey("free")) {
            problems.add(rootAt.problem("missing required key 'free' (parameters to fit, like "
                    + "demand.bride_propensity: {min: 0.005, max: 0.3, log: true})"));
        } else {
            free = sections.free(keys.get("free"));
        }
        for (FreeParameter f : free) {
            for (Setting s : set) {
                if (s.key().equals(f.key())) {
                    problems.add(s.at().problem("set: " + f.key()
                            + " is also a free parameter; a fitted parameter cannot be fixed too (remove one)"));
                }
            }
        }

        OptimizerSettings optimizer = new OptimizerSettings(OptimizerSettings.Method.CMAES, 300, 1,
                OptimizerSettings.DEFAULT_SIGMA);
        if (keys.containsKey("optimizer")) {
            optimizer = optimizer(keys.get("optimizer").value(), optimizer, free.size());
        }
        AbcSettings abc = AbcSettings.DEFAULT;
        if (keys.containsKey("abc")) {
            abc = abc(keys.get("abc").value(), abc);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new CalibrationSpec(name, path, scenario, set, scaleCounts, replicates, seedBase, targets, free,
                optimizer, sections.priors(), abc);
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
            out.add(new Setting(e.path(), text, at(e.key())));
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

    private AbcSettings abc(Node node, AbcSettings d) {
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem("abc: expected a map like {particles: 100, generations: 4, seed: 1}, got "
                    + what(node)));
            return d;
        }
        Map<String, Entry> k = r.entries(m, "abc", new Keys(ABC_KEYS));
        int particles = k.containsKey("particles")
                ? (int) integer(k.get("particles").value(), "abc: particles", 2, 100_000, d.particles()) : d.particles();
        int generations = k.containsKey("generations")
                ? (int) integer(k.get("generations").value(), "abc: generations", 0, 100, d.generations())
                : d.generations();
        double quantile = share(k, "quantile", d.quantile(), false);
        double minAcceptance = share(k, "min_acceptance", d.minAcceptance(), true);
        long seed = k.containsKey("seed")
                ? integer(k.get("seed").value(), "abc: seed", 0, Long.MAX_VALUE, d.seed()) : d.seed();
        int draws = k.containsKey("predictive_draws")
                ? (int) integer(k.get("predictive_draws").value(), "abc: predictive_draws", 0, 100_000,
                d.predictiveDraws()) : d.predictiveDraws();
        AbcSettings.Sampler sampler = d.sampler();
        if (k.containsKey("sampler")) {
            Map<String, AbcSettings.Sampler> samplers = new LinkedHashMap<>();
            for (AbcSettings.Sampler x : AbcSettings.Sampler.values()) {
                samplers.put(x.spelling(), x);
            }
            AbcSettings.Sampler found = r.choice(k.get("sampler").value(), "abc: sampler", samplers);
            sampler = found == null ? sampler : found;
        }
        return new AbcSettings(particles, generations, quantile, minAcceptance, seed, draws, sampler);
    }

    /** A share above 0 and below 1 (or at most 1 if {@code oneAllowed}). */
    private double share(Map<String, Entry> k, String key, double fallback, boolean oneAllowed) {
        if (!k.containsKey(key)) {
            return fallback;
        }
        Double q = number(k.get(key).value(), "abc: " + key);
        if (q != null && !(q > 0 && (q < 1 || oneAllowed && q == 1))) {
            problems.add(at(k.get(key).value()).problem("abc: " + key + ": expected a share above 0 and "
                    + (oneAllowed ? "at most 1" : "below 1") + ", got " + num(q)));
            return fallback;
        }
        return q == null ? fallback : q;
    }

    // ------------------------------------------------------------------ node helpers

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

    private String text(Node v, String where) {
        return r.requiredText(v, where, "text");
    }

    private static String allowedValue(String key) {
        return ParamRegistry.find(key).map(ParamSpec::allowed).orElse("a date like 2011-01-01");
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
