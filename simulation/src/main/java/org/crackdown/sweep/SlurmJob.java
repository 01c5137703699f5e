package org.crackdown.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The batch scripts that run a sweep on a Slurm cluster: an array job with one task per shard,
 * a merge job that waits for the whole array to succeed, and submit.sh that submits both. Paths
 * are absolute, since Slurm runs the scripts elsewhere; the cluster's nodes must share the file
 * system that holds the jar, the sweep file and the output folder.
 *
 * @param sweepFile      absolute path of the sweep file
 * @param dir            absolute output folder: shards go to DIR/shards/i, the merged sweep to DIR
 * @param threadsPerTask CPUs asked for, and threads used, by each task
 * @param mem            {@code --mem} of each task (null: the cluster's default)
 * @param time           {@code --time} of each task (null: the partition's default)
 * @param partition      {@code --partition} (null: the default partition)
 * @param java           the java binary (absolute; CRACKDOWN_JAVA overrides it at run time)
 */
public record SlurmJob(String name, Path sweepFile, Path dir, int tasks, int threadsPerTask, String mem,
                       String time, String partition, Path jar, Path java) {

    public SlurmJob {
        String problem = problem(name, sweepFile, dir, mem, time, partition, jar, java);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Slurm time limits: minutes, [days-]hours:minutes[:seconds] and the like, or UNLIMITED. */
    private static final Pattern TIME = Pattern.compile("[0-9]+([-:][0-9]+){0,3}|(?i:unlimited|infinite)");
    /** Memory sizes as sbatch takes them: a number with an optional unit. */
    private static final Pattern MEM = Pattern.compile("[0-9]+(\\.[0-9]+)?[KMGTkmgt]?[Bb]?");
    /** One partition name or a comma-separated list of them. */
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*");

    /**
     * Why these values cannot go into a batch script, or null if they can. The scripts are run by
     * a shell on the cluster: a newline in any value would end an {@code #SBATCH} or comment line
     * and run the rest as a command, so control characters are refused everywhere, and the sbatch
     * option values must look like what sbatch accepts. Everything is quoted as well.
     */
    public static String problem(String name, Path sweepFile, Path dir, String mem, String time, String partition,
                                 Path jar, Path java) {
        String[][] texts = {{"the sweep name", name}, {"the sweep file's path", str(sweepFile)},
                {"--out", str(dir)}, {"--jar", str(jar)}, {"the java path", str(java)}, {"--mem", mem},
                {"--time", time}, {"--partition", partition}};
        for (String[] t : texts) {
            if (t[1] != null && hasControl(t[1])) {
                return t[0] + " contains a control character (newline, tab, ...); it would break the batch "
                        + "scripts, so it is not allowed";
            }
        }
        if (mem != null && !MEM.matcher(mem).matches()) {
            return "--mem: expected a size like 4G or 4000M, as sbatch --mem takes it, got '" + mem + "'";
        }
        if (time != null && !TIME.matcher(time).matches()) {
            return "--time: expected a time limit like 2:00:00, 90 or 1-12:00:00, as sbatch --time takes it, got '"
                    + time + "'";
        }
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            return "--partition: expected a partition name (letters, digits, '.', '_', '-'; several separated by "
                    + "commas), got '" + partition + "'";
        }
        return null;
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029);
    }

    public static final String SHARDS = "shards.sbatch";
    public static final String MERGE = "merge.sbatch";
    public static final String SUBMIT = "submit.sh";

    public Path slurmDir() {
        return dir.resolve("slurm");
    }

    /** Writes the three scripts (and the logs folder) and returns their paths. */
    public List<Path> write() throws IOException {
        Path s = slurmDir();
        Files.createDirectories(s.resolve("logs"));
        List<Path> out = new ArrayList<>();
        out.add(script(s.resolve(SHARDS), shards()));
        out.add(script(s.resolve(MERGE), merge()));
        out.add(script(s.resolve(SUBMIT), submit()));
        // The slurm/ folder is crackdown's, logs included (the scripts send Slurm's output there):
        // claim it in DIR's marker, or the merge into DIR would refuse it as somebody else's.
        java.util.Set<String> ours = new java.util.LinkedHashSet<>(org.crackdown.folders.OutputFolders.claimed(dir));
        if (ours.add("slurm")) {
            org.crackdown.folders.OutputFolders.claim(dir, SweepFolder.KIND, ours);
        }
        return out;
    }

    String shards() {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("#SBATCH --job-name=").append(directive(jobName(""))).append('\n');
        b.append("#SBATCH --array=0-").append(tasks - 1).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=").append(threadsPerTask).append('\n');
        options(b);
        b.append("#SBATCH --output=").append(directive(slurmDir().resolve("logs") + "/shard-%a.log")).append('\n');
        b.append("#SBATCH --open-mode=append\n");
        b.append("# Written by `crackdown slurm` for sweep ").append(name).append(": task i runs shard i/")
                .append(tasks).append(" (the runs whose\n");
        b.append("# canonical index % ").append(tasks).append(" == i) into shards/i. With --resume a re-queued "
                + "task (node failure,\n# preemption, scontrol requeue) continues its shard instead of failing: "
                + "finished runs are kept.\n");
        b.append("set -euo pipefail\n");
        javaLine(b);
        // Several models on several threads: the parallel collector keeps the task's cores busy
        // during collections (docs/performance.md); a collector named in CRACKDOWN_JAVA_OPTS wins.
        b.append("case \"${CRACKDOWN_JAVA_OPTS:-}\" in *-XX:+Use*GC*) GC=\"\" ;; *) GC=\"-XX:+UseParallelGC\" ;; esac\n");
        b.append("exec \"$JAVA\" $GC ${CRACKDOWN_JAVA_OPTS:-} -jar ").append(quote(jar.toString())).append(" sweep ")
                .append(quote(sweepFile.toString())).append(" \\\n");
        b.append("  --shard \"$SLURM_ARRAY_TASK_ID/").append(tasks).append("\" --threads ").append(threadsPerTask)
                .append(" \\\n");
        b.append("  --out ").append(quote(dir.resolve("shards").toString() + "/")).append("\"$SLURM_ARRAY_TASK_ID\"")
                .append(" --resume\n");
        return b.toString();
    }

    String merge() {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("#SBATCH --job-name=").append(directive(jobName("-merge"))).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=1\n");
        if (partition != null) {
            b.append("#SBATCH --partition=").append(directive(partition)).append('\n');
        }
        b.append("#SBATCH --output=").append(directive(slurmDir().resolve("logs") + "/merge.log")).append('\n');
        b.append("#SBATCH --open-mode=append\n");
        b.append("# Written by `crackdown slurm`: merges the ").append(tasks).append(" shards into ")
                .append(quote(dir.toString())).append(" once\n# every task of the array has succeeded (submit.sh "
                        + "sets the dependency). Merging again changes nothing.\n");
        b.append("set -euo pipefail\n");
        javaLine(b);
        b.append("shards=()\n");
        b.append("for i in $(seq 0 ").append(tasks - 1).append("); do shards+=(")
                .append(quote(dir.resolve("shards").toString() + "/")).append("\"$i\"); done\n");
        b.append("exec \"$JAVA\" ${CRACKDOWN_JAVA_OPTS:-} -jar ").append(quote(jar.toString())).append(" merge ")
                .append(quote(dir.toString())).append(" \"${shards[@]}\"\n");
        return b.toString();
    }

    /** JAVA: the JVM this command ran on, quoted, unless CRACKDOWN_JAVA names another. */
    private void javaLine(StringBuilder b) {
        b.append("JAVA=").append(quote(java.toString())).append('\n');
        b.append("if [ -n \"${CRACKDOWN_JAVA:-}\" ]; then JAVA=\"$CRACKDOWN_JAVA\"; fi\n");
    }

    String submit() {
        return "#!/bin/bash\n"
                + "# Written by `crackdown slurm`: submits the shard array, then the merge to run after every\n"
                + "# task of the array has succeeded. Prints the two job ids.\n"
                + "set -euo pipefail\n"
                + "here=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n"
                + "# --parsable prints \"jobid\" or \"jobid;cluster\".\n"
                + "array=$(sbatch --parsable \"$here/" + SHARDS + "\")\n"
                + "array=${array%%;*}\n"
                + "merge=$(sbatch --parsable --dependency=afterok:\"$array\" \"$here/" + MERGE + "\")\n"
                + "merge=${merge%%;*}\n"
                + "echo \"shards job: $array\"\n"
                + "echo \"merge job: $merge\"\n";
    }

    private void options(StringBuilder b) {
        if (mem != null) {
            b.append("#SBATCH --mem=").append(directive(mem)).append('\n');
        }
        if (time != null) {
            b.append("#SBATCH --time=").append(directive(time)).append('\n');
        }
        if (partition != null) {
            b.append("#SBATCH --partition=").append(directive(partition)).append('\n');
        }
    }

    private String jobName(String suffix) {
        return "crackdown-" + name + suffix;
    }

    /**
     * An {@code #SBATCH} option value as one word: sbatch splits directive lines at blanks, honours
     * double quotes and backslash escapes, and ends the line at an unescaped '#'. Plain values are
     * left as they are, so the scripts stay readable.
     */
    static String directive(String s) {
        if (s.matches("[A-Za-z0-9._,:/%+=@-]+")) {
            return s;
        }
        return "\"" + s.replaceAll("([\\\\\"#])", "\\\\$1") + "\"";
    }

    /** A single-quoted shell word (newlines excepted, which {@link #problem} refuses): safe for any path. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    private static Path script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: run them with bash explicitly
        }
        return file;
    }
}
