package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.format.CodeVersion;
import org.crackdown.format.Json;
import org.crackdown.format.OutputFolders;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code crackdown bench --sweeps}: how fast sweeps run on this machine (docs/performance.md).
 * Each way of running the same replicates is a fresh JVM, as a user would start it, so each pays
 * its own start and compiling: one sweep on one thread, the same on two, one JVM per run
 * ({@code crackdown run} once per seed), and, with two or more strategies that differ only from
 * a date on, the sweep forked at that date (the prefix simulated once per replicate) against the
 * same sweep run whole ({@code fork_at: none}). It prints wall and CPU seconds and runs per
 * minute and per CPU-minute of each, then the three ratios the sweep targets are stated in, and
 * checks what must hold whatever the speed: runs.csv the same with one and two threads, forked or
 * not, and the first replicate the same in the sweep and in its own JVM (a difference is exit 1).
 *
 * <p>The child JVMs get the collector the launcher gives their command (parallel for a sweep,
 * serial for a run) and this JVM's class path. CPU is the children's user + system time, read
 * from /proc/self/stat (cutime, cstime, in USER_HZ ticks of 1/100 s) around each way of running;
 * where there is no /proc (Windows, macOS) only wall time is given. A benchmark prints figures; it
 * asserts nothing about speed.
 */
final class SweepBench {

    private SweepBench() {
    }

    /** What to run: the scenario with its --set overrides, at one scale, forked at a date. */
    record Plan(Path scenario, List<String> sets, double scale, int replicates, int strategies, LocalDate forkAt) {
    }

    /** One way of running: its runs, wall seconds and the children's CPU seconds (NaN: not known here). */
    record Mode(String label, int runs, double wallSeconds, double cpuSeconds, double runsPerMinute,
                double runsPerCpuMinute) {
    }

