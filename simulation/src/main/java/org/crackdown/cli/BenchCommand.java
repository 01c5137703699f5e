package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.crackdown.format.CodeVersion;
import org.crackdown.format.Json;
import org.crackdown.model.DayLoop;
import org.crackdown.model.Measure;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;


import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crackdown bench}: what a simulated year costs, and how that grows with scale. Runs the
 * scenario (after a warm-up run, so the JIT has compiled the hot paths) at each scale and prints
 * CPU seconds per simulated year, wall seconds, peak heap (garbage included), the most heap in use
 * after a collection, live heap at the end ({@link HeapWatch}), and the work done per simulated
 * year (gang-days stepped, buyers, sales, gang-days exposed to patrols), so that cost can be read
 * per event, and what copying the finished model costs (a sweep's fork); then how cost per unit
 * of scale grows from the smallest to the largest scale. Years simulated include the unrecorded
 * spin-up before the start (init.spin_up_days), which costs the same; buyers, sales, stops and
 * busts a year are over the recorded years.
 * {@code --json FILE} writes the same figures for tracking. A benchmark prints figures; it asserts
 * nothing, and is not a test (see docs/performance.md). {@code --sweeps} times sweeps instead
 * ({@link SweepBench}): threads, one JVM per run, forking.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the model's cost: CPU seconds per simulated year and peak heap, at several scales.",
                "Run it on a quiet machine; figures from a busy one are upper bounds."})
public final class BenchCommand implements Callable<Integer> {

