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
 * The batch scripts that run a sweep, an ABC calibration or an optimisation on a Slurm cluster:
 * array jobs with one task per shard, a last job that waits for them to succeed, and submit.sh
 * that submits them all ({@link Work} says which). Paths are absolute, since Slurm runs the
 * scripts elsewhere; the cluster's nodes must share the file system that holds the jar, the input
 * file and the output folder (and its parent, where a calibration's or search's journals live).
 *
 * <p>The jobs run a copy of the jar in DIR/slurm, named after the code it holds
 * ({@link #jarCopyName}): the checkout's jar may be rebuilt by {@code ./crackdown} while the jobs
 * wait in the queue, and shards run by different code must not be merged silently.
 *
 * @param sweepFile      absolute path of the input file (sweep, targets or optimize file)
 * @param dir            absolute output folder: a sweep's shards go to DIR/shards/i, the merged sweep to DIR
 * @param threadsPerTask CPUs asked for, and threads used, by each task
 * @param cluster        sbatch options: limits, account, throttle, pass-through
 * @param jar            the jar to copy into DIR/slurm for the jobs
 * @param jarStamp       what names the copy: the jar's commit (see {@link #stampOf})
 * @param javaCommand    the java command (CRACKDOWN_JAVA overrides it at run time)
 * @param setup          shell lines run before Java in every job (e.g. {@code module load java/17})
 * @param work           what the jobs run
 */
public record SlurmJob(String name, Path sweepFile, Path dir, int tasks, int threadsPerTask, Cluster cluster, Path jar,
                       String jarStamp, String javaCommand, List<String> setup, Work work) {

    /**
     * What the jobs run. A sweep ({@link #SWEEP}): one array, task i running shard i of the sweep
     * into DIR/shards/i, then {@code crackdown merge}. A calibration or a search: {@code stages}
     * arrays one after another, task i of each running shard i/N of the command with
     * {@code --no-wait --resume} — its share of what can run with the results the journals
     * beside DIR hold, so that every stage completes at least one generation (or the predictive
     * check, or the comparison) and no task waits for another — then a job in which shard 0 takes
     * everything from the journals and writes DIR. Exit code 3 (this shard's share done, the rest
     * for the next stage) is success in a stage and failure in the last job.
     *
     * @param command the crackdown command ({@code sweep}, {@code calibrate}, {@code optimize})
     * @param options what follows the file in every job, e.g. {@code --method abc}
     * @param stages  array jobs, one after another
     */
    public record Work(String command, List<String> options, int stages) {

        public static final Work SWEEP = new Work("sweep", List.of(), 1);

        public Work {
            options = List.copyOf(options);
            if (stages < 1) {
                throw new IllegalArgumentException("stages must be at least 1, got " + stages);
            }
        }

        public boolean sweep() {
            return command.equals("sweep");
        }
    }

    /** A sweep's jobs. */
    public SlurmJob(String name, Path sweepFile, Path dir, int tasks, int threadsPerTask, Cluster cluster, Path jar,
                    String jarStamp, String javaCommand, List<String> setup) {
        this(name, sweepFile, dir, tasks, threadsPerTask, cluster, jar, jarStamp, javaCommand, setup, Work.SWEEP);
    }

    /**
     * What sbatch is told besides the array itself; null = the cluster's default.
     *
     * @param mem         {@code --mem} of each shard task (4G, 4096M; megabytes without a unit)
     * @param time        {@code --time} of each shard task
     * @param maxParallel array throttle: at most this many tasks at once ({@code --array=0-N%M}); null = no limit
     * @param sbatchArgs  further {@code --name=value} options, passed through to both jobs
     * @param mergeMem    {@code --mem} of the merge job
     * @param mergeTime   {@code --time} of the merge job
     */
    public record Cluster(String mem, String time, String partition, String account, String qos, String constraint,
                          Integer maxParallel, List<String> sbatchArgs, String mergeMem, String mergeTime) {

        public Cluster {
            sbatchArgs = List.copyOf(sbatchArgs);
        }

        /** No options: the cluster's defaults for everything. */
        public static final Cluster DEFAULTS = new Cluster(null, null, null, null, null, null, null, List.of(), null, null);
    }

    public SlurmJob {
        setup = List.copyOf(setup);
        String problem = SlurmOptions.problem(name, sweepFile, dir, cluster, jar, javaCommand);
        if (problem == null && (jarStamp == null || !STAMP.matcher(jarStamp).matches())) {
            problem = "the jar's stamp must be letters, digits, '.', '_' or '-', got '" + jarStamp + "'";
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static final Pattern STAMP = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    /**
     * What names the copy of a jar: the git commit it was built from (crackdown-git.properties
     * inside it), with the first 8 hex digits of its SHA-256 when the tree was dirty (then the
     * commit does not say which code it is); the SHA-256 alone when the jar does not say.
     */
    public static String stampOf(Path jar) throws IOException {
        String sha = sha256(jar);
        String commit = null;
        boolean dirty = false;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry e = z.getEntry("crackdown-git.properties");
            if (e != null) {
                java.util.Properties p = new java.util.Properties();
                try (java.io.InputStream in = z.getInputStream(e)) {
                    p.load(in);
                }
                commit = p.getProperty("git.commit.id");
                dirty = "true".equals(p.getProperty("git.dirty"));
            }
        } catch (java.util.zip.ZipException e) {
            // not a zip: stamped by its content only
        }
        if (commit == null || !commit.matches("[0-9a-f]{7,64}")) {
            return "sha256-" + sha.substring(0, 12);
        }
        return commit.substring(0, 12) + (dirty ? "-dirty-" + sha.substring(0, 8) : "");
    }

    private static String sha256(Path file) throws IOException {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            try (java.io.InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    d.update(buf, 0, n);
                }
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** File name of the jar copy the jobs run. */
    public String jarCopyName() {
        return "crackdown-" + jarStamp + ".jar";
    }

    /** The jar copy the jobs run. */
    public Path jarCopy() {
        return slurmDir().resolve(jarCopyName());
    }

    public static final String SHARDS = "shards.sbatch";
    public static final String MERGE = "merge.sbatch";
    public static final String SUBMIT = "submit.sh";

    /**
     * Where the scripts, the jar copy and the logs go: DIR/slurm for a sweep; beside DIR
     * (DIR-slurm) for a calibration or search, whose folder must not exist until shard 0 writes it.
     */
    public Path slurmDir() {
        return work.sweep() ? dir.resolve("slurm") : dir.resolveSibling(dir.getFileName() + "-slurm");
    }

    /** Writes the jar copy, the three scripts (and the logs folder) and returns the scripts' paths. */
    public List<Path> write() throws IOException {
        Path s = slurmDir();
        Files.createDirectories(s.resolve("logs"));
        // The copy is named after its code: one already there holds the same code, and jobs still
        // queued from an earlier submission may be about to run it, so it is left as it is.
        if (!Files.isRegularFile(jarCopy())) {
            Path tmp = s.resolve(jarCopyName() + ".tmp");
            Files.copy(jar, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, jarCopy(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        List<Path> out = new ArrayList<>();
        out.add(script(s.resolve(SHARDS), shards()));
        out.add(script(s.resolve(MERGE), merge()));
        out.add(script(s.resolve(SUBMIT), submit()));
        if (!work.sweep()) {
            return out;
        }
        // The slurm/ folder is crackdown's, logs included (the scripts send Slurm's output there):
        // claim it in DIR's marker, or the merge into DIR would refuse it as somebody else's.
        java.util.Set<String> ours = new java.util.LinkedHashSet<>(org.crackdown.format.OutputFolders.claimed(dir));
        if (ours.add("slurm")) {
            org.crackdown.format.OutputFolders.claim(dir, SweepFolder.KIND, ours);
        }
        return out;
    }

    String shards() {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("#SBATCH --job-name=").append(directive(jobName(""))).append('\n');
        b.append("#SBATCH --array=0-").append(tasks - 1)
                .append(cluster.maxParallel() == null ? "" : "%" + cluster.maxParallel()).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=").append(threadsPerTask).append('\n');
        options(b, cluster.mem(), cluster.time());
        b.append("#SBATCH --output=").append(directive(slurmDir().resolve("logs") + "/shard-%a.log")).append('\n');
        b.append("#SBATCH --open-mode=append\n");
        if (work.sweep()) {
            b.append("# Written by `crackdown slurm` for sweep ").append(name).append(": task i runs shard i/")
                    .append(tasks).append(" (the runs whose\n");
            b.append("# canonical index % ").append(tasks).append(" == i) into shards/i. With --resume a re-queued "
                    + "task (node failure,\n# preemption, scontrol requeue) continues its shard instead of failing: "
                    + "finished runs are kept.\n");
        } else {
            b.append("# Written by `crackdown slurm` for ").append(work.command()).append(' ').append(name)
                    .append(": submitted ").append(work.stages()).append(" times, one stage after another.\n");
            b.append("# Task i runs shard i/").append(tasks).append(" with --no-wait --resume: its share of what can "
                    + "run with the\n# results the journals beside the folder hold, then it stops (exit 3, success "
                    + "here); the next\n# stage goes on from there. A re-queued task continues from its journal.\n");
        }
        prologue(b);
        // Several models on several threads: the parallel collector keeps the task's cores busy
        // during collections (docs/performance.md); a collector named in CRACKDOWN_JAVA_OPTS wins.
        b.append("case \"${CRACKDOWN_JAVA_OPTS:-}\" in *-XX:+Use*GC*) GC=\"\" ;; *) GC=\"-XX:+UseParallelGC\" ;; esac\n");
        if (work.sweep()) {
            b.append("exec \"$JAVA\" $GC ").append(heap(cluster.mem())).append("${CRACKDOWN_JAVA_OPTS:-} -jar ")
                    .append(quote(jarCopy().toString())).append(" sweep ").append(quote(sweepFile.toString()))
                    .append(" \\\n");
            b.append("  --shard \"$SLURM_ARRAY_TASK_ID/").append(tasks).append("\" --threads ").append(threadsPerTask)
                    .append(" \\\n");
            b.append("  --out ").append(quote(dir.resolve("shards").toString() + "/")).append("\"$SLURM_ARRAY_TASK_ID\"")
                    .append(" --resume\n");
            return b.toString();
        }
        b.append("code=0\n");
        b.append("\"$JAVA\" $GC ").append(heap(cluster.mem())).append("${CRACKDOWN_JAVA_OPTS:-} -jar ")
                .append(quote(jarCopy().toString())).append(' ').append(command()).append(" \\\n");
        b.append("  --shard \"$SLURM_ARRAY_TASK_ID/").append(tasks).append("\" --threads ").append(threadsPerTask)
                .append(" --no-wait --resume --quiet || code=$?\n");
        b.append("if [ \"$code\" -eq 3 ]; then exit 0; fi\n");
        b.append("exit \"$code\"\n");
        return b.toString();
    }

    /** The command, the file, the options and --out of a calibration's or search's jobs, quoted. */
    private String command() {
        StringBuilder b = new StringBuilder(work.command()).append(' ').append(quote(sweepFile.toString()));
        work.options().forEach(o -> b.append(' ').append(quote(o)));
        return b.append(" --out ").append(quote(dir.toString())).toString();
    }

    String merge() {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("#SBATCH --job-name=").append(directive(jobName("-merge"))).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=1\n");
        options(b, cluster.mergeMem(), cluster.mergeTime());
        b.append("#SBATCH --output=").append(directive(slurmDir().resolve("logs") + "/merge.log")).append('\n');
        b.append("#SBATCH --open-mode=append\n");
        if (!work.sweep()) {
            b.append("# Written by `crackdown slurm`: once every stage has succeeded (submit.sh sets the dependency),\n"
                    + "# shard 0 takes every simulation from the journals and writes ").append(quote(dir.toString()))
                    .append(".\n# Exit code 3 here means a stage did not finish its share: see the shards' logs.\n");
            prologue(b);
            b.append("exec \"$JAVA\" ").append(heap(cluster.mergeMem())).append("${CRACKDOWN_JAVA_OPTS:-} -jar ")
                    .append(quote(jarCopy().toString())).append(' ').append(command()).append(" \\\n");
            b.append("  --shard 0/").append(tasks).append(" --threads 1 --no-wait --resume\n");
            return b.toString();
        }
        b.append("# Written by `crackdown slurm`: merges the ").append(tasks).append(" shards into ")
                .append(quote(dir.toString())).append(" once\n# every task of the array has succeeded (submit.sh "
                        + "sets the dependency). Merging again changes nothing.\n");
        prologue(b);
        b.append("shards=()\n");
        b.append("for i in $(seq 0 ").append(tasks - 1).append("); do shards+=(")
                .append(quote(dir.resolve("shards").toString() + "/")).append("\"$i\"); done\n");
        b.append("exec \"$JAVA\" ").append(heap(cluster.mergeMem())).append("${CRACKDOWN_JAVA_OPTS:-} -jar ")
                .append(quote(jarCopy().toString())).append(" merge ").append(quote(dir.toString()))
                .append(" \"${shards[@]}\"\n");
        return b.toString();
    }

    private static String heap(String mem) {
        String h = SlurmOptions.heapOption(mem);
        return h.isEmpty() ? "" : h + " ";
    }

    /**
     * Strict mode, the user's setup lines (module loads and the like often read unset variables,
     * so {@code -u} comes after them), then JAVA: the given java command, quoted, unless
     * CRACKDOWN_JAVA names another.
     */
    private void prologue(StringBuilder b) {
        b.append("set -eo pipefail\n");
        if (!setup.isEmpty()) {
            b.append("# --- setup (crackdown slurm --setup) ---\n");
            setup.forEach(l -> b.append(l).append('\n'));
            b.append("# --- end of setup ---\n");
        }
        b.append("set -u\n");
        b.append("JAVA=").append(quote(javaCommand)).append('\n');
        b.append("if [ -n \"${CRACKDOWN_JAVA:-}\" ]; then JAVA=\"$CRACKDOWN_JAVA\"; fi\n");
    }

    String submit() {
        if (work.sweep()) {
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
        int n = work.stages();
        return "#!/bin/bash\n"
                + "# Written by `crackdown slurm`: submits the shard array " + n + " times, each stage after the one\n"
                + "# before has succeeded, then the job in which shard 0 writes the folder. Prints the job ids.\n"
                + "# Submitting again after a failure continues from the journals (cancel the old jobs first).\n"
                + "set -euo pipefail\n"
                + "here=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n"
                + "previous=\"\"\n"
                + "for stage in $(seq 1 " + n + "); do\n"
                + "  # --parsable prints \"jobid\" or \"jobid;cluster\".\n"
                + "  if [ -z \"$previous\" ]; then array=$(sbatch --parsable \"$here/" + SHARDS + "\")\n"
                + "  else array=$(sbatch --parsable --dependency=afterok:\"$previous\" \"$here/" + SHARDS + "\"); fi\n"
                + "  previous=${array%%;*}\n"
                + "  echo \"stage $stage of " + n + " job: $previous\"\n"
                + "done\n"
                + "merge=$(sbatch --parsable --dependency=afterok:\"$previous\" \"$here/" + MERGE + "\")\n"
                + "merge=${merge%%;*}\n"
                + "echo \"merge job: $merge\"\n";
    }

    /** The options both jobs share (partition, account, QOS, constraint, pass-through) and their own limits. */
    private void options(StringBuilder b, String mem, String time) {
        if (mem != null) {
            b.append("#SBATCH --mem=").append(directive(mem)).append('\n');
        }
        if (time != null) {
            b.append("#SBATCH --time=").append(directive(time)).append('\n');
        }
        String[][] named = {{"partition", cluster.partition()}, {"account", cluster.account()}, {"qos", cluster.qos()},
                {"constraint", cluster.constraint()}};
        for (String[] n : named) {
            if (n[1] != null) {
                b.append("#SBATCH --").append(n[0]).append('=').append(directive(n[1])).append('\n');
            }
        }
        for (String a : cluster.sbatchArgs()) {
            int eq = a.indexOf('=');
            b.append("#SBATCH ").append(eq < 0 ? a : a.substring(0, eq + 1) + directive(a.substring(eq + 1)))
                    .append('\n');
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

    /** A single-quoted shell word (newlines excepted, which {@link SlurmOptions#problem} refuses): safe for any path. */
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
