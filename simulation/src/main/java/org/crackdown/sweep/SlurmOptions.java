package org.crackdown.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What sbatch may be told, checked before any script is written: the values of
 * {@link SlurmJob.Cluster} (memory, time, partition, account, QOS, constraint, throttle,
 * pass-through options) must look like what sbatch accepts, so a mistake is refused with a
 * message here rather than by sbatch on the cluster hours later; and the heap each job's Java
 * gets from its memory. {@link SlurmJob} renders the scripts.
 */
public final class SlurmOptions {

    private SlurmOptions() {
    }

    /**
     * Slurm time limits, as sbatch --time takes them: minutes, minutes:seconds,
     * hours:minutes:seconds, days-hours, days-hours:minutes, days-hours:minutes:seconds, or
     * UNLIMITED/INFINITE.
     */
    private static final Pattern TIME = Pattern.compile(
            "[0-9]+(:[0-9]+){0,2}|[0-9]+-[0-9]+(:[0-9]+){0,2}|(?i:unlimited|infinite)");
    /** Memory as sbatch --mem takes it: a whole number, megabytes unless a unit K, M, G or T follows. */
    private static final Pattern MEM = Pattern.compile("([0-9]+)([KMGTkmgt]?)");
    /** One partition, account or QOS name, or a comma-separated list of them. */
    private static final Pattern NAMES = Pattern.compile("[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*");
    /** A node feature expression (--constraint): features joined by & | , with brackets, counts and !. */
    private static final Pattern CONSTRAINT = Pattern.compile("[A-Za-z0-9._\\-&|,\\[\\]()*:!]+");
    /** A pass-through sbatch option: --name or --name=value. */
    private static final Pattern SBATCH_ARG = Pattern.compile("--([a-z][a-z0-9-]*)(=(.+))?");
    /** Options the scripts set themselves, or that have an option of their own here. */
    private static final java.util.Map<String, String> MANAGED = java.util.Map.ofEntries(
            java.util.Map.entry("array", "the array is --tasks (and --max-parallel)"),
            java.util.Map.entry("output", "the scripts send the logs to DIR/slurm/logs"),
            java.util.Map.entry("error", "the scripts send the logs to DIR/slurm/logs"),
            java.util.Map.entry("open-mode", "the scripts append to their logs"),
            java.util.Map.entry("job-name", "the jobs are named after the sweep"),
            java.util.Map.entry("ntasks", "each task is one process"),
            java.util.Map.entry("cpus-per-task", "use --threads-per-task"),
            java.util.Map.entry("dependency", "submit.sh makes the merge wait for the array"),
            java.util.Map.entry("parsable", "submit.sh reads the job ids itself"),
            java.util.Map.entry("wrap", "the scripts are the jobs"),
            java.util.Map.entry("mem", "use --mem (and --merge-mem)"),
            java.util.Map.entry("time", "use --time (and --merge-time)"),
            java.util.Map.entry("partition", "use --partition"),
            java.util.Map.entry("account", "use --account"),
            java.util.Map.entry("qos", "use --qos"),
            java.util.Map.entry("constraint", "use --constraint"));

    /**
     * Share of a job's memory given to the Java heap (-Xmx): the rest is for what the JVM needs
     * outside the heap (metaspace, thread stacks, GC bookkeeping, code cache). Without -Xmx the
     * JVM takes a quarter of the node's or cgroup's memory, which wastes three quarters of what
     * the job asked for; with all of it, Slurm kills the job when non-heap memory pushes it over.
     * CRACKDOWN_JAVA_OPTS=-Xmx... overrides it (the last -Xmx wins).
     */
    public static final double HEAP_SHARE = 0.85;

