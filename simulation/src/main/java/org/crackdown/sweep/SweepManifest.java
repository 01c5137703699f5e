package org.crackdown.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.format.CodeVersion;
import org.crackdown.format.Json;
import org.crackdown.model.ParamSpec;
import org.crackdown.scenario.ScenarioWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * sweep.json: the sweep as resolved (base scenario in full, design points with their values,
 * strategies, seeds), where and when it ran, and each run's status. The only file of a sweep
 * folder with time stamps and host names, so runs.csv stays byte-identical across machines.
 */
public final class SweepManifest {

    /** One run's line in sweep.json. */
    public record RunStatus(String runId, long seed, String status) {
    }

    /** How this invocation ran. */
    public record Session(int threads, Instant started, Instant finished) {
    }

    private SweepManifest() {
    }

    /** What an existing sweep.json says about the sweep it describes. */
    record Recorded(String status, String fingerprint, String shard, int runsInFolder, int completed, int failed) {
    }

    /**
     * @param error why the sweep failed (status "failed"), or null
     */
    static Map<String, Object> describe(SweepPlan plan, Shard shard, String status, Instant firstStarted,
                                        List<Session> sessions, List<RunStatus> runs, String error) {
        SweepSpec spec = plan.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("description", spec.description());
        m.put("status", status);
        if (error != null) {
            m.put("error", error);
        }
        m.put("sweep_file", spec.fileShown());
        m.put("fingerprint", plan.fingerprint());
        m.put("base_scenario_file", spec.base().toString());
        Map<String, Object> set = new LinkedHashMap<>();
        spec.set().forEach(s -> set.put(s.key(), s.text()));
        m.put("set", set);
        m.put("base_scenario", ScenarioWriter.toMap(plan.base()));
        m.put("replicates", spec.replicates());
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("policy", spec.seedPolicy().spelling());
        seeds.put("base", spec.seedBase());
        m.put("seeds", seeds);
        Map<String, Object> design = new LinkedHashMap<>();
        design.put("type", spec.design().spelling());
        if (spec.design() == DesignMethod.POSTERIOR) {
            PosteriorDraws pd = spec.posterior();
            Map<String, Object> post = new LinkedHashMap<>();
            post.put("file", pd.file().toString());
            post.put("sha256", sha256(pd.bytes()));
            post.put("particles", pd.particles().size());
            post.put("draws", pd.draws());
            post.put("seed", pd.seed());
            post.put("sampling", "multinomial by weight, with replacement (one Well19937c seeded from seed)");
            design.put("posterior", post);
        } else if (spec.design() != DesignMethod.GRID) {
            design.put("samples", spec.samples());
        }
        if (spec.design() == DesignMethod.LHS) {
            design.put("design_seed", spec.designSeed());
        }
        List<Object> vary = new ArrayList<>();
        for (Dimension d : spec.vary()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("key", d.key());
            v.put("unit", d.spec().unit());
            if (d.form() == Dimension.Form.BOUNDS || d.form() == Dimension.Form.POSTERIOR) {
                v.put("min", d.min());
                v.put("max", d.max());
            } else {
                v.put("levels", d.levels().stream().map(SweepManifest::plain).toList());
            }
            vary.add(v);
        }
        design.put("vary", vary);
        m.put("design", design);
        List<Object> strategies = new ArrayList<>();
        for (Strategy s : spec.strategies()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            Map<String, Object> o = new LinkedHashMap<>();
            s.settings().forEach(x -> o.put(x.key(), x.text()));
            sm.put("overrides", o);
            sm.put("from", s.from() == null ? null : s.from().toString());
            strategies.add(sm);
        }
        m.put("strategies", strategies);
        // Forking changes the runs (each strategy's stream is re-seeded at the fork): say where.
        m.put("fork_at", plan.forkAt() == null ? null : plan.forkAt().toString());
        List<Object> points = new ArrayList<>();
        for (int p = 0; p < plan.points().size(); p++) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("point_id", plan.pointId(p));
            if (spec.posterior() != null) {
                pm.put("particle", spec.posterior().particleOf(p));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int j = 0; j < spec.vary().size(); j++) {
                values.put(spec.vary().get(j).key(), plain(plan.points().get(p).get(j)));
            }
            pm.put("values", values);
            points.add(pm);
        }
        m.put("points", points);
        m.put("runs_total", plan.runCount());
        m.put("shard", shard.isAll() ? null : Map.of("index", shard.index(), "count", shard.count()));
        m.put("runs_in_folder", shard.size(plan.runCount()));
        m.put("keep_timeseries", spec.keepTimeseries());
        m.put("code_version", CodeVersion.version());
        m.put("git_commit", CodeVersion.commit());
        m.put("java_version", System.getProperty("java.version"));
        m.put("host", hostName());
        Session last = sessions.get(sessions.size() - 1);
        m.put("threads", last.threads());
        m.put("started", firstStarted.toString());
        m.put("finished", last.finished() == null ? null : last.finished().toString());
        List<Object> sess = new ArrayList<>();
        for (Session s : sessions) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("threads", s.threads());
            sm.put("started", s.started().toString());
            sm.put("finished", s.finished() == null ? null : s.finished().toString());
            sess.add(sm);
        }
        m.put("sessions", sess);
        if (runs != null) {
            m.put("runs_completed", runs.stream().filter(r -> r.status().equals(RunsTable.COMPLETED)).count());
            m.put("runs_failed", runs.stream().filter(r -> r.status().equals(RunsTable.FAILED)).count());
            List<Object> rl = new ArrayList<>(runs.size());
            for (RunStatus r : runs) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("run_id", r.runId());
                rm.put("seed", r.seed());
                rm.put("status", r.status());
                rl.add(rm);
            }
            m.put("runs", rl);
        }
        return m;
    }

    static void write(Path file, Map<String, Object> tree) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + SweepFolder.TMP);
        try {
            Json.write(tmp, tree);
            SweepFolder.replace(tmp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp); // e.g. disk full: leave no half-written file
            throw e;
        }
    }

    /** What {@code file} records, or null if there is no such file or it cannot be read. */
    static Recorded recorded(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode shard = root.path("shard");
            Shard s = shard.isObject() ? new Shard(shard.path("index").asInt(), shard.path("count").asInt())
                    : Shard.ALL;
            return new Recorded(root.path("status").asText(null), root.path("fingerprint").asText(null), s.toString(),
                    root.path("runs_in_folder").asInt(-1), root.path("runs_completed").asInt(-1),
                    root.path("runs_failed").asInt(-1));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The earlier sessions recorded in an existing sweep.json (empty if none or unreadable). */
    static List<Session> previousSessions(Path file) {
        List<Session> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode s : root.path("sessions")) {
                JsonNode f = s.path("finished");
                out.add(new Session(s.path("threads").asInt(), Instant.parse(s.path("started").asText()),
                        f.isNull() || f.isMissingNode() ? null : Instant.parse(f.asText())));
            }
        } catch (IOException | RuntimeException e) {
            return new ArrayList<>(); // a damaged sweep.json only loses the history of earlier sessions
        }
        return out;
    }

    /** The status recorded in a sweep.json, or null if there is none (or it cannot be read). */
    static String status(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode s = new ObjectMapper().readTree(file.toFile()).path("status");
            return s.isTextual() ? s.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Object plain(Object v) {
        return v instanceof Enum<?> ? ParamSpec.format(v) : v;
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env != null && !env.isBlank() ? env : "unknown";
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
