package org.crackdown.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

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
        return out;
    }

    String shards() {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("#SBATCH --job-name=").append(jobName("")).append('\n');
        b.append("#SBATCH --array=0-").append(tasks - 1).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=").append(threadsPerTask).append('\n');
        options(b);
        b.append("#SBATCH --output=").append(slurmDir().resolve("logs")).append("/shard-%a.log\n");
        b.append("#SBATCH --open-mode=append\n");
        b.append("# Written by `crackdown slurm` for sweep ").append(name).append(": task i runs shard i/")
                .append(tasks).append(" (the runs whose\n");
        b.append("# canonical index % ").append(tasks).append(" == i) into shards/i. With --resume a re-queued "
                + "task (node failure,\n# preemption, scontrol requeue) continues its shard instead of failing: "
                + "finished runs are kept.\n");
        b.append("set -euo pipefail\n");
        b.append("JAVA=\"${CRACKDOWN_JAVA:-").append(java).append("}\"\n");
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
        b.append("#SBATCH --job-name=").append(jobName("-merge")).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=1\n");
        if (partition != null) {
            b.append("#SBATCH --partition=").append(partition).append('\n');
        }
        b.append("#SBATCH --output=").append(slurmDir().resolve("logs")).append("/merge.log\n");
        b.append("#SBATCH --open-mode=append\n");
        b.append("# Written by `crackdown slurm`: merges the ").append(tasks).append(" shards into ")
                .append(dir).append(" once\n# every task of the array has succeeded (submit.sh sets the dependency). "
                        + "Merging again changes nothing.\n");
        b.append("set -euo pipefail\n");
        b.append("JAVA=\"${CRACKDOWN_JAVA:-").append(java).append("}\"\n");
        b.append("shards=()\n");
        b.append("for i in $(seq 0 ").append(tasks - 1).append("); do shards+=(")
                .append(quote(dir.resolve("shards").toString() + "/")).append("\"$i\"); done\n");
        b.append("exec \"$JAVA\" ${CRACKDOWN_JAVA_OPTS:-} -jar ").append(quote(jar.toString())).append(" merge ")
                .append(quote(dir.toString())).append(" \"${shards[@]}\"\n");
        return b.toString();
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
            b.append("#SBATCH --mem=").append(mem).append('\n');
        }
        if (time != null) {
            b.append("#SBATCH --time=").append(time).append('\n');
        }
        if (partition != null) {
            b.append("#SBATCH --partition=").append(partition).append('\n');
        }
    }

    private String jobName(String suffix) {
        return "crackdown-" + name + suffix;
    }

    /** A single-quoted shell word: safe for any path. */
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
