package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.crackdown.model.Scenario;
import org.crackdown.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Fuzzing the command line with files mutated from the shipped scenarios and sweeps: keys
 * dropped, renamed or added, values of the wrong type, numbers and dates pushed to extremes,
 * YAML structure damaged, files truncated. Every case goes through {@code validate} (scenarios)
 * or {@code slurm} (sweeps: it checks the whole plan and writes only scripts) and, when valid, a
 * tiny {@code run} or {@code sweep}. Every command must exit 0 or 2 within a time limit, print no
 * stack trace, and leave no file but its own complete output.
 *
 * <p>Seeded: a failure names the seed and the case; rerun one case with
 * {@code -Dcrackdown.fuzz.seed=S -Dcrackdown.fuzz.case=N}, or more cases with
 * {@code -Dcrackdown.fuzz.cases=N}.
 */
@org.junit.jupiter.api.Tag("fuzz")
@org.junit.jupiter.api.Tag("slow")
class FuzzTest {

    static final long SEED = Long.getLong("crackdown.fuzz.seed", 20261130L);
    static final int CASES = Integer.getInteger("crackdown.fuzz.cases", 250);
    static final Integer ONLY = Integer.getInteger("crackdown.fuzz.case");
    /** Tiny runs and sweeps cost most: only so many per test run (the first valid cases). */
    static final int MAX_RUNS = Integer.getInteger("crackdown.fuzz.runs", 15);
    static final int MAX_SWEEPS = Integer.getInteger("crackdown.fuzz.sweeps", 5);
    static final Duration LIMIT = Duration.ofSeconds(30);
    /** -Dcrackdown.fuzz.verbose=true prints every command's exit code and first message. */
    static final boolean VERBOSE = Boolean.getBoolean("crackdown.fuzz.verbose");

    static final Path SHIPPED = Path.of("../scenarios");
    /** The run is cut to June of a year inside every shipped scenario's campaigns and timeline. */
    static final String TINY = "scale=0.005";

    @TempDir
    Path tmp;
    Path scenarios;
    Path sweeps;
    Path out;
    Set<String> baseline;
    int runs;
    int sweepRuns;

    record Outcome(int code, String out, String err) {
    }

