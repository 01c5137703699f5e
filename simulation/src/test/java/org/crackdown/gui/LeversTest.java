package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Allocation;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import sim.util.Interval;
import sim.util.Properties;

/** The Model tab: what MASON's inspector sees and what setting a lever does. */
class LeversTest {

    GuiSession session;
    TraffickingModelWithUI gui;
    Properties props;

    @BeforeEach
    void setUp() {
        Scenario s = TestScenarios.china2011(0.02, p -> { });
        session = new GuiSession(s, 5);
        gui = new TraffickingModelWithUI(session);
        props = gui.levers().properties();
    }

    private int index(String key) {
        for (int i = 0; i < Levers.LEVERS.size(); i++) {
            if (Levers.LEVERS.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError(key);
    }

    @Test
    void everyLeverIsAnEditableScenarioKeyWithAWidget() {
        for (int i = 0; i < Levers.LEVERS.size(); i++) {
            String key = Levers.LEVERS.get(i).key();
            assertTrue(ParamRegistry.find(key).isPresent(), key + " is a scenario key");
            assertTrue(props.isReadWrite(i), key + " is editable");
            assertTrue(props.getDescription(i).contains(key), "tooltip names the key");
        }
        assertTrue(props.getDomain(index("police.budget")) instanceof Interval, "budget is a slider");
        assertEquals(List.of("uniform", "population", "hotspot", "source", "destination"),
                List.of((String[]) props.getDomain(index("police.allocation"))), "allocation is a list");
        assertEquals(Boolean.TYPE, props.getType(index("dna.enabled")), "switches are check boxes");
        assertEquals(Levers.PAUSE_ON, props.getName(Levers.LEVERS.size()));
        assertTrue(props.isReadWrite(Levers.LEVERS.size()), "the pause date is typed in");
        assertEquals("Date", props.getName(Levers.LEVERS.size() + 1));
        assertTrue(!props.isReadWrite(Levers.LEVERS.size() + 1), "readings are read-only");
    }

    @Test
    void eachSliderSpansItsKeysRangeAndRefusesBeyondIt() {
        int sliders = 0;
        for (int i = 0; i < Levers.LEVERS.size(); i++) {
            ParamSpec s = ParamRegistry.find(Levers.LEVERS.get(i).key()).orElseThrow();
            if (s.kind() != ParamSpec.Kind.NUMBER) {
                continue;
            }
            sliders++;
            Interval range = (Interval) props.getDomain(i);
            assertEquals(s.min(), range.getMin().doubleValue(), s.key());
            assertEquals(s.max(), range.getMax().doubleValue(), s.key());
            Object before = props.getValue(i);
            assertNull(props.setValue(i, Double.toString(Math.nextUp(s.max()))), s.key() + " above its maximum");
            assertNull(props.setValue(i, Double.toString(Math.nextDown(s.min()))), s.key() + " below its minimum");
            assertEquals(before, props.getValue(i), s.key() + " unchanged");
        }
        assertEquals(5, sliders, "budget, prosecution, border control, sex ratio shift, scale");
    }

    @Test
    void noLeverIsLabelledLikeTheMapsZoomBox() {
        // MASON's display calls its zoom "Scale"; the model's scale slider must not look like it
        // (issue 14: teachers confused the two).
        for (Levers.Lever l : Levers.LEVERS) {
            assertTrue(!l.label().toLowerCase(java.util.Locale.ROOT).startsWith("scale"), l.label());
        }
    }

    @Test
    void outOfRangeValuesAreRefusedAndLeaveTheSettingAlone() {
        int b = index("police.budget");
        assertNull(props.setValue(b, "11"), "above the budget's maximum");
        assertNull(props.setValue(b, "-1"));
        assertNull(props.setValue(index("police.allocation"), Integer.valueOf(9)));
        assertEquals(1.0, props.getValue(b));
        assertEquals(2.5, props.setValue(b, "2.5"));
        assertEquals(Integer.valueOf(Allocation.HOTSPOT.ordinal()),
                props.setValue(index("police.allocation"), Integer.valueOf(Allocation.HOTSPOT.ordinal())));
        assertTrue(session.changes().isEmpty(), "before play, settings are not dated changes");
    }

    @Test
    void aBudgetChangeDuringARunChangesOfficersTheNextDay() {
        gui.start();
        for (int d = 0; d < 40; d++) {
            gui.step();
        }
        double before = gui.model().police().officersOnDuty();
        List<GuiSession.Change> heard = new ArrayList<>();
        session.addChangeListener(heard::add);
        LocalDate today = gui.model().today();
        props.setValue(index("police.budget"), "2");
        gui.step();
        // Officers follow the population, which grows by about 1.5e-5 a day (demography-history.csv).
        assertEquals(2 * before, gui.model().police().officersOnDuty(), 1e-4 * before,
                "officers are recomputed from the budget each day");
        assertEquals(List.of(new GuiSession.Change(today, "police.budget", 2.0)), heard);
        assertEquals(2.0, props.getValue(index("police.budget")));
    }

    @Test
    void scaleOnlyAppliesToTheNextRun() {
        gui.start();
        gui.step();
        props.setValue(index("scale"), "0.05");
        assertEquals(0.02, gui.model().params().getScale(), "the running model keeps its scale");
        assertTrue(session.changes().isEmpty(), "not a dated change");
        assertEquals(0.05, props.getValue(index("scale")), "the slider shows the next run's value");
        gui.finish();
        gui.start();
        assertEquals(0.05, gui.model().params().getScale());
    }

    @Test
    void theLiveValueShowsTimelineChanges() {
        gui.start();
        int dna = index("dna.enabled");
        assertEquals(false, props.getValue(dna));
        while (gui.model().today().isBefore(LocalDate.of(2009, 4, 10))) {
            gui.step();
        }
        assertEquals(true, props.getValue(dna), "the scenario switched the DNA database on");
        assertTrue(session.changes().isEmpty(), "timeline changes are not the user's changes");
    }
}
