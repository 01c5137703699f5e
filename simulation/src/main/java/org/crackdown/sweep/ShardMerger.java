package org.crackdown.sweep;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.crackdown.format.Json;
import org.crackdown.format.OutputFolders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Combines finished shard folders of one sweep into one folder with the same files as an
 * unsharded sweep: runs.csv byte-identical to the one a single machine would have written.
 * Each shard's rows are already in canonical order, so the shards are merged as sorted streams
 * and memory does not grow with the number of runs. Every run must come from exactly one shard.
 *
 * <p>Idempotent: the output depends only on the shards (no time stamp of its own), and a file
 * whose content would not change is not rewritten.
 */
public final class ShardMerger {

    static final int MAX_REPORTED = 20;
    /** What a merge writes in its output folder (and so claims in the folder's marker). */
    static final List<String> WRITES = List.of(RunsTable.RUNS, RunsTable.TIMESERIES, SweepFolder.SWEEP_YAML,
            SweepFolder.DATAPACKAGE, SweepFolder.SWEEP_JSON, RunsTable.RUNS + ".merge-tmp",
            RunsTable.TIMESERIES + ".merge-tmp", SweepFolder.SWEEP_YAML + ".merge-tmp",
            SweepFolder.DATAPACKAGE + ".merge-tmp", SweepFolder.SWEEP_JSON + ".merge-tmp");

    /** The shards cannot be merged; each problem names a run, a folder or both. */
    public static final class MergeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> problems;

        MergeException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** What the merge wrote: runs in total, how many failed, and the files it changed. */
    public record Result(int runs, int failed, List<String> changed) {
    }

    private record ShardInfo(Path dir, JsonNode json, int index, int count) {
        String label() {
            return count == 1 ? dir.toString() : dir + " (shard " + index + "/" + count + ")";
        }
    }

    private ShardMerger() {
    }

    /**
     * Shards run by different code are not one experiment: the model may have changed between
     * the commits, so their runs are not replicates of each other. (A "-dirty" commit is compared
     * as text too: two dirty builds of one commit may hold different code.)
     */
    private static List<String> versionProblems(List<ShardInfo> shards) {
        List<String> problems = new ArrayList<>();
        ShardInfo first = shards.get(0);
        String commit = first.json().path("git_commit").asText();
        String version = first.json().path("code_version").asText();
        for (ShardInfo s : shards) {
            String c = s.json().path("git_commit").asText();
            String v = s.json().path("code_version").asText();
            if (!c.equals(commit) || !v.equals(version)) {
                problems.add(s.label() + ": was run by crackdown " + v + " (commit " + c + "), " + first.label()
                        + " by crackdown " + version + " (commit " + commit + "); shards run by different code are "
                        + "not replicates of one model. Rerun the odd shard with the same jar, or merge anyway with "
                        + "--allow-mixed-versions");
            }
        }
        return problems;
    }

    public static Result merge(Path out, List<Path> dirs) throws MergeException, IOException {
        return merge(out, dirs, false);
    }

