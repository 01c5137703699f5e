package org.crackdown.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;
import org.crackdown.scenario.CampaignKeys;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioFiles;
import org.crackdown.scenario.ScenarioLoader;
import org.crackdown.scenario.ScenarioWriter;
import org.crackdown.scenario.Setting;
import org.crackdown.yaml.Place;

/**
 * A sweep ready to run: its design points, the base scenario with {@code set} applied, and the
 * canonical list of runs (point, then strategy in file order, then replicate). Runs are computed
 * from their index, never stored, so a plan of any size takes little memory.
 *
 * <p>Over 400 lines on purpose: making a plan (expanding the design, checking every point's
 * scenario and blaming the sweep file's line, deciding whether strategies can fork from a shared
 * burn-in) and answering for its runs share the resolved base and the file's settings; the
 * reading of the file itself is {@link SweepFileReader}'s.
 */
public final class SweepPlan {

    /**
     * Runs per sweep: a million runs of a few seconds each is already days of a cluster, so more
     * is a mistake in the file. Checked from the design's size before anything is expanded or
     * allocated (the runner keeps a few numbers per run).
     */
    public static final long MAX_RUNS = 1_000_000L;
    /** Problems shown for design points that fail the scenario rules; the rest are counted. */
    static final int MAX_REPORTED = 20;

    private final SweepSpec spec;
    private final List<List<Object>> points;
    private final Scenario base;
    private final String fingerprint;
    private final RunIds ids;
    /** The base scenario and its extends chain as read when the plan was made: every run loads these. */
    private final ScenarioFiles files;
    /** The day strategies fork from a shared burn-in, or null: every run simulates its whole period. */
    private LocalDate forkAt;
    /** Why a sweep with several strategies does not fork (for a note), or null. */
    private String noForkReason;

    private SweepPlan(SweepSpec spec, List<List<Object>> points, Scenario base, ScenarioFiles files) {
        this.spec = spec;
        this.points = List.copyOf(points);
        this.base = base;
        this.files = files;
        this.fingerprint = fingerprint(spec.source(), ScenarioWriter.toYaml(base),
                spec.posterior() == null ? null : spec.posterior().bytes());
        this.ids = new RunIds(points.size(), spec.strategies().stream().map(Strategy::name).toList(),
                spec.replicates());
    }

    /**
     * Reads the sweep file, expands its design and checks every design point and strategy
     * against the scenario rules before anything runs, so a bad value fails at once.
     *
     * @throws ScenarioException with every problem, each placed in the sweep file (or the base
     *                           scenario, for problems there)
     */
    public static SweepPlan load(Path sweepFile) throws ScenarioException {
        return load(SweepFileReader.read(sweepFile), ScenarioFiles.snapshot());
    }

    /**
     * As {@link #load(Path)}, for a sweep file already read, with the scenario files taken from
     * {@code files} (e.g. those stored when the sweep started: see {@link SweepFolder#storedScenarios}).
     * Each scenario file is read at most once, here; runs never read them again.
     */
    public static SweepPlan load(SweepSpec spec, ScenarioFiles files) throws ScenarioException {
        long n;
        long runs;
        try {
            n = DesignPoints.count(spec);
            runs = Math.multiplyExact(Math.multiplyExact(n, spec.strategies().size()), spec.replicates());
        } catch (ArithmeticException e) {
            n = Long.MAX_VALUE;
            runs = Long.MAX_VALUE;
        }
        if (runs > MAX_RUNS) {
            throw new ScenarioException(List.of(spec.varyAt().problem("the sweep has " + (runs == Long.MAX_VALUE
                    ? "more than " + Long.MAX_VALUE : String.format(java.util.Locale.ROOT, "%,d", runs)) + " runs ("
                    + (n == Long.MAX_VALUE ? "too many" : Long.toString(n)) + " design points x " + spec.strategies().size() + " strategies x " + spec.replicates()
                    + " replicates); a sweep may have at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_RUNS)
                    + " runs: split the study into several sweeps, or use fewer values, samples or replicates")));
        }
        Scenario base;
        try {
            base = ScenarioLoader.load(spec.base(), spec.set().stream().map(Setting::asSet).toList(), files);
        } catch (ScenarioException e) {
            throw new ScenarioException(e.problems().stream().map(p -> fromSet(p, spec, spec.set(), "set")).toList());
        }
        SweepPlan plan = new SweepPlan(spec, DesignPoints.expand(spec), base, files);
        plan.validate();
        plan.decideFork();
        return plan;
    }

