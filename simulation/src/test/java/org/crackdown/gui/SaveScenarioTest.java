package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Allocation;
import org.crackdown.model.Metrics;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of "Save settings as scenario": a GUI run, with settings changed before play and
 * levers moved during the run, saved and then run headless with the same seed gives exactly the
 * same results. The GUI is driven through its GUIState and the Model tab's properties, as MASON's
 * Console does, but without a display.
 */
@Tag("slow")
class SaveScenarioTest {

    /** Two small years: the 2009 campaign, the DNA database, a scenario budget change, tips. */
    static final String SCENARIO = """
            name: gui-test
            description: small test scenario
            seed: 3
            start: 2008-01-01
            end: 2009-12-31
            measure: {from: 2009-01-01, to: 2009-12-31}
            scale: 0.05
            campaigns:
              - {name: national-2009, start: 2009-04-09, end: 2009-12-31, provinces: all, intensity: 1.0, half_life_days: 365}
            timeline:
              - date: 2009-04-09
                set: {dna.enabled: true, police.budget: 1.5}
              - date: 2009-06-01
                set: {tips.enabled: true}
            """;

    static final LocalDate CAMPAIGN = LocalDate.of(2009, 4, 9);
    static final LocalDate LATER = LocalDate.of(2009, 8, 1);
    static final long SEED = 11;

    @TempDir
    Path dir;

    private Scenario load(String text) throws Exception {
        Path f = dir.resolve("gui-test.yaml");
        Files.writeString(f, text);
        return ScenarioLoader.load(f, List.of());
    }

    private static void runUntil(TraffickingModelWithUI gui, LocalDate day) {
        while (gui.model().today().isBefore(day)) {
            gui.step();
        }
    }

    private static void runToEnd(TraffickingModelWithUI gui) {
        while (!gui.model().finished()) {
            gui.step();
        }
        gui.finish();
    }

    /** Sets a lever the way the Console's Model tab does: by property index, from text. */
    private static void move(TraffickingModelWithUI gui, String key, String text) {
        sim.util.Properties p = gui.levers().properties();
        for (int i = 0; i < p.numProperties(); i++) {
            if (Levers.LEVERS.size() > i && Levers.LEVERS.get(i).key().equals(key)) {
                Object result = p.setValue(i, text);
                assertTrue(result != null, "lever " + key + " refused " + text);
                return;
            }
        }
        throw new AssertionError("no lever " + key);
    }

    private static TraffickingModel headless(Scenario s, long seed) {
        TraffickingModel m = new TraffickingModel(s, seed);
        TraffickingModel.runToEnd(m);
        return m;
    }

    private static void assertSameRun(Metrics expected, Metrics actual) {
        assertEquals(expected.summary(), actual.summary());
        assertEquals(expected.flows(), actual.flows());
    }

    @Test
    void savedRunWithMidRunChangesIsReproducedHeadless() throws Exception {
        Scenario s = load(SCENARIO);
        GuiSession session = new GuiSession(s, SEED);
        TraffickingModelWithUI gui = new TraffickingModelWithUI(session);
        move(gui, "police.allocation", "2"); // hotspot (the list: uniform, population, hotspot, ...), before play: a setting, not a change
        gui.start();
        runUntil(gui, CAMPAIGN);
        // The scenario sets the budget to 1.5 on this very day; made before the day begins, the
        // user's 2.5 is overridden by it, in the GUI and (if ordered right) in the saved file.
        move(gui, "police.budget", "2.5");
        move(gui, "tips.enabled", "true");
        gui.step();
        assertEquals(1.5, gui.model().params().getBudget());
        runUntil(gui, LATER);
        move(gui, "police.budget", "3");
        move(gui, "buyers.prosecution_probability", "0.4");
        runToEnd(gui);

        Path saved = dir.resolve("saved.yaml");
        gui.session().save(saved);
        Scenario back = ScenarioLoader.load(saved, List.of());
        assertEquals(SEED, back.seed());
        assertEquals(Allocation.HOTSPOT, back.parameters().getAllocation());
        assertEquals(1.0, back.parameters().getBudget(), "mid-run changes must not leak into the start");
        List<TimelineChange> tl = back.timeline();
        assertEquals(CAMPAIGN, tl.get(0).date());
        assertEquals(Map.of("police.budget", 2.5, "tips.enabled", true), tl.get(0).values(),
                "the user's change comes before the scenario's entry of the same day");
        assertEquals(Map.of("dna.enabled", true, "police.budget", 1.5), tl.get(1).values());
        assertTrue(tl.stream().anyMatch(t -> t.date().equals(LATER)
                && t.values().equals(Map.of("police.budget", 3.0, "buyers.prosecution_probability", 0.4))));

        assertSameRun(gui.model().metrics(), headless(back, back.seed()).metrics());
        // The changes mattered: the scenario as loaded, same seed, gives another run.
        assertNotEquals(gui.model().metrics().summary(), headless(s, SEED).metrics().summary());
    }

