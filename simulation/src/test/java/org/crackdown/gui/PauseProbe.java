package org.crackdown.gui;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

import org.crackdown.model.TestScenarios;

import sim.display.Console;

/**
 * Run in a child JVM with a display by {@link GuiDisplayTest}: the real Console, a pause date set
 * in the Model tab (as a teacher types it), play pressed; prints the date the run paused on.
 */
public final class PauseProbe {

    private PauseProbe() {
    }

    public static void main(String[] args) throws Exception {
        String date = args[0];
        GuiSession session = new GuiSession(TestScenarios.china2011(0.02, p -> { }), 5);
        AtomicReference<TraffickingModelWithUI> gui = new AtomicReference<>();
        AtomicReference<LessonConsole> console = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            TraffickingModelWithUI g = new TraffickingModelWithUI(session);
            LessonConsole c = new LessonConsole(g);
            c.setVisible(true);
            g.levers().properties().setValue(Levers.LEVERS.size(), date);
            gui.set(g);
            console.set(c);
        });
        SwingUtilities.invokeAndWait(() -> console.get().pressPlay());
        long deadline = System.currentTimeMillis() + 120_000;
        while (console.get().getPlayState() != Console.PS_PAUSED && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // were it not to stay paused, the date would move on
        String state = console.get().getPlayState() == Console.PS_PAUSED ? "paused" : "not paused";
        System.out.println(state + " on " + gui.get().model().today() + ", map showing " + gui.get().scene().today());
        SwingUtilities.invokeAndWait(() -> console.get().doClose());
        System.exit(0);
    }
}
