import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crackdown.model.DayLoop;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioLoader;

/**
 * Whether two runs at once cost more each than one at a time (docs/performance.md, session 33):
 * after WARM warm-up runs, RUNS runs one at a time and then the same runs two at a time, twice,
 * with the CPU of each run's thread and the wall time. A run's CPU rising with two at a time is
 * the cores sharing cache and memory; two JVMs giving different CPU for the same runs is the
 * machine (or the JIT) varying.
 *
 *     java -XX:+UseParallelGC -cp simulation/target/crackdown.jar scripts/TwoAtATime.java \
 *         scenarios/china-2011.yaml 2 4
 */
public class TwoAtATime {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static double run(Scenario s, long seed) {
        long t0 = CPU.getCurrentThreadCpuTime();
        DayLoop.run(new TraffickingModel(s, seed), DayLoop.NEVER, DayLoop.DayListener.NONE);
        return (CPU.getCurrentThreadCpuTime() - t0) / 1e9;
    }

    public static void main(String[] a) throws Exception {
        if (a.length != 3) {
            System.err.println("usage: java -cp crackdown.jar scripts/TwoAtATime.java SCENARIO WARM RUNS");
            System.exit(2);
        }
        Scenario s = ScenarioLoader.load(Path.of(a[0]));
        int warm = Integer.parseInt(a[1]);
        int n = Integer.parseInt(a[2]);
        for (int i = 0; i < warm; i++) {
            System.out.printf("warm-up: %.2f CPU s%n", run(s, 100 + i));
        }
        for (int round = 1; round <= 2; round++) {
            for (int threads = 1; threads <= 2; threads++) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long w0 = System.nanoTime();
                List<Future<Double>> runs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long seed = 1 + i;
                    runs.add(pool.submit(() -> run(s, seed)));
                }
                double sum = 0;
                for (Future<Double> f : runs) {
                    sum += f.get();
                }
                pool.shutdown();
                System.out.printf("round %d, %s: %.2f CPU s a run, %.1f s wall for %d runs%n", round,
                        threads == 1 ? "one at a time" : "two at a time", sum / n, (System.nanoTime() - w0) / 1e9, n);
            }
        }
    }
}
