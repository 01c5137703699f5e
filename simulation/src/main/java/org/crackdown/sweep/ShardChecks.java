package org.crackdown.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.crackdown.format.OutputFolders;
import org.crackdown.sweep.ShardMerger.MergeException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether shard folders may be merged into an output folder, checked before anything is
 * written: each is a finished sweep folder, given once, of the same sweep (fingerprint) and run
 * by the same code (unless told otherwise), and the output folder is new, crackdown's, or the
 * same sweep's. {@link ShardMerger} then merges what passes.
 */
final class ShardChecks {

    /** A finished shard folder: its sweep.json, and which shard of how many it holds. */
    record ShardInfo(Path dir, JsonNode json, int index, int count) {
        String label() {
            return count == 1 ? dir.toString() : dir + " (shard " + index + "/" + count + ")";
        }
    }

    private ShardChecks() {
    }

    /**
     * The shards in merge order (a whole sweep first, then by shard index), or every problem found.
     *
     * @param allowMixedVersions accept shards run by different code
     */
    static List<ShardInfo> check(Path out, List<Path> dirs, boolean allowMixedVersions) throws MergeException,
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
        return shards;
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

    static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
