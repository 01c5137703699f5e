import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
/**
 * Paired CPU comparison of two crackdown jars in one JVM (docs/performance.md, session 4): each jar
 * in its own class loader, the whole scenario run (start included) alternated between them, CPU
 * time of this thread, after one warm-up run of each. On a machine shared with other jobs, single
 * benches move by a third from run to run; alternating runs see the same load.
 *
 *     java -XX:+UseSerialGC -Xmx2g scripts/PairBench.java BEFORE.jar AFTER.jar SCALE PAIRS [seeds]
 *
 * Run from the project folder (it reads scenarios/china-2011.yaml, seed 1). With {@code seeds},
 * pair r runs seed r + 1 on both jars and the gang-days each run stepped are printed too: for a
 * change that alters the draws (so the two jars do different work on one seed), compare the CPU
 * per gang-step, and the sums over the seeds.
 */
public class PairBench {
  public static void main(String[] a) throws Exception {
    if (a.length != 4 && !(a.length == 5 && a[4].equals("seeds"))) {
      System.err.println("usage: java scripts/PairBench.java BEFORE.jar AFTER.jar SCALE PAIRS [seeds]");
      System.exit(2);
    }
    String[] jars = {a[0], a[1]}; double scale = Double.parseDouble(a[2]); int reps = Integer.parseInt(a[3]);
    boolean seeds = a.length == 5;
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    Object[] scen = new Object[2]; Constructor<?>[] ctor = new Constructor<?>[2]; Method[] run = new Method[2];
    Method[] steps = new Method[2];
    for (int k = 0; k < 2; k++) {
      URLClassLoader l = new URLClassLoader(new URL[]{Paths.get(jars[k]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> sl = l.loadClass("org.crackdown.scenario.ScenarioLoader");
      scen[k] = sl.getMethod("load", Path.class, List.class).invoke(null, Paths.get("scenarios/china-2011.yaml"), List.of("scale=" + scale));
      Class<?> tmc = l.loadClass("org.crackdown.model.TraffickingModel");
      ctor[k] = tmc.getConstructor(l.loadClass("org.crackdown.model.Scenario"), long.class);
      run[k] = l.loadClass("org.crackdown.model.DayLoop").getMethod("run", tmc);
      steps[k] = tmc.getMethod("gangSteps");
    }
    // warm-up both
    for (int k = 0; k < 2; k++) { Object m = ctor[k].newInstance(scen[k], 1L); run[k].invoke(null, m); }
    double[][] t = new double[2][reps];
    long[][] g = new long[2][reps];
    for (int r = 0; r < reps; r++) {
      long seed = seeds ? r + 1 : 1;
      for (int kk = 0; kk < 2; kk++) {
        int k = (r % 2 == 0) ? kk : 1 - kk;
        System.gc();
        long c0 = tm.getCurrentThreadCpuTime();
        Object m = ctor[k].newInstance(scen[k], seed); run[k].invoke(null, m);
        t[k][r] = (tm.getCurrentThreadCpuTime() - c0) / 1e9;
        g[k][r] = (Long) steps[k].invoke(m);
      }
      System.out.printf("rep %d (seed %d): A %.2f  B %.2f  B/A %.3f  gang-steps A %d B %d  per step B/A %.3f  load %s%n", r, seed,
          t[0][r], t[1][r], t[1][r] / t[0][r], g[0][r], g[1][r], (t[1][r] / g[1][r]) / (t[0][r] / g[0][r]),
          Files.readString(Paths.get("/proc/loadavg")).trim());
    }
    double[] sum = new double[2]; long[] gs = new long[2];
    for (int k = 0; k < 2; k++) { for (int r = 0; r < reps; r++) { sum[k] += t[k][r]; gs[k] += g[k][r]; } }
    System.out.printf("sums: A %.2f s for %d gang-steps, B %.2f s for %d; B/A %.3f, per gang-step %.3f%n",
        sum[0], gs[0], sum[1], gs[1], sum[1] / sum[0], (sum[1] / gs[1]) / (sum[0] / gs[0]));
    double[] ratio = new double[reps]; for (int r = 0; r < reps; r++) ratio[r] = t[1][r] / t[0][r];
    Arrays.sort(ratio); Arrays.sort(t[0]); Arrays.sort(t[1]);
    System.out.printf("median B/A %.3f; min A %.2f min B %.2f (CPU s for the whole run incl. start)%n", ratio[reps / 2], t[0][0], t[1][0]);
  }
}
