package org.crackdown.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Parameters;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioWriter;

/**
 * What the GUI remembers between runs, without any Swing: the scenario as loaded, the settings the
 * next run starts from, and for the current (or last) run its starting settings and every change
 * the user made while it ran, dated.
 *
 * <p>A change made between two days takes effect before anything happens on the next day, which
 * is exactly what a timeline entry dated that day does; so the run can be saved as an ordinary
 * scenario file that {@code crackdown run} reproduces with the same seed.
 *
 * <p>Thread use: the GUI changes settings while holding the model's schedule lock (MASON's
 * inspectors do), so the model never sees a half-applied change.
 */
public final class GuiSession {

    /** A setting changed by the user while a run was going, effective from {@code date}. */
    public record Change(LocalDate date, String key, Object value) {
    }

    /** Scale sets the number of agents at the start, so it only makes sense for the next run. */
    static final String NEXT_RUN_ONLY = "scale";

    private final Scenario scenario;
    private final Parameters settings;
    private final long initialSeed;
    private final List<Change> changes = new ArrayList<>();
    private final List<Consumer<Change>> changeListeners = new CopyOnWriteArrayList<>();

    private TraffickingModel model;
    private LocalDate pauseOn;
    private boolean running;
    private Parameters runStart;
    private long runSeed;
    private boolean editedSinceRun;

    public GuiSession(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.settings = scenario.parameters().copy();
        this.initialSeed = seed;
        this.runSeed = seed;
    }

    /** The scenario as loaded (parameters at their loaded values). */
    public Scenario scenario() {
        return scenario;
    }

    public long initialSeed() {
        return initialSeed;
    }

    /** A model for the current settings, not started (the GUI's first SimState). */
    public TraffickingModel idleModel() {
        return new TraffickingModel(withSettings(settings.copy(), scenario.timeline(), initialSeed), initialSeed);
    }

    /**
     * A new model for a run about to start, seeded with {@code consoleSeed} (MASON's Console keeps
     * seeds to 32 bits; the seed given on the command line is kept when it agrees).
     */
    public TraffickingModel beginRun(long consoleSeed) {
        long seed = (int) initialSeed == (int) consoleSeed ? initialSeed : consoleSeed;
        runStart = settings.copy();
        runSeed = seed;
        changes.clear();
        editedSinceRun = false;
        model = new TraffickingModel(withSettings(runStart.copy(), scenario.timeline(), seed), seed);
        running = true;
        return model;
    }

    /**
     * A run opened from a checkpoint (File > Open) becomes the current run. Lever changes made
     * before it was saved act in its parameters but are not listed among this run's changes.
     */
    public void adopt(TraffickingModel saved) {
        runStart = saved.scenario().parameters().copy();
        runSeed = saved.seed();
        changes.clear();
        editedSinceRun = false;
        model = saved;
        running = true;
    }

    /** The run has stopped (finished or stopped by the user). */
    public void endRun() {
        running = false;
    }

    /** The model of the current or last run, or null before the first run. */
    public TraffickingModel model() {
        return model;
    }

    /** Whether changes now act on a running model (and are recorded), not only on the next run. */
    public boolean running() {
        return running && model != null && !model.finished();
    }

    /** Seed of the current or last run (or of the next, before any run). */
    public long runSeed() {
        return runSeed;
    }

    /** Current value of a key: the live value during a run (the timeline changes it), else the setting. */
    public Object value(String key) {
        ParamSpec spec = spec(key);
        return running() && !key.equals(NEXT_RUN_ONLY) ? spec.get(model.params()) : spec.get(settings);
    }

    /**
     * Sets a key from user input (text or a boxed value), checked as a scenario file would be.
     *
     * @throws IllegalArgumentException with the same message as the scenario loader would give
     */
    public void set(String key, Object raw) {
        ParamSpec spec = spec(key);
        Object v = spec.parse(raw);
        spec.set(settings, v);
        if (running() && !key.equals(NEXT_RUN_ONLY)) {
            if (v.equals(spec.get(model.params()))) {
                return;
            }
            spec.set(model.params(), v);
            Change c = new Change(model.today(), key, v);
            changes.add(c);
            changeListeners.forEach(l -> l.accept(c));
        } else if (!running()) {
            editedSinceRun = true;
        }
    }

    /** The date every run pauses on (the map showing it, its day not yet simulated), or null for none. */
    public LocalDate pauseOn() {
        return pauseOn;
    }

