package org.crackdown.optimize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crackdown.format.Json;
import org.crackdown.model.Campaign;
import org.crackdown.model.Scenario;
import org.crackdown.output.CsvNumbers;
import org.crackdown.output.RunManifest;
import org.crackdown.scenario.CampaignKeys;
import org.crackdown.scenario.ScenarioWriter;

/**
 * The files of an optimize folder: history.csv (every candidate), comparison.csv (the optimum
 * against the named strategies), best.yaml (the optimum as a scenario), optimize.yaml (the file as
 * given) and run.json (provenance, the only file with clock times: the others are byte-identical
 * whenever the same file is optimised again, whatever the thread count).
 */
public final class OptimizeWriter {

    public static final String HISTORY = "history.csv";
    public static final String COMPARISON = "comparison.csv";
    public static final String BEST = "best.yaml";
    public static final String COPY = "optimize.yaml";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private OptimizeWriter() {
    }

    /**
     * history.csv: one row per candidate: its generation, its point of the unit cube ({@code x.*}),
     * the values it set, the measure of each run ({@code run_dD_rR}: draw D, replicate R), the
     * mean and the criterion the search used, and mean officer-years.
     */
    public static void writeHistory(Path dir, OptimizeSpec spec, Decisions d, Optimization.Outcome outcome)
            throws IOException {
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(dir.resolve(HISTORY), StandardCharsets.UTF_8),
                FORMAT)) {
            List<String> header = new ArrayList<>(List.of("candidate", "generation"));
            header.addAll(d.coordinates());
            header.addAll(d.keys());
            for (int draw = 1; draw <= spec.draws(); draw++) {
                for (int r = 1; r <= spec.replicates(); r++) {
                    header.add("run_d" + draw + "_r" + r);
                }
            }
            header.addAll(List.of("mean", "criterion", "officer_years", "best"));
            p.printRecord(header);
            for (Optimization.Candidate c : outcome.history()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(c.index()), Integer.toString(c.generation())));
                for (double u : c.unit()) {
                    row.add(CsvNumbers.format(u));
                }
                row.addAll(c.values());
                for (double m : c.runs().measure()) {
                    row.add(CsvNumbers.format(m));
                }
                row.add(CsvNumbers.format(c.mean()));
                row.add(CsvNumbers.format(c.criterion()));
                row.add(CsvNumbers.format(c.officerYears()));
                row.add(Boolean.toString(c == outcome.best()));
                p.printRecord(row);
            }
        }
    }

    /** comparison.csv: each strategy's mean and CI, officer-years, and the optimum's paired difference. */
    public static void writeComparison(Path dir, OptimizeSpec spec, List<Comparison.Row> rows) throws IOException {
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(dir.resolve(COMPARISON), StandardCharsets.UTF_8),
                FORMAT)) {
            p.printRecord("strategy", "measure", "n", "mean", "ci95_low", "ci95_high", "officer_years",
                    "optimum_minus_strategy", "diff_ci95_low", "diff_ci95_high", "p", "verdict");
            for (Comparison.Row r : rows) {
                List<String> row = new ArrayList<>(List.of(r.strategy(), spec.objective().measure(),
                        Integer.toString(r.sample().n()), CsvNumbers.format(r.sample().mean()),
                        CsvNumbers.format(r.sample().ci().low()), CsvNumbers.format(r.sample().ci().high()),
                        CsvNumbers.format(r.officerYears())));
                if (r.versus() == null) {
                    row.addAll(List.of("", "", "", "", ""));
                } else {
                    row.add(CsvNumbers.format(r.versus().difference().mean()));
                    row.add(CsvNumbers.format(r.versus().difference().ci().low()));
                    row.add(CsvNumbers.format(r.versus().difference().ci().high()));
                    row.add(CsvNumbers.format(r.versus().p()));
                    row.add(r.verdict(spec.objective().maximise()));
                }
                p.printRecord(row);
            }
        }
    }

    /**
     * best.yaml: a scenario that extends the optimised one and sets what the optimize file fixed
     * (its {@code set} and the command line's, except the scale) and the optimum's decisions, so
     * that {@code crackdown run best.yaml --set scale=S --seed N} repeats a run of the search.
     * With decisions: from, the decided values are a timeline change on that day, after the
     * scenario's own changes of that day. Since a list replaces the base's whole, the scenario's
     * own {@code timeline} is restated then, and its {@code campaigns} when a campaign's timing is
     * decided or set (a scenario file has no campaigns.NAME.FIELD keys).
     *
     * @param finalDir where the folder will live once committed (the {@code extends} path is relative to it)
     * @param scenario the optimised scenario with the file's and the command line's overrides
     */
    public static void writeBest(Path dir, Path finalDir, OptimizeSpec spec, List<String> sets, Scenario scenario,
                                 Decisions d, Optimization.Candidate best) throws IOException {
        String scenarioName = scenario.name();
        List<org.crackdown.model.TimelineChange> timeline = scenario.timeline();
        Path base = finalDir.toAbsolutePath().normalize().relativize(spec.scenario().toAbsolutePath().normalize());
        String scale = null;
        boolean campaignsSet = false;
        Map<String, String> kept = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            String key = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            if (key.equals("scale")) {
                scale = value;
            } else if (CampaignKeys.isCampaignKey(key)) {
                campaignsSet = true; // already in the scenario's campaigns, restated below
            } else if (!List.of("name", "seed").contains(key)) {
                kept.remove(key);
                kept.put(key, value);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# The best strategy crackdown optimize found for ").append(scenarioName).append(", by\n");
        b.append("#   crackdown optimize ").append(spec.file().toString().replace('\\', '/')).append('\n');
        b.append("# (candidate ").append(best.index()).append(", generation ").append(best.generation())
                .append("; objective ").append(spec.objective().criterion()).append(" of ")
                .append(spec.objective().measure()).append(" = ").append(CsvNumbers.format(best.criterion()))
                .append(" over its search runs; see history.csv and, on fresh seeds, comparison.csv).\n");
        if (spec.posterior() != null) {
            b.append("# The search ran over ").append(spec.draws()).append(" posterior draws; this file keeps the "
                    + "scenario's own values of the posterior's parameters.\n");
        } else {
            b.append("# crackdown run best.yaml").append(scale == null ? "" : " --set scale=" + scale)
                    .append(" --seed ").append(spec.seedBase()).append(" repeats its first search run.\n");
        }
        b.append("name: ").append(scenarioName).append("-optimized\n");
        b.append("extends: ").append(base.toString().replace('\\', '/')).append('\n');
        kept.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        List<String> keys = d.keys();
        if (campaignsSet || !d.campaigns().isEmpty()) {
            b.append("# The scenario's campaigns, restated (a list replaces the base's whole)"
                    + (d.campaigns().isEmpty() ? "" : ", with the decided timing") + ".\n");
            b.append(ScenarioWriter.campaignsYaml(decidedCampaigns(scenario.campaigns(), keys, best.values())));
        }
        if (spec.from() == null) {
            for (int i = 0; i < keys.size(); i++) {
                if (!CampaignKeys.isCampaignKey(keys.get(i))) {
                    b.append(keys.get(i)).append(": ").append(best.values().get(i)).append('\n');
                }
            }
        } else {
            b.append("# The scenario's own timeline, restated (a list replaces the base's whole), with the decisions "
                    + "from ").append(spec.from()).append(".\n");
            b.append("timeline:\n");
            boolean written = false;
            for (org.crackdown.model.TimelineChange t : timeline) {
                if (!written && t.date().isAfter(spec.from())) {
                    decided(b, spec.from(), Map.of(), keys, best);
                    written = true;
                }
                Map<String, String> values = new LinkedHashMap<>();
                t.values().forEach((k, v) -> values.put(k, org.crackdown.model.ParamSpec.format(v)));
                if (t.date().equals(spec.from())) {
                    decided(b, t.date(), values, keys, best);
                    written = true;
                } else {
                    decided(b, t.date(), values, List.of(), best);
                }
            }
            if (!written) {
                decided(b, spec.from(), Map.of(), keys, best);
            }
        }
        Files.writeString(dir.resolve(BEST), b.toString(), StandardCharsets.UTF_8);
    }

    /** The campaigns with the decided start, end and intensity of those whose timing was decided. */
    static List<Campaign> decidedCampaigns(List<Campaign> campaigns, List<String> keys, List<String> values) {
        List<Campaign> out = new ArrayList<>();
        for (Campaign c : campaigns) {
            int i = keys.indexOf(CampaignKeys.key(c.name(), "start"));
            out.add(i < 0 ? c : new Campaign(c.name(), LocalDate.parse(values.get(i)),
                    LocalDate.parse(values.get(keys.indexOf(CampaignKeys.key(c.name(), "end")))), c.provinces(),
                    Double.parseDouble(values.get(keys.indexOf(CampaignKeys.key(c.name(), "intensity")))),
                    c.halfLifeDays()));
        }
        out.sort(java.util.Comparator.comparing(Campaign::start));
        return out;
    }

    /** One timeline entry: {@code values}, then the decided {@code keys} (which win on the same day). */
    private static void decided(StringBuilder b, java.time.LocalDate date, Map<String, String> values, List<String> keys,
                                Optimization.Candidate best) {
        Map<String, String> all = new LinkedHashMap<>(values);
        for (int i = 0; i < keys.size(); i++) {
            all.remove(keys.get(i));
            all.put(keys.get(i), best.values().get(i));
        }
        b.append("  - date: ").append(date).append('\n');
        b.append("    set:\n");
        all.forEach((k, v) -> b.append("      ").append(k).append(": ").append(v).append('\n'));
    }

    public static void copyFile(Path dir, OptimizeSpec spec) throws IOException {
        Files.copy(spec.file(), dir.resolve(COPY));
    }

    /** run.json: settings, seeds, the optimum, the best named strategy and provenance. */
    public static void writeManifest(Path dir, OptimizeSpec spec, List<String> sets, String scenarioName, int threads,
                                     int population, Optimization.Outcome outcome,
                                     Instant started, Instant finished) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "optimize");
        m.put("name", spec.name());
        m.put("status", "completed");
        m.put("optimize_file", spec.file().toString());
        m.put("scenario_file", spec.scenario().toString());
        m.put("scenario", scenarioName);
        m.put("set", sets);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("measure", spec.objective().measure());
        o.put("direction", spec.objective().maximise() ? "max" : "min");
        o.put("criterion", spec.objective().criterion());
        m.put("objective", o);
        m.put("replicates", spec.replicates());
        m.put("search_seeds_from", spec.seedBase());
        m.put("posterior_draws", spec.posterior() == null ? 0 : spec.draws());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", "cmaes");
        s.put("generations", spec.search().generations());
        s.put("population", population);
        s.put("sigma", spec.search().sigma());
        s.put("seed", spec.search().seed());
        m.put("search", s);
        m.put("candidates", outcome.history().size());
        m.put("best_candidate", outcome.best().index());
        m.put("best_criterion", outcome.best().criterion());
        m.put("compare_replicates", spec.compare().replicates());
        m.put("compare_seeds_from", spec.compare().seedBase());
        m.put("threads", threads);
        RunManifest.putProvenance(m, started, finished);
        Json.write(dir.resolve(RunManifest.FILE), m);
    }
}