    /**
     * Why these values cannot go into a batch script, or null if they can. The scripts are run by
     * a shell on the cluster: a newline in any value would end an {@code #SBATCH} or comment line
     * and run the rest as a command, so control characters are refused everywhere, and the sbatch
     * option values must look like what sbatch accepts. Everything is quoted as well.
     */
    public static String problem(String name, Path sweepFile, Path dir, SlurmJob.Cluster c, Path jar, String java) {
        List<String[]> texts = new ArrayList<>(List.of(new String[] {"the sweep name", name},
                new String[] {"the sweep file's path", str(sweepFile)}, new String[] {"--out", str(dir)},
                new String[] {"--jar", str(jar)}, new String[] {"--java", java}, new String[] {"--mem", c.mem()},
                new String[] {"--time", c.time()}, new String[] {"--partition", c.partition()},
                new String[] {"--account", c.account()}, new String[] {"--qos", c.qos()},
                new String[] {"--constraint", c.constraint()}, new String[] {"--merge-mem", c.mergeMem()},
                new String[] {"--merge-time", c.mergeTime()}));
        c.sbatchArgs().forEach(a -> texts.add(new String[] {"--sbatch-arg", a}));
        for (String[] t : texts) {
            if (t[1] != null && hasControl(t[1])) {
                return t[0] + " contains a control character (newline, tab, ...); it would break the batch "
                        + "scripts, so it is not allowed";
            }
        }
        String m = memProblem("--mem", c.mem());
        m = m != null ? m : memProblem("--merge-mem", c.mergeMem());
        m = m != null ? m : timeProblem("--time", c.time());
        m = m != null ? m : timeProblem("--merge-time", c.mergeTime());
        if (m != null) {
            return m;
        }
        for (String[] n : new String[][] {{"--partition", c.partition(), "partition"}, {"--account", c.account(), "account"},
                {"--qos", c.qos(), "QOS"}}) {
            if (n[1] != null && !NAMES.matcher(n[1]).matches()) {
                return n[0] + ": expected a Slurm " + n[2] + " name (letters, digits, '.', '_', '-'; several "
                        + "separated by commas), got '" + n[1] + "'";
            }
        }
        if (c.constraint() != null && !CONSTRAINT.matcher(c.constraint()).matches()) {
            return "--constraint: expected node features like 'intel' or 'skylake|cascadelake' (letters, digits and "
                    + "& | , [ ] ( ) * : !), got '" + c.constraint() + "'";
        }
        if (c.maxParallel() != null && c.maxParallel() < 1) {
            return "--max-parallel: must be at least 1, got " + c.maxParallel();
        }
        for (String a : c.sbatchArgs()) {
            java.util.regex.Matcher am = SBATCH_ARG.matcher(a);
            if (!am.matches()) {
                return "--sbatch-arg: expected one sbatch option as --name or --name=value (e.g. "
                        + "--sbatch-arg=--mail-type=END), got '" + a + "'";
            }
            String why = MANAGED.get(am.group(1));
            if (why != null) {
                return "--sbatch-arg " + a + ": --" + am.group(1) + " is not passed through (" + why + ")";
            }
        }
        if (java != null && java.isBlank()) {
            return "--java: empty";
        }
        return null;
    }

    private static String memProblem(String option, String mem) {
        if (mem == null) {
            return null;
        }
        java.util.regex.Matcher mm = MEM.matcher(mem);
        if (!mm.matches() || megabytes(mem) < 1) {
            return option + ": expected a whole amount with an optional unit K, M, G or T, as sbatch --mem takes it "
                    + "(4G, 4096M; megabytes without a unit), got '" + mem + "'"
                    + (mem.matches("(?i)[0-9]+[kmgt]b") ? " (sbatch takes no 'B': write " + mem.substring(0,
                    mem.length() - 1) + ")" : "");
        }
        return null;
    }

    private static String timeProblem(String option, String time) {
        if (time != null && !TIME.matcher(time).matches()) {
            return option + ": expected a time limit as sbatch --time takes it (minutes, hours:minutes:seconds, "
                    + "days-hours[:minutes[:seconds]], e.g. 90, 2:00:00 or 1-12:00:00), got '" + time + "'";
        }
        return null;
    }

    /** A valid --mem value in mebibytes (Slurm's units are binary; no unit = megabytes). */
    public static long megabytes(String mem) {
        java.util.regex.Matcher mm = MEM.matcher(mem);
        if (!mm.matches()) {
            throw new IllegalArgumentException(mem);
        }
        long n;
        try {
            n = Long.parseLong(mm.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
        return switch (mm.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "K" -> n / 1024;
            case "G" -> n * 1024;
            case "T" -> n * 1024 * 1024;
            default -> n;
        };
    }

    /** The -Xmx option for a job with this --mem, or "" when no memory was asked for. */
    static String heapOption(String mem) {
        return mem == null ? "" : "-Xmx" + (long) Math.floor(megabytes(mem) * HEAP_SHARE) + "m";
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029);
    }
}