    /**
     * Sets (or, with null, clears) the date on which runs pause. It must fall inside the scenario's
     * period after its first day; a date the current run has already reached applies from the next run.
     *
     * @throws IllegalArgumentException saying which dates are allowed
     */
    public void setPauseOn(LocalDate date) {
        if (date != null && (!date.isAfter(scenario.start()) || date.isAfter(scenario.end()))) {
            throw new IllegalArgumentException("pause date " + date + " is outside the run: give a date from "
                    + scenario.start().plusDays(1) + " to " + scenario.end());
        }
        pauseOn = date;
    }

    /**
     * The schedule time MASON's Console is to pause at ({@code Console.setWhenShouldPauseTime}) so
     * that the current run stops with the map showing {@link #pauseOn}: the model runs one step per
     * day, at times 0, 1, 2, ..., and after the step at time t its date is start + t + 1. Infinite
     * when there is no pause date, no run, or the run has already reached the date.
     */
    public double pauseTime() {
        if (pauseOn == null || !running() || !pauseOn.isAfter(model.today())) {
            return Double.POSITIVE_INFINITY;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(model.scenario().start(), pauseOn) - 1;
    }

    /** Changes made during the current or last run, in the order made. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }

    public void addChangeListener(Consumer<Change> l) {
        changeListeners.add(l);
    }

    /**
     * The scenario to save. During or after a run (unless settings were edited since it stopped)
     * it reproduces that run: its starting settings, the scenario's own timeline and the user's
     * changes as dated timeline entries, and its seed. Otherwise it describes the next run.
     */
    public Scenario scenarioToSave(String name) {
        boolean describesRun = runStart != null && !editedSinceRun;
        Parameters start = describesRun ? runStart : settings;
        List<TimelineChange> timeline = describesRun ? merged(scenario.timeline(), changes) : scenario.timeline();
        StringBuilder d = new StringBuilder(scenario.description().isBlank() ? "" : scenario.description() + " ");
        d.append("Saved from crackdown gui (from scenario ").append(scenario.name());
        if (describesRun && !changes.isEmpty()) {
            d.append("; changed during the run: ");
            List<String> parts = new ArrayList<>();
            for (Change c : changes) {
                parts.add(c.key() + " " + ParamSpec.format(c.value()) + " on " + c.date());
            }
            d.append(String.join(", ", parts));
        }
        d.append(").");
        Scenario s = withSettings(start.copy(), timeline, runSeed);
        return new Scenario(fileName(name), d.toString(), s.seed(), s.start(), s.end(), s.measureFrom(),
                s.measureTo(), s.parameters(), s.campaigns(), s.timeline(), s.operations());
    }

    /** Writes {@link #scenarioToSave} as YAML to {@code file}; the name is taken from the file name. */
    public Scenario save(Path file) throws IOException {
        String base = file.getFileName() == null ? "scenario" : file.getFileName().toString();
        Scenario s = scenarioToSave(base.replaceFirst("\\.(yaml|yml)$", ""));
        Files.writeString(file, ScenarioWriter.toYaml(s), StandardCharsets.UTF_8);
        return s;
    }

    /**
     * The scenario's timeline with the user's changes inserted. A user's change on day D was made
     * before day D began, so it goes before the scenario's own entries dated D (which the model
     * applies at the start of D and which therefore win, in the GUI as in the saved file).
     */
    static List<TimelineChange> merged(List<TimelineChange> timeline, List<Change> userChanges) {
        Map<LocalDate, Map<String, Object>> byDate = new LinkedHashMap<>();
        for (Change c : userChanges) {
            byDate.computeIfAbsent(c.date(), k -> new LinkedHashMap<>()).put(c.key(), c.value());
        }
        List<TimelineChange> user = new ArrayList<>();
        byDate.forEach((date, values) -> user.add(new TimelineChange(date, values)));
        List<TimelineChange> out = new ArrayList<>(user);
        out.addAll(timeline);
        // List.sort is stable: for equal dates the user's entries stay first.
        out.sort(Comparator.comparing(TimelineChange::date));
        return out;
    }

    private Scenario withSettings(Parameters p, List<TimelineChange> timeline, long seed) {
        return new Scenario(scenario.name(), scenario.description(), seed, scenario.start(), scenario.end(),
                scenario.measureFrom(), scenario.measureTo(), p, scenario.campaigns(), timeline, scenario.operations());
    }

    /** A scenario name as the loader accepts it ([a-z0-9._-]+). */
    static String fileName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return n.isEmpty() ? "scenario" : n;
    }

    private static ParamSpec spec(String key) {
        return ParamRegistry.find(key).orElseThrow(() -> new IllegalArgumentException("unknown key " + key));
    }
}