    /**
     * @param allowMixedVersions merge shards run by different code (crackdown version or git
     *                           commit in their sweep.json) instead of refusing them
     */
    public static Result merge(Path out, List<Path> dirs, boolean allowMixedVersions) throws MergeException,
            IOException {
        List<String> problems = new ArrayList<>();
        List<ShardInfo> shards = new ArrayList<>();
        Path outAbs = out.toAbsolutePath().normalize();
        java.util.Set<Path> given = new java.util.HashSet<>();
        for (Path d : dirs) {
            if (!given.add(d.toAbsolutePath().normalize())) {
                problems.add(d + ": given twice");
                continue;
            }
            if (d.toAbsolutePath().normalize().equals(outAbs)) {
                problems.add(d + ": is the output folder itself; give the shard folders (e.g. " + out
                        + "/shards/*)");
                continue;
            }
            ShardInfo s = read(d, problems);
            if (s != null) {
                shards.add(s);
            }
        }
        if (dirs.isEmpty()) {
            problems.add("no shard folders given");
        }
        if (!problems.isEmpty()) {
            throw new MergeException(problems);
        }
        shards.sort(Comparator.comparingInt((ShardInfo s) -> s.count() == 1 ? -1 : s.index())
                .thenComparing(s -> s.dir().toString()));
        ShardInfo first = shards.get(0);
        String fingerprint = first.json().path("fingerprint").asText();
        for (ShardInfo s : shards) {
            if (!s.json().path("fingerprint").asText().equals(fingerprint)) {
                problems.add(s.dir() + ": is a shard of a different sweep than " + first.dir() + " (sweep "
                        + s.json().path("name").asText() + " vs " + first.json().path("name").asText()
                        + "; the sweep file or its base scenario differ); shards of different sweeps cannot be merged");
            }
        }
        if (!allowMixedVersions) {
            problems.addAll(versionProblems(shards));
        }
        Path outJson = out.resolve(SweepFolder.SWEEP_JSON);
        if (outAbs.getParent() == null) {
            problems.add(out + ": a merge writes a sweep folder; give a folder of its own, not the root of the "
                    + "file system");
        } else if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> foreign = OutputFolders.foreign(out);
            if (!foreign.isEmpty()) {
                problems.add(out + ": " + OutputFolders.notOurs(foreign)
                        + "; merge writes only into a new or empty folder, or one crackdown wrote (like the folder "
                        + "that holds shards/): choose another output folder");
            }
        }
        if (!problems.isEmpty()) {
            throw new MergeException(problems);
        }
        if (Files.isRegularFile(outJson)) {
            String existing = readJson(outJson).path("fingerprint").asText();
            if (!existing.equals(fingerprint)) {
                problems.add(out + ": already holds a different sweep (its sweep.json has another fingerprint); "
                        + "choose another output folder");
            }
        } else if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
            problems.add(out + ": exists and is not a folder");
        }
        if (!problems.isEmpty()) {
            throw new MergeException(problems);
        }
        RunIds ids = ids(first.json());
        boolean created = !Files.exists(out);
        Files.createDirectories(out);
        boolean timeseries = first.json().path("keep_timeseries").asBoolean(false);
        Path runsTmp = out.resolve(RunsTable.RUNS + ".merge-tmp");
        Path tsTmp = out.resolve(RunsTable.TIMESERIES + ".merge-tmp");
        ArrayNode runs = JsonNodeFactory.instance.arrayNode();
        int[] failed = {0};
        try {
            streamMerge(shards, ids, timeseries, runsTmp, tsTmp, runs, failed, problems);
            if (!problems.isEmpty()) {
                Files.deleteIfExists(runsTmp);
                Files.deleteIfExists(tsTmp);
                if (created && SweepFolder.isEmpty(out)) {
                    Files.delete(out); // leave no trace of a merge that did not happen
                }
                throw new MergeException(problems);
            }
            List<String> changed = new ArrayList<>();
            install(runsTmp, out.resolve(RunsTable.RUNS), changed);
            if (timeseries) {
                install(tsTmp, out.resolve(RunsTable.TIMESERIES), changed);
            }
            copy(first.dir().resolve(SweepFolder.SWEEP_YAML), out.resolve(SweepFolder.SWEEP_YAML), changed);
            copy(first.dir().resolve(SweepFolder.DATAPACKAGE), out.resolve(SweepFolder.DATAPACKAGE), changed);
            Path jsonTmp = out.resolve(SweepFolder.SWEEP_JSON + ".merge-tmp");
            Json.write(jsonTmp, mergedJson(shards, runs, failed[0]));
            install(jsonTmp, outJson, changed);
            Set<String> ours = new LinkedHashSet<>(OutputFolders.claimed(out));
            ours.addAll(WRITES);
            if (!ours.equals(OutputFolders.claimed(out))) {
                OutputFolders.claim(out, SweepFolder.KIND, ours);
            }
            return new Result(ids.count(), failed[0], changed);
        } finally {
            Files.deleteIfExists(runsTmp);
            Files.deleteIfExists(tsTmp);
            Files.deleteIfExists(out.resolve(SweepFolder.SWEEP_JSON + ".merge-tmp"));
        }
    }

    private static ShardInfo read(Path dir, List<String> problems) throws IOException {
        Path json = dir.resolve(SweepFolder.SWEEP_JSON);
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": no such folder");
            return null;
        }
        if (!Files.isRegularFile(json)) {
            problems.add(dir + ": not a sweep folder (no " + SweepFolder.SWEEP_JSON + ")");
            return null;
        }
        JsonNode node;
        try {
            node = readJson(json);
        } catch (IOException e) {
            problems.add(json + ": cannot read: " + e.getMessage());
            return null;
        }
        JsonNode shard = node.path("shard");
        int index = shard.isObject() ? shard.path("index").asInt() : 0;
        int count = shard.isObject() ? shard.path("count").asInt() : 1;
        String status = node.path("status").asText();
        String resume = "crackdown sweep " + node.path("sweep_file").asText() + (count > 1 ? " --shard " + index + "/"
                + count : "") + " --out " + dir + " --resume";
        if (!status.equals("completed")) {
            problems.add(dir + ": the sweep in it has not finished (its sweep.json says " + status + "); finish it "
                    + "with " + resume);
            return null;
        }
        if (!Files.isRegularFile(dir.resolve(RunsTable.RUNS))) {
            problems.add(dir + ": has no " + RunsTable.RUNS + " although its sweep.json says the sweep completed "
                    + "(deleted or moved?); write it again with " + resume);
            return null;
        }
        return new ShardInfo(dir, node, index, count);
    }

    private static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** Run names and order, from what sweep.json records of the design. */
    static RunIds ids(JsonNode sweep) {
        List<String> strategies = new ArrayList<>();
        sweep.path("strategies").forEach(s -> strategies.add(s.path("name").asText()));
        return new RunIds(sweep.path("points").size(), strategies, sweep.path("replicates").asInt());
    }

    /** Rows of one shard's CSV, looked at one at a time. */
    private static final class Rows implements Closeable {
        final Path file;
        final BufferedReader in;
        final String header;
        final RunIds ids;
        String row;
        int index;
        long line = 1;

        Rows(Path file, RunIds ids) throws IOException {
            this.file = file;
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.ids = ids;
            this.header = in.readLine();
            advance();
        }

        /** Moves to the next row; {@code index} is MAX_VALUE at the end, -1 for a row of no run. */
        void advance() throws IOException {
            row = in.readLine();
            line++;
            if (row == null) {
                index = Integer.MAX_VALUE;
                return;
            }
            int comma = row.indexOf(',');
            index = ids.indexOf(comma < 0 ? row : row.substring(0, comma));
        }

        String runId() {
            int comma = row.indexOf(',');
            return comma < 0 ? row : row.substring(0, comma);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void streamMerge(List<ShardInfo> shards, RunIds ids, boolean timeseries, Path runsTmp,
                                    Path tsTmp, ArrayNode runs, int[] failed, List<String> problems)
            throws IOException {
        List<Rows> rows = new ArrayList<>();
        List<Rows> series = new ArrayList<>();
        try {
            for (ShardInfo s : shards) {
                rows.add(new Rows(s.dir().resolve(RunsTable.RUNS), ids));
                if (timeseries) {
                    Path ts = s.dir().resolve(RunsTable.TIMESERIES);
                    if (!Files.isRegularFile(ts)) {
                        problems.add(s.dir() + ": has no " + RunsTable.TIMESERIES + " although the sweep keeps "
                                + "timeseries");
                        return;
                    }
                    series.add(new Rows(ts, ids));
                }
            }
            for (int i = 1; i < rows.size(); i++) {
                if (!String.valueOf(rows.get(i).header).equals(String.valueOf(rows.get(0).header))) {
                    problems.add(rows.get(i).file + ": columns differ from " + rows.get(0).file);
                }
            }
            if (!problems.isEmpty()) {
                return;
            }
            int missing = 0;
            int duplicates = 0;
            int shardCount = shards.get(0).count();
            try (BufferedWriter w = Files.newBufferedWriter(runsTmp, StandardCharsets.UTF_8);
                 BufferedWriter tw = timeseries ? Files.newBufferedWriter(tsTmp, StandardCharsets.UTF_8) : null) {
                w.write(rows.get(0).header);
                w.write('\n');
                if (tw != null) {
                    tw.write(series.get(0).header);
                    tw.write('\n');
                }
                for (int idx = 0; idx < ids.count(); idx++) {
                    for (Rows r : rows) {
                        skipStray(r, idx, problems);
                    }
                    List<Integer> holders = new ArrayList<>();
                    for (int s = 0; s < rows.size(); s++) {
                        if (rows.get(s).index == idx) {
                            holders.add(s);
                        }
                    }
                    if (holders.isEmpty()) {
                        if (missing++ < MAX_REPORTED) {
                            problems.add("missing run " + ids.runId(idx) + ": it is in none of the given folders"
                                    + (shardCount > 1 ? " (it belongs to shard " + idx % shardCount + "/" + shardCount
                                    + ")" : ""));
                        }
                        continue;
                    }
                    if (holders.size() > 1) {
                        if (duplicates++ < MAX_REPORTED) {
                            List<String> where = holders.stream().map(s -> shards.get(s).label()).toList();
                            problems.add("duplicate run " + ids.runId(idx) + ": it is in " + String.join(" and ", where));
                        }
                    }
                    Rows chosen = rows.get(holders.get(0));
                    w.write(chosen.row);
                    w.write('\n');
                    String[] cells = chosen.row.split(",", 7);
                    ObjectNode run = runs.addObject();
                    run.put("run_id", cells[0]);
                    run.put("seed", Long.parseLong(cells[4]));
                    run.put("status", cells[5]);
                    if (cells[5].equals(RunsTable.FAILED)) {
                        failed[0]++;
                    }
                    for (int s : holders) {
                        rows.get(s).advance();
                        if (tw != null) {
                            Rows t = series.get(s);
                            while (t.row != null && t.index == idx) {
                                if (s == holders.get(0)) {
                                    tw.write(t.row);
                                    tw.write('\n');
                                }
                                t.advance();
                            }
                        }
                    }
                }
            }
            for (Rows r : rows) {
                skipStray(r, Integer.MAX_VALUE - 1, problems);
            }
            for (int s = 0; s < series.size(); s++) {
                Rows t = series.get(s);
                if (t.row != null) {
                    problems.add(t.file + " line " + t.line + ": timeseries of run " + t.runId()
                            + " out of place (runs must be in canonical order, as crackdown sweep writes them)");
                }
            }
            if (missing > MAX_REPORTED) {
                problems.add("... " + missing + " runs missing in all");
            }
            if (duplicates > MAX_REPORTED) {
                problems.add("... " + duplicates + " duplicate runs in all");
            }
        } finally {
            for (Rows r : rows) {
                r.close();
            }
            for (Rows r : series) {
                r.close();
            }
        }
    }

    /** Reports (and skips) rows that name no run of the sweep or that are out of canonical order. */
    private static void skipStray(Rows r, int idx, List<String> problems) throws IOException {
        while (r.row != null && r.index < idx) {
            problems.add(r.file + " line " + r.line + ": " + (r.index < 0 ? "run '" + r.runId()
                    + "' is not a run of this sweep" : "run " + r.runId() + " is out of canonical order "
                    + "(listed twice in the same folder?)"));
            r.advance();
        }
    }

    /** The first shard's sweep.json with the shard facts replaced by those of the whole. */
    private static JsonNode mergedJson(List<ShardInfo> shards, ArrayNode runs, int failed) {
        ObjectNode m = shards.get(0).json().deepCopy();
        m.put("status", "completed");
        m.putNull("shard");
        m.put("runs_in_folder", runs.size());
        String started = null;
        String finished = null;
        ArrayNode from = JsonNodeFactory.instance.arrayNode();
        for (ShardInfo s : shards) {
            ObjectNode o = from.addObject();
            o.set("shard", s.json().path("shard").deepCopy());
            o.put("host", s.json().path("host").asText());
            o.put("threads", s.json().path("threads").asInt());
            o.put("started", s.json().path("started").asText());
            o.put("finished", s.json().path("finished").asText());
            o.put("code_version", s.json().path("code_version").asText());
            o.put("git_commit", s.json().path("git_commit").asText());
            // ISO-8601 instants in UTC compare as text.
            String st = s.json().path("started").asText();
            String fi = s.json().path("finished").asText();
            started = started == null || st.compareTo(started) < 0 ? st : started;
            finished = finished == null || fi.compareTo(finished) > 0 ? fi : finished;
        }
        m.put("started", started);
        m.put("finished", finished);
        m.remove(List.of("host", "threads", "sessions", "runs_completed", "runs_failed", "runs"));
        m.set("merged_from", from);
        m.put("runs_completed", runs.size() - failed);
        m.put("runs_failed", failed);
        m.set("runs", runs);
        return m;
    }

    /** Moves {@code tmp} onto {@code target} unless the target already has the same bytes. */
    private static void install(Path tmp, Path target, List<String> changed) throws IOException {
        if (Files.isRegularFile(target) && Files.mismatch(tmp, target) == -1L) {
            Files.delete(tmp);
            return;
        }
        SweepFolder.replace(tmp, target);
        changed.add(target.getFileName().toString());
    }

    private static void copy(Path from, Path target, List<String> changed) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".merge-tmp");
        Files.copy(from, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        install(tmp, target, changed);
    }
}