    /** Timed runs per scale: more is a typo (and hours of a busy machine). */
    static final int MAX_REPEAT = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "scenarios/china-2011.yaml",
            description = "Scenario file (default: ${DEFAULT-VALUE}).")
    Path scenarioFile;

    @Option(names = "--scales", split = ",", paramLabel = "S", defaultValue = "0.1,0.3,1",
            description = "Scales to measure, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Double> scales = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Timed runs per scale; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    /** Bench runs have no scenario seed to fall back on: the same seed for every scale and build. */
    static final long DEFAULT_SEED = 1;

    @Mixin
    SeedOption seedOption;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the figures as JSON to FILE, for tracking them over commits.")
    Path json;

    @Option(names = "--sweeps",
            description = "Instead, time sweeps at one scale (default 1), each way in a fresh JVM: one thread, two, "
                    + "one JVM per run, and strategies forked against whole (docs/performance.md).")
    boolean sweeps;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "10",
            description = "With --sweeps: replicates in each sweep (default: ${DEFAULT-VALUE}, as in the forking "
                    + "target of docs/performance.md; fewer give the JVMs' start a larger share).")
    int replicates;

    @Option(names = "--strategies", paramLabel = "K", defaultValue = "2",
            description = "With --sweeps: strategies of the forked sweep, the baseline and K-1 police budgets "
                    + "(default: ${DEFAULT-VALUE}; 0 or 1: no forking measured).")
    int strategies;

    @Option(names = "--fork-at", paramLabel = "DATE",
            description = "With --sweeps: the date the strategies part (default: the scenario's measure.from).")
    LocalDate forkAt;

    /** Replicates or strategies of --sweeps: more is a typo (each replicate is a national run or more). */
    static final int MAX_SWEEP_RUNS = 1000;

    /** One scale's figures; rates are per simulated year. */
    record Figures(double scale, double years, double cpuSeconds, double cpuSecondsPerYear, double wallSeconds,
                   long peakHeapMb, long peakAfterGcMb, long liveHeapMb, int gangsAtEnd, int openCasesAtEnd, double gangStepsPerYear,
                   double buyersPerYear, double salesPerYear, double patrolExposuresPerYear, double bustsPerYear,
                   double eventsPerYear, double cpuMicrosPerEvent, double copyCpuSeconds, double copyMb) {
    }

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1 || repeat > MAX_REPEAT) {
            err.println("error: --repeat: expected a whole number from 1 to " + MAX_REPEAT + " (timed runs per scale), "
                    + "got " + repeat);
            return Main.BAD_INPUT;
        }
        if (scales.isEmpty() || scales.stream().anyMatch(x -> !(x > 0 && x <= 1))) {
            err.println("crackdown bench: --scales must be numbers in (0, 1], got " + scales);
            return Main.BAD_INPUT;
        }
        if (json != null && (Files.isDirectory(json) || (json.toAbsolutePath().getParent() != null
                && !Files.isDirectory(json.toAbsolutePath().getParent())))) {
            err.println("crackdown bench: cannot write --json " + json + " (a folder, or its folder does not exist)");
            return Main.BAD_INPUT;
        }
        if (sweeps) {
            return benchSweeps(err);
        }
        long seed = seedOption.orElse(DEFAULT_SEED);
        List<Scenario> scenarios = new ArrayList<>();
        for (double scale : scales) {
            scenarios.add(atScale(scale));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.printf("%-6s %5s %8s %10s %7s %9s %11s %9s %12s %10s %10s %10s %10s %7s %8s%n", "scale", "years", "cpu s",
                "cpu s/year", "wall s", "peak MB", "after-GC MB", "live MB", "gang-steps/y", "buyers/y", "sales/y",
                "patrol/y", "us/event", "copy s", "copy MB");
        // The JIT compiles the hot paths during a warm-up run at the smallest scale (at most 0.1).
        double warmScale = Math.min(0.1, scales.stream().mapToDouble(Double::doubleValue).min().orElse(0.1));
        DayLoop.run(new TraffickingModel(atScale(warmScale), seed));
        List<Figures> figures = new ArrayList<>();
        try (HeapWatch heap = new HeapWatch()) {
            for (int si = 0; si < scales.size(); si++) {
                Scenario s = scenarios.get(si);
                double bestCpu = Double.POSITIVE_INFINITY;
                double bestWall = 0;
                long peak = 0;
                long afterGc = 0;
                long live = 0;
                TraffickingModel last = null;
                double[] totals = null;
                for (int k = 0; k < repeat; k++) {
                    System.gc();
                    resetPeaks();
                    heap.reset();
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long wall0 = System.nanoTime();
                    TraffickingModel m = new TraffickingModel(s, seed);
                    double[] runTotals = new double[Measure.values().length];
                    m.metrics().addListener((month, values) -> {
                        for (double[] province : values) {
                            for (int j = 0; j < runTotals.length; j++) {
                                if (Measure.values()[j].kind() == Measure.Kind.COUNT) {
                                    runTotals[j] += province[j];
                                }
                            }
                        }
                    });
                    DayLoop.run(m);
                    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                    double wall = (System.nanoTime() - wall0) / 1e9;
                    if (cpu < bestCpu) {
                        bestCpu = cpu;
                        bestWall = wall;
                    }
                    long atEnd = usedHeap();
                    // What the finished model keeps alive: heap in use after a full collection.
                    System.gc();
                    live = Math.max(live, usedHeap());
                    heap.settle();
                    if (heap.watching()) {
                        peak = Math.max(peak, Math.max(atEnd, heap.peakBeforeGc()));
                        afterGc = Math.max(afterGc, heap.peakAfterGc());
                    } else {
                        peak = Math.max(peak, peakHeap());
                    }
                    last = m;
                    totals = runTotals;
                }
                // What a sweep's fork pays for each strategy after the first: the finished model
                // written to bytes and read back (Forks), the best of the repeats' CPU.
                double copyCpu = Double.POSITIVE_INFINITY;
                long copyBytes = 0;
                for (int k = 0; k < repeat; k++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    byte[] bytes = org.crackdown.sweep.Forks.bytes(last);
                    org.crackdown.sweep.Forks.copy(bytes);
                    copyCpu = Math.min(copyCpu, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
                    copyBytes = bytes.length;
                }
                // The CPU and the gang steps include the spin-up before the start (init.spin_up_days),
                // so they are per year simulated; sales and stops are recorded from the start only.
                double years = last.totalDays() / 365.25;
                double recorded = s.days() / 365.25;
                double steps = last.gangSteps() / years;
                double sales = totals[Measure.VICTIMS_SOLD.ordinal()] / recorded;
                double patrol = totals[Measure.TRANSIT_DAYS.ordinal()] / recorded;
                double events = steps + sales + patrol;
                Figures f = new Figures(scales.get(si), years, bestCpu, bestCpu / years, bestWall, peak / MB,
                        afterGc / MB, live / MB, last.gangs().size(), openCases(last), steps, totals[Measure.BUYERS_ENTERED.ordinal()] / recorded,
                        sales, patrol, totals[Measure.GANGS_BUSTED.ordinal()] / recorded, events,
                        events > 0 ? bestCpu / years / events * 1e6 : Double.NaN, copyCpu, copyBytes / (double) MB);
                figures.add(f);
                out.printf(Locale.ROOT, "%-6s %5.1f %8.1f %10.2f %7.1f %9d %11d %9d %12.0f %10.0f %10.0f %10.0f %10.2f %7.2f %8.1f%n",
                        f.scale(), f.years(), f.cpuSeconds(), f.cpuSecondsPerYear(), f.wallSeconds(), f.peakHeapMb(),
                        f.peakAfterGcMb(), f.liveHeapMb(), f.gangStepsPerYear(), f.buyersPerYear(), f.salesPerYear(),
                        f.patrolExposuresPerYear(), f.cpuMicrosPerEvent(), f.copyCpuSeconds(), f.copyMb());
                out.flush();
            }
        }
        Figures small = figures.stream().min(Comparator.comparingDouble(Figures::scale)).orElseThrow();
        Figures large = figures.stream().max(Comparator.comparingDouble(Figures::scale)).orElseThrow();
        double ratio = large.scale() > small.scale()
                ? (large.cpuSecondsPerYear() / small.cpuSecondsPerYear()) / (large.scale() / small.scale())
                : Double.NaN;
        if (!Double.isNaN(ratio)) {
            out.printf(Locale.ROOT, "cost per unit of scale, scale %s over scale %s: %.2f (1 = cost grows in "
                    + "proportion to scale; above 1 = faster than the model's size)%n", large.scale(), small.scale(), ratio);
        }
        out.println("cpu s: CPU time of the simulating thread (excludes GC and JIT threads); peak MB: most heap "
                + "in use during the timed runs (just before a collection, or at the end), garbage included, so it "
                + "follows the JVM's heap sizing; after-GC MB: most heap in use just after a collection (old garbage "
                + "a young collection leaves included): what the run needs at least; live MB: heap in use after a "
                + "full GC at the end, the model still held; gang-steps: gang-days stepped; patrol: gang-days exposed to patrols "
                + "(holding victims); us/event: CPU microseconds per (gang-step + sale + patrol exposure); copy s, copy MB: "
                + "CPU to write the finished model to bytes and read it back, and the bytes (what a sweep's fork pays "
                + "for each strategy after the first).");
        out.flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scenario", scenarioFile.toString());
            doc.put("seed", seed);
            doc.put("sets", scenarioOptions.sets());
            doc.put("commit", CodeVersion.commit());
            doc.put("java", System.getProperty("java.version"));
            doc.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
            doc.put("processors", Runtime.getRuntime().availableProcessors());
            doc.put("repeat", repeat);
            doc.put("scales", figures);
            doc.put("cost_per_unit_scale_largest_over_smallest", Double.isNaN(ratio) ? null : ratio);
            try {
                Json.write(json, doc);
            } catch (IOException e) {
                err.println("crackdown bench: cannot write " + json + ": " + e.getMessage());
                return Main.FAILED;
            }
            out.println("figures written to " + json);
        }
        return Main.OK;
    }

    /** {@code --sweeps}: checks the options and the scenario here, then times the sweeps (SweepBench). */
    private int benchSweeps(PrintWriter err) throws ScenarioException {
        boolean scalesGiven = spec.commandLine().getParseResult().hasMatchedOption("--scales");
        if (scalesGiven && scales.size() != 1) {
            err.println("crackdown bench: --sweeps times one scale; give one with --scales, got " + scales);
            return Main.BAD_INPUT;
        }
        if (seedOption.given() || spec.commandLine().getParseResult().hasMatchedOption("--repeat")) {
            err.println("crackdown bench: --seed and --repeat do not apply to --sweeps (replicates use seeds 1 to N)");
            return Main.BAD_INPUT;
        }
        if (replicates < 1 || replicates > MAX_SWEEP_RUNS || strategies < 0 || strategies > MAX_SWEEP_RUNS) {
            err.println("crackdown bench: --replicates must be 1 to " + MAX_SWEEP_RUNS + " and --strategies 0 to "
                    + MAX_SWEEP_RUNS + ", got " + replicates + " and " + strategies);
            return Main.BAD_INPUT;
        }
        double scale = scalesGiven ? scales.get(0) : 1;
        Scenario s = atScale(scale); // a bad scenario or --set is reported here, before any JVM starts
        LocalDate at = forkAt != null ? forkAt : s.measureFrom();
        if (strategies >= 2 && !(at.isAfter(s.start()) && !at.isAfter(s.end()))) {
            err.println("crackdown bench: --fork-at must be after the scenario's start (" + s.start()
                    + ") and not after its end (" + s.end() + "), got " + at);
            return Main.BAD_INPUT;
        }
        return SweepBench.run(new SweepBench.Plan(scenarioFile, scenarioOptions.sets(), scale, replicates, strategies, at),
                json, spec.commandLine().getOut(), err);
    }

    private static final long MB = 1024 * 1024;

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int openCases(TraffickingModel m) {
        int n = 0;
        for (int i = 0; i < m.network().size(); i++) {
            n += m.enforcement().cases().openCases(i);
        }
        return n;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The scenario with --set applied, then the scale measured. */
    private Scenario atScale(double scale) throws ScenarioException {
        List<String> all = new ArrayList<>(scenarioOptions.sets());
        all.add("scale=" + scale);
        return ScenarioLoader.load(scenarioFile, all);
    }
}
