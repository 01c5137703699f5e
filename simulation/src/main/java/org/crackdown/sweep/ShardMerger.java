package org.crackdown.sweep;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.crackdown.format.Json;
import org.crackdown.format.OutputFolders;
import org.crackdown.sweep.ShardChecks.ShardInfo;

import com.fasterxml.jackson.databind.JsonNode;
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

    private ShardMerger() {
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
        List<ShardInfo> shards = ShardChecks.check(out, dirs, allowMixedVersions);
        ShardInfo first = shards.get(0);
        Path outJson = out.resolve(SweepFolder.SWEEP_JSON);
        List<String> problems = new ArrayList<>();
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
