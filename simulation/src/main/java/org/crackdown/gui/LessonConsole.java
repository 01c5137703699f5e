package org.crackdown.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import javax.swing.JFileChooser;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.crackdown.model.Scenario;

import sim.display.Console;

/**
 * MASON's Console with what a lesson needs on top: a Scenario menu to save the current settings
 * (and the changes made during the run) as a scenario file, the Model tab (the levers) shown
 * first, and closing that returns to the caller instead of ending the program.
 */
public final class LessonConsole extends Console {

    private static final long serialVersionUID = 1L;

    private final TraffickingModelWithUI gui;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    public LessonConsole(TraffickingModelWithUI gui) {
        super(gui);
        this.gui = gui;
        addScenarioMenu();
        showModelTab();
        setBounds(gui.consoleBounds());
    }

    private void addScenarioMenu() {
        JMenu menu = new JMenu("Scenario");
        JMenuItem save = new JMenuItem("Save settings as scenario...");
        save.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_E, InputEvent.CTRL_DOWN_MASK));
        save.addActionListener(e -> saveDialog());
        menu.add(save);
        getJMenuBar().add(menu);
    }

    private void showModelTab() {
        JTabbedPane tabs = find(getContentPane(), JTabbedPane.class);
        if (tabs != null) {
            int i = tabs.indexOfTab("Model");
            if (i >= 0) {
                tabs.setSelectedIndex(i);
            }
        }
    }

    private static <T> T find(Container c, Class<T> type) {
        for (Component k : c.getComponents()) {
            if (type.isInstance(k)) {
                return type.cast(k);
            }
            if (k instanceof Container kc) {
                T t = find(kc, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private void saveDialog() {
        JFileChooser chooser = new JFileChooser(Path.of("").toAbsolutePath().toFile());
        chooser.setDialogTitle("Save settings as a scenario file");
        chooser.setFileFilter(new FileNameExtensionFilter("Scenario files (*.yaml)", "yaml", "yml"));
        chooser.setSelectedFile(Path.of(gui.session().scenario().name() + "-gui.yaml").toAbsolutePath().toFile());
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        if (!file.getFileName().toString().matches(".*\\.(yaml|yml)$")) {
            file = file.resolveSibling(file.getFileName() + ".yaml");
        }
        try {
            Scenario s;
            synchronized (gui.state.schedule) {
                s = gui.session().save(file);
            }
            JOptionPane.showMessageDialog(this, "<html>Saved " + file.getFileName() + ".<br><br>"
                    + "To repeat this run without the GUI:<br><tt>crackdown run " + file + " --seed " + s.seed()
                    + "</tt>" + (gui.session().changes().isEmpty() ? ""
                    : "<br><br>Changes you made during the run are saved as dated timeline entries.")
                    + "</html>", "Scenario saved", JOptionPane.INFORMATION_MESSAGE);
        } catch (IOException ex) {
            JOptionPane.showMessageDialog(this, "Cannot write " + file + ": " + ex.getMessage(), "Not saved",
                    JOptionPane.ERROR_MESSAGE);
        }
    }

    /** Closes this console and its windows without ending the program; {@link #awaitClose} returns. */
    @Override
    public void doClose() {
        synchronized (closed) {
            if (closing) {
                return;
            }
            closing = true;
        }
        pressStop();
        gui.quit();
        dispose();
        allControllers.remove(this);
        closed.countDown();
    }

    /** Blocks until the console has been closed. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }
}