    @Test
    void settingsChangedBeforePlayAreSavedAsStartingValues() throws Exception {
        Scenario s = load(SCENARIO);
        TraffickingModelWithUI gui = new TraffickingModelWithUI(new GuiSession(s, SEED));
        move(gui, "police.budget", "2");
        move(gui, "border.control", "0.5");
        Path saved = dir.resolve("before.yaml");
        gui.session().save(saved);
        gui.start();
        runToEnd(gui);

        Scenario back = ScenarioLoader.load(saved, List.of());
        assertEquals(2.0, back.parameters().getBudget());
        assertEquals(0.5, back.parameters().getBorderControl());
        assertEquals(s.timeline(), back.timeline());
        assertSameRun(gui.model().metrics(), headless(back, SEED).metrics());
    }

    @Test
    void aChangeWhilePausedOnTheFirstDayIsDatedTheStart() throws Exception {
        Scenario s = load(SCENARIO);
        TraffickingModelWithUI gui = new TraffickingModelWithUI(new GuiSession(s, SEED));
        gui.start();
        move(gui, "police.budget", "4");
        runToEnd(gui);
        Path saved = dir.resolve("day0.yaml");
        gui.session().save(saved);
        Scenario back = ScenarioLoader.load(saved, List.of());
        assertEquals(1.0, back.parameters().getBudget());
        assertEquals(new TimelineChange(s.start(), Map.of("police.budget", 4.0)), back.timeline().get(0));
        assertSameRun(gui.model().metrics(), headless(back, SEED).metrics());
    }

    @Test
    void eachPlayStartsAFreshRunFromTheSettings() throws Exception {
        Scenario s = load(SCENARIO);
        TraffickingModelWithUI gui = new TraffickingModelWithUI(new GuiSession(s, SEED));
        gui.start();
        runToEnd(gui);
        Map<String, Double> first = gui.model().metrics().summary();
        gui.start();
        runToEnd(gui);
        assertEquals(first, gui.model().metrics().summary(), "a second run with the same seed repeats the first");
        assertEquals(headless(s, SEED).metrics().summary(), first);
    }

    @Test
    void editingSettingsAfterARunSavesTheNextRunNotTheLastOne() throws Exception {
        Scenario s = load(SCENARIO);
        TraffickingModelWithUI gui = new TraffickingModelWithUI(new GuiSession(s, SEED));
        gui.start();
        runUntil(gui, LATER);
        move(gui, "police.budget", "3");
        runToEnd(gui);
        assertEquals(1, gui.session().changes().size());
        move(gui, "tips.enabled", "true");
        Scenario next = gui.session().scenarioToSave("next");
        assertEquals(s.timeline(), next.timeline(), "no dated changes: they belonged to the last run");
        assertEquals(3.0, next.parameters().getBudget(), "the last value set is the next run's setting");
        assertTrue(next.parameters().isTipsEnabled());
    }
}
