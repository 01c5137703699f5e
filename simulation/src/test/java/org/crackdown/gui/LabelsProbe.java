package org.crackdown.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.crackdown.model.TestScenarios;

/**
 * Run in a child JVM with a display by {@link GuiDisplayTest}: opens the real Console, map and
 * charts, and prints every label and button text of every window, one per line, as
 * {@code window title | text}; the test reads what a teacher would see.
 */
public final class LabelsProbe {

    private LabelsProbe() {
    }

    public static void main(String[] args) throws Exception {
        GuiSession session = new GuiSession(TestScenarios.china2011(0.02, p -> { }), 5);
        AtomicReference<LessonConsole> console = new AtomicReference<>();
        List<String> lines = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            LessonConsole c = new LessonConsole(new TraffickingModelWithUI(session));
            c.setVisible(true);
            console.set(c);
        });
        Thread.sleep(1000); // let the inspectors fill in
        SwingUtilities.invokeAndWait(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing()) {
                    collect(title(w), w, lines);
                }
            }
        });
        lines.forEach(System.out::println);
        System.out.flush();
        SwingUtilities.invokeAndWait(() -> console.get().doClose());
        System.exit(0);
    }

    private static String title(Window w) {
        return w instanceof java.awt.Frame f ? f.getTitle() : w.getName();
    }

    private static void collect(String window, Container c, List<String> out) {
        for (Component k : c.getComponents()) {
            String text = k instanceof JLabel l ? l.getText() : k instanceof AbstractButton b ? b.getText() : null;
            if (text != null && !text.isBlank()) {
                out.add(window + " | " + text.strip());
            }
            if (k instanceof Container inner) {
                collect(window, inner, out);
            }
        }
    }
}
