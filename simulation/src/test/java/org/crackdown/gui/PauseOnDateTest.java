package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sim.util.Properties;

/**
 * Pause on a date, set in the Model tab, without a display: the GUIState is stepped as MASON's
 * Console play loop steps it (step, then pause once the schedule time has reached the Console's
 * pause time, which the GUI sets from {@link GuiSession#pauseTime}).
 */
@Tag("slow")
class PauseOnDateTest {

    static final LocalDate CAMPAIGN = LocalDate.of(2009, 4, 9);

    GuiSession session;
    TraffickingModelWithUI gui;
    Properties props;
    int pause;

    @BeforeEach
    void setUp() {
        Scenario s = TestScenarios.china2011(0.02, p -> { });
        session = new GuiSession(s, 5);
        gui = new TraffickingModelWithUI(session);
        props = gui.levers().properties();
        pause = Levers.LEVERS.size();
    }

    /** What the Console's play loop does until it pauses; returns the number of steps. */
    private int playUntilPaused() {
        double at = session.pauseTime();
        int steps = 0;
        do {
            gui.step();
            steps++;
        } while (gui.state.schedule.getTime() < at && !gui.model().finished());
        return steps;
    }

    @Test
    void theRunStopsWithTheMapShowingTheDateBeforeItsDayIsSimulated() {
        assertEquals("2009-04-09", props.setValue(pause, "2009-04-09"));
        gui.start();
        int steps = playUntilPaused();
        assertEquals(CAMPAIGN, gui.model().today());
        assertEquals(CAMPAIGN, gui.scene().today(), "the map shows the date");
        assertEquals(ChronoUnit.DAYS.between(LocalDate.of(2008, 1, 1), CAMPAIGN), steps,
                "every day up to 8 April 2009 simulated, and no more");
        int dna = Levers.LEVERS.indexOf(Levers.LEVERS.stream().filter(l -> l.key().equals("dna.enabled")).findFirst()
                .orElseThrow());
        assertEquals(false, props.getValue(dna), "the campaign day's timeline (DNA database on) has not acted yet");
        gui.step();
        assertEquals(true, props.getValue(dna), "play on: 9 April is simulated");
        assertEquals(Double.POSITIVE_INFINITY, session.pauseTime(), "the date is behind: no second pause");
        assertEquals("2009-04-09", props.getValue(pause), "kept for the next run");
    }

    @Test
    void aDateTheRunHasPassedAppliesFromTheNextRun() {
        gui.start();
        while (gui.model().today().isBefore(LocalDate.of(2009, 5, 1))) {
            gui.step();
        }
        props.setValue(pause, "2009-04-09");
        assertEquals(Double.POSITIVE_INFINITY, session.pauseTime(), "this run does not pause");
        gui.finish();
        gui.start();
        playUntilPaused();
        assertEquals(CAMPAIGN, gui.model().today(), "the next run does");
    }

    @Test
    void aLaterDateDuringTheRunMovesThePause() {
        props.setValue(pause, "2008-03-01");
        gui.start();
        playUntilPaused();
        assertEquals(LocalDate.of(2008, 3, 1), gui.model().today());
        props.setValue(pause, "2008-06-15");
        playUntilPaused();
        assertEquals(LocalDate.of(2008, 6, 15), gui.model().today());
    }

    @Test
    void datesOutsideTheRunOrNotDatesAreRefusedAndKeepTheOldOne() {
        AtomicInteger told = new AtomicInteger();
        Properties p = new Levers(session, told::incrementAndGet).properties();
        assertEquals("", p.getValue(pause), "no pause at first");
        assertEquals("2010-06-01", p.setValue(pause, " 2010-06-01 "));
        assertEquals(1, told.get(), "the Console is told of a new date");
        for (String bad : new String[] {"2009-13-01", "9 April 2009", "2008-01-01", "2007-06-01", "2012-01-01"}) {
            assertNull(p.setValue(pause, bad), bad + " refused");
            assertEquals("2010-06-01", p.getValue(pause), "after " + bad);
        }
        assertEquals(1, told.get(), "not told of refused dates");
        assertEquals("2011-12-31", p.setValue(pause, "2011-12-31"), "the last day is allowed");
        assertEquals("", p.setValue(pause, ""), "empty clears it");
        assertNull(session.pauseOn());
        assertEquals(3, told.get());
    }
}
