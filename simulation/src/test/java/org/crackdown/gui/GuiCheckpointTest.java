package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.crackdown.output.StateFile;
import org.crackdown.scenario.ScenarioWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File > Save and File > Open, as MASON's Console calls them (the state's writeToCheckpoint, then
 * the GUI's readNewStateFromCheckpoint), without a display: the opened run goes on as the saved
 * one would have, and the checkpoint is the same file {@code crackdown run --from-state} reads.
 */
class GuiCheckpointTest {

    @TempDir
    Path dir;

    private static Scenario scenario() {
        Scenario s = TestScenarios.china2011(0.02, p -> { });
        return new Scenario(s.name(), s.description(), s.seed(), s.start(), LocalDate.of(2008, 12, 31),
                LocalDate.of(2008, 7, 1), LocalDate.of(2008, 12, 31), s.parameters(), s.campaigns(), s.timeline());
    }

    private static Map<String, Double> toEnd(TraffickingModelWithUI gui) {
        while (!gui.model().finished()) {
            gui.step();
        }
        gui.finish();
        return gui.model().metrics().summary();
    }

    @Test
    @Tag("slow")
    void aSavedRunOpensAndContinuesAsIfNeverSaved() throws Exception {
        TraffickingModelWithUI whole = new TraffickingModelWithUI(new GuiSession(scenario(), 5));
        whole.start();
        Map<String, Double> expected = toEnd(whole);

        TraffickingModelWithUI saving = new TraffickingModelWithUI(new GuiSession(scenario(), 5));
        saving.start();
        for (int d = 0; d < 150; d++) {
            saving.step();
        }
        File file = dir.resolve("gui.checkpoint").toFile();
        assertTrue(saving.state.writeToCheckpoint(file) != null, "File > Save wrote the checkpoint");

        TraffickingModelWithUI opening = new TraffickingModelWithUI(new GuiSession(scenario(), 5));
        assertTrue(opening.readNewStateFromCheckpoint(file), "File > Open accepted it");
        TraffickingModel opened = opening.model();
        assertNotSame(saving.model(), opened);
        assertEquals(saving.model().today(), opened.today());
        assertTrue(opening.session().running());
        assertEquals(expected, toEnd(opening));

        // The same file is a state for the command line.
        assertEquals(ScenarioWriter.toYaml(opened.scenario()),
                ScenarioWriter.toYaml(StateFile.read(file.toPath()).scenario()));
    }

    @Test
    void somethingElseIsNotOpened() throws Exception {
        Path junk = dir.resolve("junk.checkpoint");
        Files.writeString(junk, "not a checkpoint");
        TraffickingModelWithUI gui = new TraffickingModelWithUI(new GuiSession(scenario(), 5));
        TraffickingModel before = gui.model();
        boolean opened;
        try {
            opened = gui.readNewStateFromCheckpoint(junk.toFile());
        } catch (Exception e) {
            opened = false; // the Console reports it; either way nothing is loaded
        }
        assertFalse(opened);
        assertEquals(before, gui.model());
    }
}
