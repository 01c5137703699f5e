package org.crackdown.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.model.ParamRegistry;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.Setting;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlFiles;
import org.crackdown.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a sweep file as strictly as a scenario file: every unknown key (with a suggestion),
 * bad value and contradiction is reported, all at once, as {@code file:line:col: message}.
 * Works on SnakeYAML's node tree so that every problem has a place and duplicate keys are caught.
 * Values of parameter keys are checked against the parameter's rules here; rules that involve
 * the base scenario (e.g. police shares adding up to at most 1) are checked by {@link SweepPlan}.
 *
 * <p>Just over 400 lines, kept whole: it reads one schema top to bottom, so a reader checking
 * what a key means finds it in file order here; {@code vary:}, {@code set:} and
 * {@code strategies:} already have their own readers (VaryReader, OverridesReader).
 */
public final class SweepFileReader {

    static final List<String> TOP = List.of("name", "description", "base", "set", "replicates", "seeds", "design",
            "samples", "design_seed", "vary", "parameters", "strategies", "keep_timeseries", "fork_at");
    /** Keys of {@code parameters:} (a sweep over posterior draws). */
    static final List<String> POSTERIOR_KEYS = List.of("posterior", "draws", "seed");
    static final List<String> SEEDS = List.of("policy", "base");
    /** What {@code set} may override besides parameters: the simulated and measured period. */
    static final List<String> PERIOD = List.of("start", "end", "measure.from", "measure.to");
    static final int MAX_LEVELS = 1_000_000;
    static final int MAX_REPLICATES = 1_000_000;
    static final int MAX_SAMPLES = 10_000_000;
    static final String NAME_PATTERN = "[a-z0-9._-]+";

    private static final Keys TOP_KEYS = new Keys(TOP);

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final YamlReader r;
    private final OverridesReader overrides;

    private SweepFileReader(String file) {
        this.file = file;
        this.r = new YamlReader(file, problems);
        this.overrides = new OverridesReader(r);
    }

    /**
     * Reads and checks {@code path}.
     *
     * @throws ScenarioException with every problem found
     */
    public static SweepSpec read(Path path) throws ScenarioException {
        SweepFileReader r = new SweepFileReader(path.toString());
        SweepSpec spec = r.parse(path);
        if (!r.problems.isEmpty() || spec == null) {
            throw new ScenarioException(r.problems);
        }
        return spec;
    }

