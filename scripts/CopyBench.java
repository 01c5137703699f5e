import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;

import org.crackdown.model.DayLoop;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioLoader;
import org.crackdown.sweep.Forks;

/**
 * What a sweep's fork costs (docs/performance.md, sessions 32-33): a model simulated up to DATE,
 * then written to bytes and read back COPIES times, with this thread's CPU for each (the
 * collector's threads excluded) and the bytes.
 *
 *     java -XX:+UseSerialGC -cp simulation/target/crackdown.jar scripts/CopyBench.java \
 *         scenarios/china-2011.yaml 2011-01-01 10
 */
public class CopyBench {
    public static void main(String[] a) throws Exception {
        if (a.length != 3) {
            System.err.println("usage: java -cp crackdown.jar scripts/CopyBench.java SCENARIO DATE COPIES");
            System.exit(2);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Scenario s = ScenarioLoader.load(Path.of(a[0]));
        TraffickingModel m = new TraffickingModel(s, 1L);
        long t0 = cpu.getCurrentThreadCpuTime();
        DayLoop.start(m, DayLoop.NEVER, DayLoop.DayListener.NONE);
        DayLoop.until(m, LocalDate.parse(a[1]), DayLoop.NEVER, DayLoop.DayListener.NONE);
        System.out.printf("simulated to %s: %.2f CPU s%n", a[1], (cpu.getCurrentThreadCpuTime() - t0) / 1e9);
        for (int r = 0, n = Integer.parseInt(a[2]); r < n; r++) {
            t0 = cpu.getCurrentThreadCpuTime();
            byte[] bytes = Forks.bytes(m);
            long t1 = cpu.getCurrentThreadCpuTime();
            Forks.copy(bytes);
            long t2 = cpu.getCurrentThreadCpuTime();
            System.out.printf("copy %d: write %.3f s, read %.3f s, %.1f MB%n", r + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    bytes.length / 1e6);
        }
    }
}
