package org.crackdown.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.model.Campaign;
import org.crackdown.model.JointOperation;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Parameters;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlFiles;

/**
 * Loads a scenario file strictly: every unknown key, bad value and inconsistency is reported,
 * all of them at once, each as {@code FILE:LINE:COL: message}.
 *
 * <h2>Format</h2>
 * <pre>{@code
 * name: china-2011                # [a-z0-9._-]+; default: the file name without .yaml
 * description: Baseline ...       # free text
 * extends: base.yaml              # optional, relative to this file; chains allowed, cycles not
 * seed: 1                         # used when the command line gives none (default 1)
 * start: 2008-01-01               # first simulated day (required)
 * end: 2011-12-31                 # last simulated day, inclusive (required)
 * measure:                        # window of summary.csv and flows.csv (default start..end)
 *   from: 2011-01-01
 *   to: 2011-12-31
 * police:                         # any parameter key (crackdown params), nested by its dots ...
 *   budget: 1.0
 * families.child_report_probability: 0.6   # ... or dotted; both forms are the same key
 * campaigns:                      # each: name, start, end, provinces (all | [CN-YN, ...]),
 *   - name: national-2009         #   intensity (0..20, x routine effort),
 *     start: 2009-04-09           #   half_life_days (default 0 = no decay)
 *     end: 2011-12-31
 *     provinces: all
 *     intensity: 1.0
 *     half_life_days: 365
 * timeline:                       # dated parameter changes: date + set (keys nested or dotted)
 *   - date: 2009-04-09
 *     set: {dna.enabled: true}
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>{@code extends}: the base file is loaded first; maps merge per leaf key, the child
 * winning; lists ({@code campaigns}, {@code timeline}, province lists) replace the base's list
 * whole. {@code name} is not inherited (a variant is named after its own file unless it says
 * otherwise); everything else is.</li>
 * <li>{@code --set key=value} overrides are applied after the chain is merged and accept any
 * parameter key plus name, seed, start, end, measure.from, measure.to, and a named campaign's
 * {@code campaigns.NAME.start|end|intensity|half_life_days} ({@link CampaignKeys}). They set a
 * parameter's starting value; timeline changes still apply on their dates.</li>
 * <li>Timeline changes dated before {@code start} apply at the start, in date order: they are
 * folded into {@link Scenario#parameters()} and left out of {@link Scenario#timeline()}, which
 * holds only changes dated on or after {@code start}, in date order (stable for equal dates).</li>
 * <li>Consistency rules ({@link ScenarioChecks}): start &le; measure.from &le; measure.to &le;
 * end; police shares add up to at most 1; every {@code *_min} &le; its {@code *_max}, at the
 * start and after every timeline date; campaign provinces, dates, intensity and half-life.</li>
 * </ul>
 * Paths in messages are shown as the user gave them; an {@code extends} target is shown
 * relative to the same place as the file naming it.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /**
     * Loads {@code file} with its {@code extends} chain, applies {@code sets} ("key=value"),
     * checks everything and returns the scenario.
     *
     * @throws ScenarioException holding every problem found
     */
    public static Scenario load(Path file, List<String> sets) throws ScenarioException {
        return load(file, sets, ScenarioFiles.fromDisk());
    }

    /**
     * As {@link #load(Path, List)}, reading the scenario file and its {@code extends} chain
     * through {@code files}: a {@link ScenarioFiles#snapshot() snapshot} reads each file once and
     * then always gives those bytes, so many loads see one version of the files.
     */
    public static Scenario load(Path file, List<String> sets, ScenarioFiles files) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        List<Layer> chain = new ArrayList<>();
        boolean complete = readChain(file, file.toString(), null, new ArrayList<>(), new ArrayList<>(), chain,
                problems, files);
        if (chain.isEmpty()) {
            throw new ScenarioException(problems);
        }
        Layer leaf = chain.get(chain.size() - 1);
        Map<String, Located<?>> merged = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        for (Layer layer : chain) {
            for (Map.Entry<String, Located<?>> e : layer.values.entrySet()) {
                if (!e.getKey().equals("name") || layer == leaf) {
                    merged.remove(e.getKey()); // re-insert: merged keeps the order keys were last written
                    merged.put(e.getKey(), e.getValue());
                    broken.remove(e.getKey());
                }
            }
            for (String k : layer.broken) {
                if (!k.equals("name") || layer == leaf) {
                    merged.remove(k);
                    broken.add(k);
                }
            }
        }
        Overrides.apply(sets == null ? List.of() : sets, merged, broken, problems);
        for (String required : List.of("start", "end")) {
            if (complete && !merged.containsKey(required) && !broken.contains(required)) {
                problems.add(leaf.root.problem("missing required key '" + required + "' ("
                        + (required.equals("start") ? "first simulated day, like start: 2008-01-01"
                        : "last simulated day, like end: 2011-12-31") + ")"));
            }
        }
        problems.addAll(ScenarioChecks.check(merged, leaf.root));
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted(problems, chain));
        }
        return build(merged, defaultName(file));
    }

    /**
     * Reads {@code path} and, first, the files it extends; {@code out} receives the base first.
     * Returns false if some file in the chain could not be read.
     */
    private static boolean readChain(Path path, String shown, Place from, List<Path> visiting,
                                     List<String> shownChain, List<Layer> out, List<Problem> problems,
                                     ScenarioFiles files) {
        Path id = path.toAbsolutePath().normalize();
        int i = visiting.indexOf(id);
        if (i >= 0) {
            List<String> cycle = new ArrayList<>(shownChain.subList(i, shownChain.size()));
            cycle.add(shown);
            problems.add(from.problem("extends cycle: " + String.join(" -> ", cycle)));
            return false;
        }
        Layer layer = LayerReader.read(path, shown, from, problems, files);
        if (layer == null) {
            return false;
        }
        boolean complete = true;
        if (layer.extendsRef != null) {
            Path base;
            try {
                Path dir = path.getParent();
                base = (dir == null ? Path.of(layer.extendsRef.value()) : dir.resolve(layer.extendsRef.value()))
                        .normalize();
            } catch (InvalidPathException e) {
                problems.add(layer.extendsRef.where().problem("extends: not a valid path: '"
                        + layer.extendsRef.value() + "'"));
                base = null;
            }
            if (base == null) {
                complete = false;
            } else {
                visiting.add(id);
                shownChain.add(shown);
                String baseShown = base.toString().isEmpty() ? "." : base.toString();
                complete = readChain(base, baseShown, layer.extendsRef.where(), visiting, shownChain, out,
                        problems, files);
                visiting.remove(visiting.size() - 1);
                shownChain.remove(shownChain.size() - 1);
            }
        }
        out.add(layer);
        return complete;
    }

    /** Problems by file (the loaded file first, then its bases, then --set), then by position. */
    private static List<Problem> sorted(List<Problem> problems, List<Layer> chain) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            rank.putIfAbsent(chain.get(i).file, rank.size());
        }
        rank.put(Problem.SET, Integer.MAX_VALUE);
        for (Problem p : problems) {
            rank.putIfAbsent(p.file(), rank.size());
        }
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt((Problem p) -> rank.get(p.file()))
                .thenComparingInt(Problem::line).thenComparingInt(Problem::col));
        return out;
    }

    static String defaultName(Path file) {
        return YamlFiles.defaultName(file, "scenario");
    }

    @SuppressWarnings("unchecked")
    private static Scenario build(Map<String, Located<?>> m, String defaultName) {
        LocalDate start = (LocalDate) m.get("start").value();
        LocalDate end = (LocalDate) m.get("end").value();
        Parameters p = new Parameters();
        for (Map.Entry<String, Located<?>> e : m.entrySet()) {
            ParamRegistry.find(e.getKey()).ifPresent(spec -> spec.set(p, e.getValue().value()));
        }
        List<TimelineDraft> drafts = new ArrayList<>(m.containsKey("timeline")
                ? (List<TimelineDraft>) m.get("timeline").value() : List.of());
        drafts.sort(Comparator.comparing(t -> t.date().value()));
        List<TimelineChange> timeline = new ArrayList<>();
        for (TimelineDraft t : drafts) {
            Map<String, Object> values = new LinkedHashMap<>();
            t.values().forEach((k, v) -> values.put(k, v.value()));
            if (t.date().value().isBefore(start)) {
                values.forEach((k, v) -> ParamRegistry.find(k).ifPresent(spec -> spec.set(p, v)));
            } else {
                timeline.add(new TimelineChange(t.date().value(), values));
            }
        }
        List<Campaign> campaigns = new ArrayList<>();
        for (CampaignDraft c : m.containsKey("campaigns") ? (List<CampaignDraft>) m.get("campaigns").value()
                : List.<CampaignDraft>of()) {
            campaigns.add(new Campaign(c.name().value(), c.start().value(), c.end().value(),
                    c.provinces().stream().map(Located::value).toList(), c.intensity().value(),
                    c.halfLifeDays().value()));
        }
        campaigns.sort(Comparator.comparing(Campaign::start));
        List<JointOperation> operations = new ArrayList<>();
        for (OperationDraft o : m.containsKey("operations") ? (List<OperationDraft>) m.get("operations").value()
                : List.<OperationDraft>of()) {
            operations.add(new JointOperation(o.name().value(), o.start().value(),
                    o.codes().stream().map(Located::value).toList(), o.count().value(),
                    o.officers() == null ? 0 : o.officers().value()));
        }
        operations.sort(Comparator.comparing(JointOperation::start));
        return new Scenario(
                m.containsKey("name") ? (String) m.get("name").value() : defaultName,
                m.containsKey("description") ? (String) m.get("description").value() : "",
                m.containsKey("seed") ? (Long) m.get("seed").value() : 1L,
                start, end,
                m.containsKey("measure.from") ? (LocalDate) m.get("measure.from").value() : start,
                m.containsKey("measure.to") ? (LocalDate) m.get("measure.to").value() : end,
                p, campaigns, timeline, operations);
    }
}