    private SweepSpec parse(Path path) {
        if (Files.isDirectory(path)) {
            problems.add(new Problem(file, 0, 0, "cannot read: it is a directory"));
            return null;
        }
        byte[] bytes;
        try {
            bytes = YamlFiles.readBytes(path);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "cannot read: " + YamlFiles.reason(e)));
            return null;
        }
        YamlFiles.Loaded loaded = YamlFiles.parse(file, bytes);
        if (loaded.failed()) {
            problems.add(loaded.problem());
            return null;
        }
        Node root = loaded.root();
        if (!(root instanceof MappingNode top) || !isSweep(top)) {
            problems.add(new Place(file, 1, 1).problem(root == null
                    ? "expected a map of sweep keys (" + String.join(", ", TOP) + "), got an empty file"
                    : YamlFiles.notA("sweep", root)));
            return null;
        }
        Map<String, Entry> keys = r.entries(top, "", TOP_KEYS, SweepFileReader::topLevelHint);
        Place rootAt = Place.of(file, top);

        String name = defaultName(path);
        if (keys.containsKey("name")) {
            String n = text(keys.get("name").value(), "name", "a name");
            if (n != null && YamlFiles.nameTooLong(n) != null) {
                problems.add(at(keys.get("name").value()).problem("name: " + YamlFiles.nameTooLong(n)));
            } else if (n != null && !n.matches(NAME_PATTERN)) {
                problems.add(at(keys.get("name").value()).problem("name: expected lower-case letters, "
                        + "digits, '.', '_' or '-' (it names the output folder and the data package), got "
                        + YamlFiles.quoted(n)));
            } else if (n != null) {
                name = n;
            }
        }
        String description = keys.containsKey("description")
                ? orEmpty(text(keys.get("description").value(), "description", "one line of text")) : "";

        Path base = null;
        Place baseAt = rootAt;
        if (!keys.containsKey("base")) {
            problems.add(rootAt.problem("missing required key 'base' (the scenario to sweep, relative to this "
                    + "file, like base: ../china-2011.yaml)"));
        } else {
            Node v = keys.get("base").value();
            baseAt = at(v);
            base = base(path, v);
        }

        List<Setting> set = keys.containsKey("set")
                ? overrides.settings(keys.get("set").value(), "set", true) : List.of();
        int replicates = keys.containsKey("replicates")
                ? (int) integer(keys.get("replicates").value(), "replicates", 1, MAX_REPLICATES, 1) : 1;

        SeedPolicy policy = keys.containsKey("parameters") ? SeedPolicy.PAIRED : SeedPolicy.COMMON;
        Place policyAt = null;
        long seedBase = 1;
        if (keys.containsKey("seeds")) {
            Node v = keys.get("seeds").value();
            if (v instanceof MappingNode sm) {
                Map<String, Entry> s = r.entries(sm, "seeds", new Keys(SEEDS));
                if (s.containsKey("policy")) {
                    policy = choice(s.get("policy").value(), "seeds.policy", SeedPolicy.class, policy);
                    policyAt = at(s.get("policy").value());
                }
                if (s.containsKey("base")) {
                    Node b = s.get("base").value();
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
                problems.add(at(v).problem("seeds: expected a map like {policy: common, base: 1} (policy: common, "
                        + "independent or paired), got " + what(v)));
            }
        }

        DesignMethod design = keys.containsKey("design")
                ? choice(keys.get("design").value(), "design", DesignMethod.class, DesignMethod.GRID) : DesignMethod.GRID;
        int samples = 0;
        if (keys.containsKey("samples")) {
            Entry t = keys.get("samples");
            samples = (int) integer(t.value(), "samples", 1, MAX_SAMPLES, 0);
            if (design == DesignMethod.GRID) {
                problems.add(at(t.key()).problem("samples: only design lhs or sobol takes a number of "
                        + "samples; a grid runs every combination of the listed values"));
            }
        } else if (design != DesignMethod.GRID) {
            problems.add((keys.containsKey("design") ? at(keys.get("design").key()) : rootAt)
                    .problem("design " + design.spelling() + " needs 'samples' (the number of design points)"));
        }
        long designSeed = 1;
        if (keys.containsKey("design_seed")) {
            Entry t = keys.get("design_seed");
            designSeed = integer(t.value(), "design_seed", 0, Long.MAX_VALUE, 1);
            if (design != DesignMethod.LHS) {
                problems.add(at(t.key()).problem("design_seed: only design lhs is random (a grid lists "
                        + "every combination, a Sobol sequence is fixed); remove it"));
            }
        }

        List<Dimension> vary = new ArrayList<>();
        Place varyAt = rootAt;
        if (keys.containsKey("vary")) {
            Entry t = keys.get("vary");
            varyAt = at(t.key());
            vary = new VaryReader(r).vary(t.value(), design);
        }
        PosteriorDraws posterior = null;
        if (design == DesignMethod.POSTERIOR) {
            problems.add(at(keys.get("design").value()).problem("design: posterior is not chosen here: write "
                    + "parameters: {posterior: FILE, draws: N} (and no design:)"));
        } else if (keys.containsKey("parameters")) {
            Entry t = keys.get("parameters");
            for (String other : List.of("vary", "design", "samples", "design_seed")) {
                if (keys.containsKey(other)) {
                    problems.add(at(keys.get(other).key()).problem(other + ": a sweep over posterior draws "
                            + "(parameters: at line " + at(t.key()).line() + ") takes its parameter values from the "
                            + "draws; remove " + other + ", or fix the key under set:"));
                }
            }
            if (policy == SeedPolicy.INDEPENDENT) {
                problems.add(policyAt.problem("seeds.policy: independent gives each strategy other seeds, but a sweep "
                        + "over posterior draws compares strategies under common random numbers; use paired (the "
                        + "default here: one stream per draw and replicate, shared by the strategies) or common"));
            }
            posterior = posterior(path, t, seedBase);
            if (posterior != null) {
                design = DesignMethod.POSTERIOR;
                varyAt = at(t.key());
                vary = new ArrayList<>();
                for (int j = 0; j < posterior.keys().size(); j++) {
                    double[] range = posterior.range(j);
                    vary.add(Dimension.posterior(posterior.keys().get(j), range[0], range[1], varyAt));
                }
            }
        }
        if (design != DesignMethod.GRID && design != DesignMethod.POSTERIOR && vary.isEmpty() && problemsAbout("vary") == 0) {
            problems.add(varyAt.problem("design " + design.spelling() + " needs at least one key under vary, "
                    + "each with {min, max}"));
        }

        List<Strategy> strategies = keys.containsKey("strategies")
                ? overrides.strategies(keys.get("strategies").value()) : List.of();
        if (strategies.isEmpty() && !keys.containsKey("strategies")) {
            strategies = List.of(new Strategy(SweepSpec.DEFAULT_STRATEGY, List.of(), rootAt));
        }

        boolean keepTimeseries = keys.containsKey("keep_timeseries")
                && bool(keys.get("keep_timeseries").value(), "keep_timeseries");

        LocalDate forkAt = null;
        Place forkAtPlace = rootAt;
        if (keys.containsKey("fork_at")) {
            Node v = keys.get("fork_at").value();
            forkAtPlace = at(keys.get("fork_at").key());
            forkAt = forkAt(v);
        }

        overrides.conflicts(set, vary, strategies);
        if (base == null || !problems.isEmpty()) {
            return null;
        }
        return new SweepSpec(path, bytes, name, description, base, baseAt, set, replicates, policy, seedBase, design,
                samples, designSeed, vary, varyAt, strategies, keepTimeseries, forkAt, forkAtPlace, posterior);
    }

    private long problemsAbout(String key) {
        return problems.stream().filter(p -> p.message().startsWith(key)).count();
    }

    // ------------------------------------------------------------------ posterior draws

    /**
     * {@code parameters: {posterior: FILE, draws: N, seed: S}}: FILE relative to the sweep file,
     * S (the seed of the draws) by default the sweep's seed base.
     */
    private PosteriorDraws posterior(Path sweepFile, Entry t, long seedBase) {
        Node v = t.value();
        if (!(v instanceof MappingNode m)) {
            problems.add(at(v).problem("parameters: expected {posterior: FILE, draws: N} (FILE a posterior.csv "
                    + "written by crackdown calibrate --method abc), got " + what(v)));
            return null;
        }
        Map<String, Entry> p = r.entries(m, "parameters", new Keys(POSTERIOR_KEYS));
        int before = problems.size();
        if (!p.containsKey("posterior")) {
            problems.add(at(v).problem("parameters: missing 'posterior' (a posterior.csv written by crackdown "
                    + "calibrate --method abc, relative to this file)"));
        }
        if (!p.containsKey("draws")) {
            problems.add(at(v).problem("parameters: missing 'draws' (how many parameter sets to draw from the "
                    + "posterior by weight)"));
        }
        int draws = p.containsKey("draws")
                ? (int) integer(p.get("draws").value(), "parameters.draws", 1, MAX_SAMPLES, 1) : 1;
        long seed = p.containsKey("seed")
                ? integer(p.get("seed").value(), "parameters.seed", 0, Long.MAX_VALUE, seedBase) : seedBase;
        if (problems.size() > before || !p.containsKey("posterior")) {
            return null;
        }
        Node fileNode = p.get("posterior").value();
        String name = text(fileNode, "parameters.posterior", "a posterior.csv file");
        if (name == null || name.isBlank()) {
            if (name != null) {
                problems.add(at(fileNode).problem("parameters.posterior: expected a posterior.csv file, got nothing"));
            }
            return null;
        }
        Path file;
        try {
            Path dir = sweepFile.getParent();
            file = (dir == null ? Path.of(name.trim()) : dir.resolve(name.trim())).normalize();
        } catch (InvalidPathException e) {
            problems.add(at(fileNode).problem("parameters.posterior: not a valid path: '" + name + "'"));
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(at(fileNode).problem("parameters.posterior: no such file '" + name + "' (looked for " + file
                    + "; paths are relative to the sweep file)"));
            return null;
        }
        byte[] bytes;
        try {
            bytes = YamlFiles.readBytes(file);
        } catch (IOException e) {
            problems.add(at(fileNode).problem("parameters.posterior: cannot read '" + name + "': " + YamlFiles.reason(e)));
            return null;
        }
        return PosteriorDraws.read(file, bytes, file.toString(), draws, seed, at(t.key()), problems);
    }

    // ------------------------------------------------------------------ keys

    /** A hint for an unknown top-level key, beyond the nearest spelling. */
    private static String topLevelHint(String key) {
        if (ParamRegistry.find(key).isPresent() || PERIOD.contains(key) || key.equals("campaigns")
                || org.crackdown.scenario.CampaignKeys.isCampaignKey(key)) {
            return "unknown key '" + key + "': scenario keys go under set: (fixed for every run), "
                    + "vary: or a strategy";
        }
        return null;
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
        return r.date(v, key, "a date like 2011-01-01" + (key.equals("fork_at") ? " (or none)" : ""));
    }

    private String text(Node v, String key, String expected) {
        return r.text(v, key, expected);
    }

    private long integer(Node v, String key, long min, long max, long fallback) {
        Long n = r.integer(v, key, min, max);
        return n == null ? fallback : n;
    }

    private boolean bool(Node v, String key) {
        return Boolean.TRUE.equals(r.bool(v, key));
    }

    private <E extends Enum<E>> E choice(Node v, String key, Class<E> type, E fallback) {
        E found = r.choice(v, key, YamlReader.choices(type));
        return found == null ? fallback : found;
    }

    private Place at(Node n) {
        return r.at(n);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A file with no sweep key, nor one close to a sweep key, is not a sweep file. */
    static boolean isSweep(MappingNode top) {
        return top.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
                && TOP_KEYS.knows(k.getValue()));
    }

    private static String what(Node n) {
        return YamlReader.what(n);
    }

    /** The file name without .yaml, as a sweep name (the default when the file gives none). */
    static String defaultName(Path file) {
        return YamlFiles.defaultName(file, "sweep");
    }

}
