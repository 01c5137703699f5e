package org.crackdown.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crackdown bench}: what a simulated year costs, and how that grows with scale. Runs the
 * scenario (after a warm-up run, so the JIT has compiled the hot paths) at each scale and prints
 * CPU seconds per simulated year, wall seconds, peak heap, and the size of the simulated world.
 * A benchmark prints figures; it asserts nothing, and is not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the model's cost: CPU seconds per simulated year and peak heap, at several scales.",
                "Run it on a quiet machine; figures from a busy one are upper bounds."})
public final class BenchCommand implements Callable<Integer> {

    /** Timed runs per scale: more is a typo (and hours of a busy machine). */
    static final int MAX_REPEAT = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", defaultValue = "scenarios/china-2011.yaml",
            description = "Scenario file (default: ${DEFAULT-VALUE}).")
    Path scenarioFile;

    @Option(names = "--scales", split = ",", paramLabel = "S", defaultValue = "0.1,0.3,1",
            description = "Scales to measure, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Double> scales = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Timed runs per scale; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario key (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1 || repeat > MAX_REPEAT) {
            err.println("error: --repeat: expected a whole number from 1 to " + MAX_REPEAT + " (timed runs per scale), "
                    + "got " + repeat);
            return Main.BAD_INPUT;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.printf("%-7s %6s %10s %12s %9s %12s %8s %10s%n", "scale", "years", "cpu s", "cpu s/year", "wall s",
                "peak heap MB", "gangs", "open cases");
        boolean warmedUp = false;
        for (double scale : scales) {
            Scenario s;
            try {
                List<String> all = new ArrayList<>(sets);
                all.add("scale=" + scale);
                s = ScenarioLoader.load(scenarioFile, all);
            } catch (ScenarioException e) {
                e.problems().forEach(err::println);
                return Main.BAD_INPUT;
            }
            if (!warmedUp) {
                TraffickingModel.runToEnd(new TraffickingModel(s, seed));
                warmedUp = true;
            }
            double bestCpu = Double.POSITIVE_INFINITY;
            double bestWall = 0;
            long peak = 0;
            TraffickingModel last = null;
            for (int k = 0; k < repeat; k++) {
                System.gc();
                resetPeaks();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                TraffickingModel m = new TraffickingModel(s, seed);
                TraffickingModel.runToEnd(m);
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                double wall = (System.nanoTime() - wall0) / 1e9;
                if (cpu < bestCpu) {
                    bestCpu = cpu;
                    bestWall = wall;
                }
                peak = Math.max(peak, peakHeap());
                last = m;
            }
            double years = s.days() / 365.25;
            out.printf("%-7s %6.1f %10.1f %12.2f %9.1f %12d %8d %10d%n", scale, years, bestCpu, bestCpu / years,
                    bestWall, peak / (1024 * 1024), last.gangs().size(), openCases(last));
            out.flush();
        }
        out.println("cpu s: CPU time of the simulating thread (excludes GC threads); peak heap: highest heap use "
                + "seen during the timed runs, garbage included (an upper bound of the live set).");
        return Main.OK;
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
}