    @Test
    void mutatedFilesGiveExitZeroOrTwoAndNoStackTraceOrStrayFile() throws Exception {
        copyShipped();
        List<Path> scenarioSources = list(scenarios);
        List<Path> sweepSources = list(sweeps);
        int valid = 0;
        int first = ONLY != null ? ONLY : 0;
        int last = ONLY != null ? ONLY + 1 : CASES;
        System.out.println("FuzzTest: seed " + SEED + ", cases " + first + ".." + (last - 1)
                + " (rerun one with -Dcrackdown.fuzz.seed=" + SEED + " -Dcrackdown.fuzz.case=N)");
        for (int i = first; i < last; i++) {
            SplittableRandom rng = new SplittableRandom(SEED * 1_000_003L + i); // mixes its seed: neighbouring cases differ
            boolean sweep = rng.nextInt(4) == 0;
            Path source = pick(rng, sweep ? sweepSources : scenarioSources);
            String text = Files.readString(source, StandardCharsets.UTF_8);
            List<String> applied = new ArrayList<>();
            int n = 1 + rng.nextInt(3);
            for (int k = 0; k < n; k++) {
                text = mutate(rng, text, applied);
            }
            Path file = (sweep ? sweeps : scenarios).resolve("fuzz-" + i + ".yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            String label = "seed " + SEED + " case " + i + " (" + (sweep ? "sweeps/" : "") + source.getFileName()
                    + ": " + String.join("; ", applied) + ")";
            try {
                valid += sweep ? sweepCase(file, label) : scenarioCase(file, source, label) ? 1 : 0;
            } finally {
                Files.delete(file);
                deleteTree(out);
            }
            assertEquals(baseline, contents(), label + ": files left behind");
        }
        System.out.println("FuzzTest: " + (last - first) + " cases, " + valid + " valid, " + runs + " tiny runs, "
                + sweepRuns + " tiny sweeps");
        if (ONLY == null) {
            // A fuzzer whose mutants are all invalid (or all valid) tests little: both kinds must occur.
            assertTrue(valid > CASES / 10 && valid < CASES * 9 / 10, "valid mutants: " + valid + " of " + CASES);
            assertTrue(runs > 0 && sweepRuns > 0, "tiny runs " + runs + ", sweeps " + sweepRuns);
        }
    }

    // ------------------------------------------------------------------ the cases

    private boolean scenarioCase(Path file, Path source, String label) throws IOException {
        Outcome v = crackdown(label, "validate", file.toString());
        assertExitZeroOrTwoWithoutStackTrace(label, v);
        if (v.code() != Main.OK || runs >= MAX_RUNS) {
            return v.code() == Main.OK;
        }
        runs++;
        String year = source.getFileName().toString().contains("2000-2020") ? "2016" : "2011";
        Path target = out.resolve("run");
        Outcome r = crackdown(label, "run", file.toString(), "--set", TINY, "--set", "start=" + year + "-06-01",
                "--set", "end=" + year + "-06-30", "--set", "measure.from=" + year + "-06-01", "--set",
                "measure.to=" + year + "-06-30", "--out", target.toString(), "--quiet");
        assertOutput(label, r, target, "summary.csv");
        return true;
    }

    private int sweepCase(Path file, String label) throws IOException {
        Path scripts = out.resolve("slurm");
        Outcome v = crackdown(label, "slurm", file.toString(), "--tasks", "1", "--jar", file.toString(), "--out",
                scripts.toString());
        assertOutput(label, v, scripts, "slurm/submit.sh");
        if (v.code() != Main.OK) {
            return 0;
        }
        deleteTree(out);
        if (sweepRuns < MAX_SWEEPS && small(file)) {
            sweepRuns++;
            Path target = out.resolve("sweep");
            Outcome r = crackdown(label, "sweep", file.toString(), "--threads", "1", "--out", target.toString(),
                    "--quiet");
            assertOutput(label, r, target, "runs.csv");
        }
        return 1;
    }

    /** A sweep cheap enough to run here: a few runs of the tiny base. */
    private static boolean small(Path file) {
        try {
            SweepPlan plan = SweepPlan.load(file);
            Scenario base = plan.base();
            return plan.runCount() <= 4 && base.parameters().getScale() <= 0.005 && base.days() <= 31;
        } catch (Exception e) {
            return false;
        }
    }

    private static void assertExitZeroOrTwoWithoutStackTrace(String label, Outcome o) {
        String all = o.out() + o.err();
        if (o.code() != Main.OK && o.code() != Main.BAD_INPUT) {
            fail(label + ": exit code " + o.code() + "\n" + all);
        }
        assertTrue(!all.contains("Exception") && !all.contains("\tat ") && !all.contains("bug in crackdown"),
                label + ": a stack trace or a bug report\n" + all);
    }

    /** Exit 0 with the complete output, or exit 2 with none; never a stack trace. */
    private void assertOutput(String label, Outcome o, Path target, String expectedFile) {
        assertExitZeroOrTwoWithoutStackTrace(label, o);
        String all = o.out() + o.err();
        if (o.code() == Main.OK) {
            assertTrue(Files.isRegularFile(target.resolve(expectedFile)), label + ": exit 0 without " + expectedFile);
        } else {
            assertTrue(!Files.exists(target), label + ": exit 2 but " + target + " was written\n" + all);
        }
        // Nothing beside the output: no temporary folder or file of a run in the making.
        try (Stream<Path> s = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            List<String> beside = s.filter(p -> !p.equals(target)).map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of(), beside, label + ": stray files beside " + target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Outcome crackdown(String label, String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
            if (VERBOSE) {
                System.out.println(label + ": " + args[0] + " exit " + code + ": "
                        + e.toString().lines().findFirst().orElse(""));
            }
            return new Outcome(code, o.toString(), e.toString());
        }, () -> label + ": crackdown " + String.join(" ", args).replace(tmp.toString(), "TMP")
                + " took more than " + LIMIT.toSeconds() + " s");
    }

    // ------------------------------------------------------------------ mutations

    private static final String[] NUMBERS = {"0", "-1", "1e308", "-1e308", ".nan", ".inf", "-.inf",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e-320", "2147483648",
            "0.0000001", "99999999999999999999999", "1_000", "0x1F", "3.0e+2"};
    private static final String[] DATES = {"0001-01-01", "9999-12-31", "+999999999-12-31", "2011-02-30",
            "1949-01-01", "2100-12-31", "2011-13-01", "2011-6-1", "20110601", "2011-06-01T00:00:00Z"};
    private static final String[] JUNK = {":", ": ", "- ", "{", "}", "[", "]", "\"", "'", "\t", "&a ", "*a ",
            "!!binary ", "!!python/object:os.system ", "%YAML 1.1\n", "---\n", "...\n", "#", "? ", "|\n", ">-\n",
            "\u00e9", "\ufeff", "\u0007", "<<: *a\n", "~"};
    private static final String[] KEYS = {"scale", "seed", "name", "extends", "start", "end", "police.budget",
            "police", "campaigns", "timeline", "base", "vary", "strategies", "replicates", "design", "samples",
            "seeds", "set", "keep_timeseries", "births.srb_shift", "nonsense", "measure.from"};

    private String mutate(SplittableRandom rng, String text, List<String> applied) {
        int kind = rng.nextInt(12);
        if (kind < 6) {
            Object tree;
            try {
                tree = yaml().load(text);
            } catch (RuntimeException e) {
                tree = null; // already damaged: mutate the text instead
            }
            if (tree instanceof Map || tree instanceof List) {
                List<Slot> slots = new ArrayList<>();
                collect(tree, slots);
                // Extreme numbers and dates go mostly where numbers and dates are, or they would
                // rarely reach the code that reads them.
                List<Slot> aimed = slots.stream().filter(sl -> kind == 3 && sl.get() instanceof Number
                        || kind == 4 && String.valueOf(sl.get()).matches("\\d{4}-\\d\\d-\\d\\d")).toList();
                if (!aimed.isEmpty() && rng.nextInt(4) > 0) {
                    slots = aimed;
                }
                if (!slots.isEmpty()) {
                    Slot s = slots.get(rng.nextInt(slots.size()));
                    applied.add(structural(rng, kind, s));
                    return dump(tree);
                }
            }
        }
        return textual(rng, text, applied);
    }

    /** A place in the tree: a map entry or a list item. */
    private record Slot(Object container, Object key) {
        Object get() {
            return container instanceof Map<?, ?> m ? m.get(key) : ((List<?>) container).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(Object v) {
            if (container instanceof Map<?, ?> m) {
                ((Map<Object, Object>) m).put(key, v);
            } else {
                ((List<Object>) container).set((Integer) key, v);
            }
        }

        void remove() {
            if (container instanceof Map<?, ?> m) {
                m.remove(key);
            } else {
                ((List<?>) container).remove((int) (Integer) key);
            }
        }
    }

    private static void collect(Object node, List<Slot> out) {
        if (node instanceof Map<?, ?> m) {
            for (Object k : new ArrayList<>(m.keySet())) {
                out.add(new Slot(m, k));
                collect(m.get(k), out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new Slot(l, i));
                collect(l.get(i), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String structural(SplittableRandom rng, int kind, Slot s) {
        switch (kind) {
            case 0 -> {
                s.remove();
                return "drop " + s.key();
            }
            case 1 -> {
                if (s.container() instanceof Map<?, ?> m) {
                    Object v = m.remove(s.key());
                    String renamed = rename(rng, String.valueOf(s.key()));
                    ((Map<Object, Object>) m).put(renamed, v);
                    return "rename " + s.key() + " to " + renamed;
                }
                s.remove();
                return "drop item " + s.key();
            }
            case 2 -> {
                Object[] others = {List.of(), List.of(1, 2), new LinkedHashMap<>(Map.of("a", 1)), "text", 1, 2.5, true,
                        null, ""};
                Object v = others[rng.nextInt(others.length)];
                s.set(v instanceof List<?> l ? new ArrayList<>(l) : v);
                return "type of " + s.key() + " to " + (v == null ? "null" : v.getClass().getSimpleName());
            }
            case 3 -> {
                String v = NUMBERS[rng.nextInt(NUMBERS.length)];
                s.set(v.matches("-?[0-9]+") && v.length() < 19 ? Long.valueOf(v) : v);
                return s.key() + " = " + v;
            }
            case 4 -> {
                String v = DATES[rng.nextInt(DATES.length)];
                s.set(v);
                return s.key() + " = date " + v;
            }
            default -> {
                String key = KEYS[rng.nextInt(KEYS.length)];
                Object v = rng.nextBoolean() ? NUMBERS[rng.nextInt(NUMBERS.length)] : s.get();
                if (s.container() instanceof Map<?, ?> m) {
                    ((Map<Object, Object>) m).put(key, v);
                } else {
                    ((List<Object>) s.container()).add(v);
                }
                return "add " + key;
            }
        }
    }

    private static String rename(SplittableRandom rng, String key) {
        if (key.isEmpty() || rng.nextInt(3) == 0) {
            return KEYS[rng.nextInt(KEYS.length)];
        }
        StringBuilder b = new StringBuilder(key);
        int at = rng.nextInt(b.length());
        switch (rng.nextInt(3)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> b.insert(at, (char) ('a' + rng.nextInt(26)));
            default -> b.setCharAt(at, Character.toUpperCase(b.charAt(at)));
        }
        return b.toString();
    }

    private static String textual(SplittableRandom rng, String text, List<String> applied) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = rng.nextInt(lines.size());
        switch (rng.nextInt(5)) {
            case 0 -> {
                int at = rng.nextInt(text.length() + 1);
                applied.add("truncate at " + at);
                return text.substring(0, at);
            }
            case 1 -> {
                applied.add("delete line " + (line + 1));
                lines.remove(line);
            }
            case 2 -> {
                applied.add("repeat line " + (line + 1));
                lines.add(line, lines.get(line));
            }
            case 3 -> {
                String l = lines.get(line);
                int at = rng.nextInt(l.length() + 1);
                String junk = JUNK[rng.nextInt(JUNK.length)];
                applied.add("insert " + junk.replace("\n", "\\n") + " in line " + (line + 1));
                lines.set(line, l.substring(0, at) + junk + l.substring(at));
            }
            default -> {
                applied.add("reindent line " + (line + 1));
                lines.set(line, " ".repeat(rng.nextInt(5)) + lines.get(line).stripLeading());
            }
        }
        return String.join("\n", lines);
    }

    /** Loads YAML to plain Java values, dates kept as text so they dump back as written. */
    private static Yaml yaml() {
        LoaderOptions lo = new LoaderOptions();
        lo.setWarnOnDuplicateKeys(false); // mutants may repeat keys: the readers under test report that
        SafeConstructor c = new SafeConstructor(lo) {
            {
                yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            }
        };
        DumperOptions d = new DumperOptions();
        d.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(c, new Representer(d), d, lo);
    }

    private static String dump(Object tree) {
        return yaml().dump(tree);
    }

    // ------------------------------------------------------------------ files

    /**
     * The shipped scenarios and sweeps, with every sweep's base replaced by a tiny copy of the
     * 2011 scenario (so that valid sweeps can run here); relative paths keep working.
     */
    private void copyShipped() throws IOException {
        scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        sweeps = Files.createDirectories(scenarios.resolve("sweeps"));
        out = tmp.resolve("out");
        for (Path p : list(SHIPPED)) {
            Files.copy(p, scenarios.resolve(p.getFileName()));
        }
        Files.writeString(scenarios.resolve("tiny-base.yaml"), "extends: china-2011.yaml\nstart: 2011-06-01\n"
                + "end: 2011-06-30\nmeasure: {from: 2011-06-01, to: 2011-06-30}\nscale: 0.005\n");
        for (Path p : list(SHIPPED.resolve("sweeps"))) {
            String text = Files.readString(p, StandardCharsets.UTF_8)
                    .replace("base: ../china-2011.yaml", "base: ../tiny-base.yaml")
                    .replaceAll("set: \\{scale: [0-9.]+}", "set: {scale: 0.005}")
                    .replaceAll("replicates: [0-9]+", "replicates: 1");
            Files.writeString(sweeps.resolve(p.getFileName()), text, StandardCharsets.UTF_8);
        }
        baseline = contents();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static Path pick(SplittableRandom rng, List<Path> from) {
        return from.get(rng.nextInt(from.size()));
    }

    private Set<String> contents() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            Set<String> names = new TreeSet<>();
            s.filter(p -> !p.equals(tmp)).forEach(p -> names.add(tmp.relativize(p).toString()));
            return names;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