    /** Runs every way, prints the table and ratios, writes JSON if asked; an exit code. */
    static int run(Plan plan, Path json, PrintWriter out, PrintWriter err) {
        Path work;
        try {
            work = Files.createTempDirectory("crackdown-bench-sweeps");
        } catch (IOException e) {
            err.println("crackdown bench: cannot make a working folder: " + e.getMessage());
            return Main.FAILED;
        }
        // Interrupted (Ctrl-C), the JVM that runs now is stopped and the working folder removed:
        // a child JVM is not stopped with its parent.
        Thread cleanUp = new Thread(() -> {
            Process p;
            synchronized (CHILDREN) {
                stopping = true; // no JVM is started after this
                p = running;
            }
            if (p != null) {
                p.destroyForcibly();
                try {
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            deleteTree(work);
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            return measure(plan, work, json, out, err);
        } catch (IOException e) {
            err.println("crackdown bench: " + e.getMessage());
            return Main.FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it cleans up
            }
            deleteTree(work);
        }
    }

    /** Guards {@link #running} and {@link #stopping} (one bench at a time per JVM). */
    private static final Object CHILDREN = new Object();
    /** The child JVM running now, if any. */
    private static Process running;
    /** Set when this JVM shuts down: no child is started after it. */
    private static boolean stopping;

    private static int measure(Plan plan, Path work, Path json, PrintWriter out, PrintWriter err) throws IOException {
        int r = plan.replicates();
        out.printf(Locale.ROOT, "bench --sweeps: %d replicates of %s at scale %s; %d processors%s%n", r,
                plan.scenario().getFileName(), plan.scale(), Runtime.getRuntime().availableProcessors(),
                childCpu() < 0 ? "; no /proc here, so wall time only" : "");
        out.flush();
        Path plain = sweepFile(work.resolve("plain.yaml"), plan, false, false);
        List<Mode> modes = new ArrayList<>();
        modes.add(time("sweep, 1 JVM, 1 thread", r, work, out,
                sweep(plain, work.resolve("t1"), 1)));
        modes.add(time("sweep, 1 JVM, 2 threads", r, work, out,
                sweep(plain, work.resolve("t2"), 2)));
        List<List<String>> perRun = new ArrayList<>();
        for (int seed = 1; seed <= r; seed++) {
            List<String> c = child("-XX:+UseSerialGC", "run", plan.scenario().toAbsolutePath().toString(),
                    "--seed", Integer.toString(seed), "--out", work.resolve("jvm").resolve("r" + seed).toString(),
                    "--quiet");
            for (String s : setsWithScale(plan)) {
                c.add("--set");
                c.add(s);
            }
            perRun.add(c);
        }
        modes.add(time("1 JVM per run, one at a time", r, work, out, perRun.toArray(List[]::new)));
        boolean forking = plan.strategies() >= 2;
        if (forking) {
            int runs = r * plan.strategies();
            Path forked = sweepFile(work.resolve("forked.yaml"), plan, true, false);
            Path whole = sweepFile(work.resolve("whole.yaml"), plan, true, true);
            modes.add(time(plan.strategies() + " strategies forked, 1 thread", runs, work, out,
                    sweep(forked, work.resolve("f1"), 1)));
            modes.add(time(plan.strategies() + " strategies whole, 1 thread", runs, work, out,
                    sweep(whole, work.resolve("w1"), 1)));
            modes.add(time(plan.strategies() + " strategies forked, 2 threads", runs, work, out,
                    sweep(forked, work.resolve("f2"), 2)));
        }

        // What must hold whatever the speed.
        List<String> problems = new ArrayList<>();
        if (!sameBytes(work.resolve("t1/runs.csv"), work.resolve("t2/runs.csv"))) {
            problems.add("runs.csv differs between 1 and 2 threads");
        }
        if (forking && !sameBytes(work.resolve("f1/runs.csv"), work.resolve("f2/runs.csv"))) {
            problems.add("the forked sweep's runs.csv differs between 1 and 2 threads");
        }
        String apart = firstReplicateApart(work.resolve("t1/runs.csv"), work.resolve("jvm/r1/summary.csv"));
        if (apart != null) {
            problems.add("replicate 1 differs between the sweep and its own JVM: " + apart);
        }

        out.printf(Locale.ROOT, "%n%-36s %6s %9s %9s %10s %14s%n", "way of running (scale " + plan.scale() + ")",
                "runs", "wall s", "CPU s", "runs/min", "runs/CPU-min");
        for (Mode m : modes) {
            out.printf(Locale.ROOT, "%-36s %6d %9.1f %9s %10.2f %14s%n", m.label(), m.runs(), m.wallSeconds(),
                    Double.isNaN(m.cpuSeconds()) ? "n/a" : String.format(Locale.ROOT, "%.1f", m.cpuSeconds()),
                    m.runsPerMinute(), Double.isNaN(m.runsPerCpuMinute()) ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", m.runsPerCpuMinute()));
        }
        // Each ratio under its JSON key, with how it is printed.
        Map<String, Double> ratios = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        ratio(ratios, labels, "two_threads_over_one_runs_per_minute", "2 threads over 1 (runs per minute)",
                modes.get(1).runsPerMinute() / modes.get(0).runsPerMinute());
        ratio(ratios, labels, "in_process_over_jvm_per_run_runs_per_cpu_minute",
                "in one JVM over one JVM per run (runs per CPU-minute)",
                modes.get(0).runsPerCpuMinute() / modes.get(2).runsPerCpuMinute());
        ratio(ratios, labels, "in_process_over_jvm_per_run_runs_per_minute",
                "in one JVM over one JVM per run (runs per minute)",
                modes.get(0).runsPerMinute() / modes.get(2).runsPerMinute());
        if (forking) {
            ratio(ratios, labels, "forked_over_whole_runs_per_cpu_minute", "forked over whole (runs per CPU-minute)",
                    modes.get(3).runsPerCpuMinute() / modes.get(4).runsPerCpuMinute());
            ratio(ratios, labels, "forked_over_whole_runs_per_minute", "forked over whole (runs per minute)",
                    modes.get(3).runsPerMinute() / modes.get(4).runsPerMinute());
        }
        out.println();
        ratios.forEach((k, v) -> out.printf(Locale.ROOT, "%-54s %s%n", labels.get(k),
                Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2fx", v)));
        out.println(problems.isEmpty()
                ? "checks: runs.csv the same with 1 and 2 threads" + (forking ? ", forked or not" : "")
                        + "; replicate 1 the same in the sweep and in its own JVM"
                : "checks FAILED: " + String.join("; ", problems));
        out.println("Each way of running is a fresh JVM (start and compiling included); CPU s: the children's user + "
                + "system time. On a busy machine the figures are upper bounds; docs/performance.md gives the targets.");
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scenario", plan.scenario().toString());
            doc.put("sets", plan.sets());
            doc.put("scale", plan.scale());
            doc.put("replicates", plan.replicates());
            doc.put("strategies", plan.strategies());
            doc.put("fork_at", forking ? plan.forkAt().toString() : null);
            doc.put("commit", CodeVersion.commit());
            doc.put("java", System.getProperty("java.version"));
            doc.put("processors", Runtime.getRuntime().availableProcessors());
            doc.put("modes", modes);
            Map<String, Object> finite = new LinkedHashMap<>();
            ratios.forEach((k, v) -> finite.put(k, Double.isNaN(v) ? null : v));
            doc.put("ratios", finite);
            doc.put("problems", problems);
            Json.write(json, doc);
            out.println("figures written to " + json);
        }
        for (String p : problems) {
            err.println("crackdown bench: " + p);
        }
        return problems.isEmpty() ? Main.OK : Main.FAILED;
    }

    private static void ratio(Map<String, Double> ratios, Map<String, String> labels, String key, String label, double v) {
        ratios.put(key, v);
        labels.put(key, label);
    }

    /** A sweep file: the replicates, plain or with strategies that differ from plan.forkAt on. */
    private static Path sweepFile(Path file, Plan plan, boolean strategies, boolean whole) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "bench");
        doc.put("description", "crackdown bench --sweeps");
        doc.put("base", plan.scenario().toAbsolutePath().toString());
        Map<String, Object> set = new LinkedHashMap<>();
        for (String s : setsWithScale(plan)) {
            int eq = s.indexOf('=');
            // The value as YAML reads it after "key: " (a number, a word, a date), as --set does.
            set.put(s.substring(0, eq), new Yaml().load(s.substring(eq + 1)));
        }
        doc.put("set", set);
        doc.put("replicates", plan.replicates());
        if (strategies) {
            if (whole) {
                doc.put("fork_at", "none");
            }
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("baseline", Map.of());
            for (int k = 2; k <= plan.strategies(); k++) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("from", plan.forkAt().toString());
                s.put("police.budget", k);
                st.put("police-x" + k, s);
            }
            doc.put("strategies", st);
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(file, new Yaml(o).dump(doc), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> setsWithScale(Plan plan) {
        List<String> all = new ArrayList<>(plan.sets());
        all.add("scale=" + plan.scale());
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] sweep(Path file, Path out, int threads) {
        return new List[] {child("-XX:+UseParallelGC", "sweep", file.toString(), "--threads", Integer.toString(threads),
                "--out", out.toString(), "--quiet")};
    }

    /** A crackdown command in a new JVM: this one's java, class path and the given collector. */
    private static List<String> child(String gc, String... args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add(gc);
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(Main.class.getName());
        c.addAll(List.of(args));
        return c;
    }

    /** Runs the commands one after another and times them together. */
    @SafeVarargs
    private static Mode time(String label, int runs, Path work, PrintWriter out, List<String>... commands)
            throws IOException {
        double cpu0 = childCpu();
        long t0 = System.nanoTime();
        for (List<String> c : commands) {
            Path log = work.resolve("child.log");
            Process p;
            synchronized (CHILDREN) {
                if (stopping) {
                    throw new IOException("interrupted");
                }
                p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                running = p;
            }
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } finally {
                synchronized (CHILDREN) {
                    running = null;
                }
            }
            if (code != 0) {
                throw new IOException("'" + label + "' failed (exit " + code + "):" + System.lineSeparator()
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu1 = childCpu();
        double cpu = cpu0 < 0 || cpu1 < 0 ? Double.NaN : cpu1 - cpu0;
        out.printf(Locale.ROOT, "  %s: %.1f s%n", label, wall);
        out.flush();
        return new Mode(label, runs, wall, cpu, 60 * runs / wall, 60 * runs / cpu);
    }

    /**
     * CPU seconds (user + system) of the children this JVM has waited for, from /proc/self/stat
     * (fields 16 and 17, in USER_HZ ticks, 100 a second on Linux); -1 where it cannot be read.
     */
    static double childCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // After the command name in parentheses (which may hold spaces) come fields 3, 4, ...
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean sameBytes(Path a, Path b) throws IOException {
        return Files.mismatch(a, b) == -1;
    }

    /** Columns of runs.csv and summary.csv that name a run rather than measure it. */
    private static final java.util.Set<String> NOT_MEASURES = java.util.Set.of("run_id", "point_id", "strategy",
            "replicate", "seed", "status", "error", "scenario", "measure_from", "measure_to", "scale");

    /**
     * A measure on which the sweep's first run and the same run
     * in its own JVM differ ("name: a vs b"), or null if every measure both files have is the same.
     */
    static String firstReplicateApart(Path runsCsv, Path summaryCsv) throws IOException {
        Map<String, String> sweepRow = firstRow(runsCsv);
        for (Map.Entry<String, String> m : firstRow(summaryCsv).entrySet()) {
            String name = m.getKey();
            if (!NOT_MEASURES.contains(name) && sweepRow.containsKey(name) && !sweepRow.get(name).equals(m.getValue())) {
                return name + ": " + sweepRow.get(name) + " vs " + m.getValue();
            }
        }
        return null;
    }

    /** The first data row of a CSV file with a header, by column. */
    private static Map<String, String> firstRow(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .iterator().next().toMap();
        }
    }

    /**
     * Removes the working folder. The shutdown hook and the bench's own end may both be at it, and
     * a walk that finds a file gone stops, so a second walk takes what the first left.
     */
    private static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                OutputFolders.deleteTree(root);
                return;
            } catch (IOException e) {
                // try again; a temporary folder in the end, nothing of the user's
            }
        }
    }
}