    /**
     * Strategies share a burn-in when each of them changes nothing before the fork: their
     * overrides are dated ({@code from:}) on or after it. Then every replicate simulates the days
     * before the fork once and each strategy continues from a copy, with its own random stream.
     * Given explicitly, {@code fork_at} that cannot be honoured is an error; by default the sweep
     * forks at the earliest strategy date when it can, and otherwise says why it does not.
     */
    private void decideFork() throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        for (Strategy st : spec.strategies()) {
            if (st.from() != null && (!st.from().isAfter(base.start()) || st.from().isAfter(base.end()))) {
                problems.add(st.at().problem("strategy '" + st.name() + "': from " + st.from() + " is outside the "
                        + "simulated period after its first day (" + base.start().plusDays(1) + " to " + base.end() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        LocalDate earliest = null;
        for (Strategy st : spec.strategies()) {
            if (st.from() != null && (earliest == null || st.from().isBefore(earliest))) {
                earliest = st.from();
            }
        }
        String why = null;
        Strategy fromStart = spec.strategies().stream().filter(Strategy::changesFromStart).findFirst().orElse(null);
        if (fromStart != null) {
            String key = fromStart.settings().get(0).key();
            // A campaign's keys cannot be dated (it has dates of its own), so the usual advice does not apply.
            why = "strategy '" + fromStart.name() + "' changes " + key + (CampaignKeys.isCampaignKey(key)
                    ? " (runs share their first days only if their campaigns are the same)"
                    : " from the start (give its overrides a date, from: YYYY-MM-DD, to share the days before it)");
        } else if (spec.seedPolicy() == SeedPolicy.INDEPENDENT) {
            why = "with seeds policy " + spec.seedPolicy().spelling() + " the strategies of a replicate do not share "
                    + "a seed, so they have no days in common";
        }
        LocalDate given = spec.forkAt();
        if (given == SweepSpec.NO_FORK) {
            return;
        }
        if (given != null) {
            Place at = spec.forkAtPlace();
            if (why != null) {
                problems.add(at.problem("fork_at: cannot fork: " + why));
            }
            if (!given.isAfter(base.start()) || given.isAfter(base.end())) {
                problems.add(at.problem("fork_at: " + given + " is outside the simulated period after its first day ("
                        + base.start().plusDays(1) + " to " + base.end() + ")"));
            }
            for (Strategy st : spec.strategies()) {
                if (st.from() != null && st.from().isBefore(given)) {
                    problems.add(at.problem("fork_at: " + given + " is after strategy '" + st.name() + "' starts ("
                            + st.from() + "); the runs must not differ before the fork"));
                }
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            forkAt = given;
            return;
        }
        if (spec.strategies().size() < 2) {
            return; // nothing to share between
        }
        if (why != null) {
            noForkReason = why;
            return;
        }
        LocalDate at = earliest != null ? earliest : base.measureFrom();
        if (at.isAfter(base.start()) && !at.isAfter(base.end())) {
            forkAt = at;
        }
    }

    /**
     * Loads the scenario of every (point, strategy) pair: the only way to apply every rule of the
     * scenario loader, including those linking a varied key to the base (police shares, min/max pairs).
     */
    private void validate() throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        int failing = 0;
        for (int p = 0; p < points.size(); p++) {
            for (int s = 0; s < spec.strategies().size(); s++) {
                try {
                    ScenarioLoader.load(spec.base(), overrides(p, s), files);
                } catch (ScenarioException e) {
                    failing++;
                    if (problems.size() < MAX_REPORTED) {
                        String context = describe(p, s);
                        for (Problem q : e.problems()) {
                            List<Setting> given = settings(p, s);
                            Problem placed = fromSet(q, spec, given, context);
                            problems.add(placed);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            if (failing > 1) {
                problems.add(new Problem(spec.fileShown(), 0, 0, failing + " combinations of design point and "
                        + "strategy break the scenario rules" + (failing > MAX_REPORTED ? " (the first ones are shown)" : "")));
            }
            throw new ScenarioException(problems);
        }
    }

    /**
     * A problem the scenario loader found in a {@code --set} override, placed where the sweep
     * file gives that key; problems inside the base scenario keep their place, with context.
     */
    private static Problem fromSet(Problem p, SweepSpec spec, List<Setting> given, String context) {
        if (!p.file().equals(Problem.SET)) {
            return new Problem(p.file(), p.line(), p.col(), "with " + context + " of " + spec.fileShown() + ": "
                    + p.message());
        }
        Place at = blame(p.message(), given, false);
        if (at == null) {
            at = blame(p.message(), given, true);
        }
        if (at == null) {
            at = spec.varyAt();
        }
        return at.problem(context + ": " + p.message());
    }

    /**
     * Where the sweep file gives the key a message is about: the full key, or else (for rules
     * that name keys of one group by their last part, like the police shares) its last part.
     * Later overrides (strategy, then point) are more specific, so they are tried first.
     */
    private static Place blame(String message, List<Setting> given, boolean lastPart) {
        for (int i = given.size() - 1; i >= 0; i--) {
            Setting s = given.get(i);
            String word = lastPart ? s.key().substring(s.key().lastIndexOf('.') + 1) : s.key();
            if (java.util.regex.Pattern.compile("(^|[^\\w.])" + java.util.regex.Pattern.quote(word) + "($|[^\\w])")
                    .matcher(message).find()) {
                return s.at();
            }
        }
        return null;
    }

    private String describe(int p, int s) {
        StringBuilder b = new StringBuilder();
        if (!spec.vary().isEmpty()) {
            b.append("design point ").append(pointId(p)).append(" (");
            for (int j = 0; j < spec.vary().size(); j++) {
                b.append(j == 0 ? "" : ", ").append(spec.vary().get(j).key()).append('=')
                        .append(ParamSpec.format(points.get(p).get(j)));
            }
            b.append("), ");
        }
        return b.append("strategy '").append(spec.strategies().get(s).name()).append('\'').toString();
    }

    /** The overrides of a (point, strategy) pair, with where each was given. */
    private List<Setting> settings(int point, int strategy) {
        List<Setting> all = new ArrayList<>(spec.set());
        List<Object> values = points.get(point);
        for (int j = 0; j < spec.vary().size(); j++) {
            Dimension d = spec.vary().get(j);
            all.add(new Setting(d.key(), ParamSpec.format(values.get(j)), d.at()));
        }
        all.addAll(spec.strategies().get(strategy).settings());
        return all;
    }

    /**
     * The scale a run simulates: the last override of {@code scale} among the sweep's set, the
     * point and the strategy (in the order the loader applies them), else the base scenario's.
     */
    public double scale(SweepRun run) {
        double s = base.parameters().getScale();
        for (Setting x : settings(run.point(), run.strategy())) {
            if (x.key().equals("scale")) {
                s = ((Number) ParamRegistry.find("scale").orElseThrow().parse(x.text())).doubleValue();
            }
        }
        return s;
    }

    /** {@code key=value} overrides for the scenario loader: set, then the point, then the strategy. */
    public List<String> overrides(int point, int strategy) {
        return settings(point, strategy).stream().map(Setting::asSet).toList();
    }

    /**
     * The scenario of one run, built afresh (plans hold no scenario per point) from the scenario
     * files as they were when the plan was made, whatever has happened to them on disk since.
     */
    public Scenario scenario(SweepRun run) throws ScenarioException {
        Strategy st = spec.strategies().get(run.strategy());
        if (st.from() == null) {
            return ScenarioLoader.load(spec.base(), overrides(run.point(), run.strategy()), files);
        }
        // A dated strategy: the point's scenario, with the strategy's overrides as a change on its date.
        return st.dated(prefixScenario(run.point()));
    }

    /** The scenario of a design point before any strategy: what its replicates share up to the fork. */
    public Scenario prefixScenario(int point) throws ScenarioException {
        List<String> o = new ArrayList<>(spec.set().stream().map(Setting::asSet).toList());
        List<Object> values = points.get(point);
        for (int j = 0; j < spec.vary().size(); j++) {
            o.add(spec.vary().get(j).key() + "=" + ParamSpec.format(values.get(j)));
        }
        return ScenarioLoader.load(spec.base(), o, files);
    }

    /** The day strategies fork from their replicate's shared burn-in, or null for no forking. */
    public LocalDate forkAt() {
        return forkAt;
    }

    /** Why a sweep of several strategies simulates every run whole (for a note), or null. */
    public String noForkReason() {
        return noForkReason;
    }

    /**
     * The seed of a forked run's stream after the fork: from the replicate's seed and the
     * strategy's name only, so a run's result does not depend on which runs were simulated
     * before it, in what order, or on how many threads.
     */
    public long streamSeed(SweepRun run) {
        return SeedPolicy.mix(SeedPolicy.mix(run.seed()) ^ SeedPolicy.fnv(run.strategyName())) & Long.MAX_VALUE;
    }

    /** The base scenario file and the files it extends, by absolute path, as this plan read them. */
    public Map<Path, byte[]> scenarioFiles() {
        return files.files();
    }

    /** The scenario files of {@link #scenarioFiles()} whose content on disk is now different (or gone). */
    public List<Path> changedOnDisk() {
        List<Path> changed = new ArrayList<>();
        scenarioFiles().forEach((path, bytes) -> {
            try {
                if (!Arrays.equals(bytes, Files.readAllBytes(path))) {
                    changed.add(path);
                }
            } catch (IOException e) {
                changed.add(path);
            }
        });
        return changed;
    }

    public SweepRun run(int index) {
        if (index < 0 || index >= runCount()) {
            throw new IndexOutOfBoundsException(index);
        }
        int point = ids.point(index);
        int strategy = ids.strategy(index);
        int replicate = ids.replicate(index);
        String strategyName = spec.strategies().get(strategy).name();
        long seed = spec.seedPolicy().seed(spec.seedBase(), point, strategyName, replicate);
        return new SweepRun(index, point, strategy, replicate, ids.pointId(point), strategyName, seed,
                ids.runId(index));
    }

    public int runCount() {
        return ids.count();
    }

    public String pointId(int point) {
        return ids.pointId(point);
    }

    public RunIds ids() {
        return ids;
    }

    public SweepSpec spec() {
        return spec;
    }

    public List<List<Object>> points() {
        return points;
    }

    /** The base scenario with the sweep's {@code set} applied. */
    public Scenario base() {
        return base;
    }

    /**
     * SHA-256 of the sweep file, the resolved base scenario and (a sweep over posterior draws) the
     * posterior file: equal fingerprints mean the same runs with the same inputs, which resume and
     * merge check before combining anything.
     */
    public String fingerprint() {
        return fingerprint;
    }

    static String fingerprint(byte[] sweepSource, String resolvedBase) {
        return fingerprint(sweepSource, resolvedBase, null);
    }

    static String fingerprint(byte[] sweepSource, String resolvedBase, byte[] posterior) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(sweepSource);
            d.update("\n--- resolved base scenario ---\n".getBytes(StandardCharsets.UTF_8));
            d.update(resolvedBase.getBytes(StandardCharsets.UTF_8));
            if (posterior != null) {
                // Without it, a posterior recalibrated in place would be resumed into one runs.csv with the old draws.
                d.update("\n--- posterior ---\n".getBytes(StandardCharsets.UTF_8));
                d.update(posterior);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
