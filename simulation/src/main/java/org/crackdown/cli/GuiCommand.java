package org.crackdown.cli;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

import org.crackdown.gui.GuiSession;
import org.crackdown.gui.LessonConsole;
import org.crackdown.gui.MapPicture;
import org.crackdown.gui.TraffickingModelWithUI;
import org.crackdown.model.Scenario;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown gui}: the teaching GUI (MASON Console, map of China, charts, policy levers). */
@Command(name = "gui", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens the teaching GUI: a map of China with trafficking pressure, police, flows, gangs and "
                + "rescues; monthly charts; and the policy levers as sliders in the Console's Model tab. "
                + "Scenario > Save settings as scenario... writes a file that 'crackdown run' reproduces.",
                "Needs a display (on a server: xvfb-run -a crackdown gui ...)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:closed normally (or picture written)", "1:no display, or the GUI failed",
            "2:bad input (scenario, options)"})
public final class GuiCommand implements Callable<Integer> {

    static final String DEFAULT_SCENARIO = "scenarios/china-2011.yaml";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file (default: " + DEFAULT_SCENARIO + " in the current directory, "
                    + "else in the crackdown folder: the checkout or the unzipped release).")
    Path scenarioFile;

    @Mixin
    SeedOption seed;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--pause-on", paramLabel = "DATE",
            description = "Pause every run when the map reaches DATE (yyyy-mm-dd), before that day is simulated; "
                    + "e.g. 2009-04-09, the start of the national campaign. The Model tab can change it.")
    String pauseOn;

    @Option(names = "--time-to", paramLabel = "DATE",
            description = "Do not wait for a user: press play, and when the map reaches DATE print how long it took "
                    + "(simulated days per second, as the lesson plan's timings assume) and close.")
    String timeTo;

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Do not wait for a user: run --days days, save a picture of the map to PNG, and close.")
    Path screenshot;

    @Option(names = "--window-screenshot", paramLabel = "PNG",
            description = "Like --screenshot, but a picture of the whole screen: the map, the charts and the Console "
                    + "(for documentation; run under a virtual display of known size).")
    Path windowScreenshot;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365",
            description = "With --screenshot or --window-screenshot: days to simulate before the picture "
                    + "(default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 0) {
            err.println("error: --days must be 0 or more, got " + days);
            return Main.BAD_INPUT;
        }
        Path file = scenarioFile != null ? scenarioFile : defaultScenario();
        if (file == null) {
            err.println("error: no scenario given and " + DEFAULT_SCENARIO
                    + " not found in the current directory or the crackdown folder; name a scenario file");
            return Main.BAD_INPUT;
        }
        Scenario scenario = scenarioOptions.load(file);
        long s = seed.orElse(scenario.seed());
        GuiSession session = new GuiSession(scenario, s);
        if (timeTo != null && (pauseOn != null || screenshot != null || windowScreenshot != null)) {
            err.println("error: --time-to cannot be combined with --pause-on or a screenshot");
            return Main.BAD_INPUT;
        }
        String option = timeTo != null ? "--time-to" : "--pause-on";
        String date = timeTo != null ? timeTo : pauseOn;
        if (date != null) {
            try {
                session.setPauseOn(LocalDate.parse(date.strip()));
            } catch (DateTimeParseException e) {
                err.println("error: " + option + ": '" + date + "' is not a date written yyyy-mm-dd (e.g. 2009-04-09)");
                return Main.BAD_INPUT;
            } catch (IllegalArgumentException e) {
                err.println("error: " + option + ": " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        String noDisplay = displayProblem();
        if (noDisplay != null) {
            err.println("error: crackdown gui needs a display, and " + noDisplay
                    + ". On a machine without one, run it under a virtual display: xvfb-run -a crackdown gui");
            return Main.FAILED;
        }
        out.println("scenario " + file + ", seed " + s + (pauseOn == null ? "" : ", runs pause on " + session.pauseOn()));
        out.flush();
        AtomicReference<TraffickingModelWithUI> gui = new AtomicReference<>();
        AtomicReference<LessonConsole> console = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                TraffickingModelWithUI g = new TraffickingModelWithUI(session);
                LessonConsole c = new LessonConsole(g);
                c.setVisible(true);
                gui.set(g);
                console.set(c);
            });
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        if (screenshot != null || windowScreenshot != null) {
            return picture(gui.get(), console.get(), out);
        }
        if (timeTo != null) {
            return timed(gui.get(), console.get(), out);
        }
        console.get().awaitClose();
        return Main.OK;
    }

    /** Starts a run, steps it {@link #days} days, writes the map and closes the GUI. */
    private int picture(TraffickingModelWithUI g, LessonConsole c, PrintWriter out) throws Exception {
        try {
            SwingUtilities.invokeAndWait(c::pressPause); // starts the run, paused
            for (int d = 0; d < days && !g.model().finished(); d++) {
                g.step();
            }
            AtomicReference<Exception> failed = new AtomicReference<>();
            // On the Swing thread, after the charts and display have caught up with the steps.
            SwingUtilities.invokeAndWait(() -> {
                try {
                    if (screenshot != null) {
                        MapPicture.write(g, 1.0, screenshot);
                    }
                } catch (Exception e) {
                    failed.set(e);
                }
            });
            if (failed.get() != null) {
                throw failed.get();
            }
            if (screenshot != null) {
                out.println("map of " + g.model().today() + " written to " + screenshot);
            }
            if (windowScreenshot != null) {
                screen(windowScreenshot);
                out.println("screen of " + g.model().today() + " written to " + windowScreenshot);
            }
            return Main.OK;
        } finally {
            SwingUtilities.invokeAndWait(c::doClose);
        }
    }

    /** The whole screen, once every window has painted what the steps so far produced. */
    private static void screen(Path png) throws Exception {
        // Chart points and repaints are queued on the Swing thread; two rounds let both run.
        SwingUtilities.invokeAndWait(() -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w.isShowing()) {
                    w.repaint();
                }
            }
        });
        SwingUtilities.invokeAndWait(() -> { });
        Thread.sleep(1000); // the display server draws what it was sent
        java.awt.Rectangle all = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        java.awt.image.BufferedImage img = new java.awt.Robot().createScreenCapture(all);
        if (!javax.imageio.ImageIO.write(img, "png", png.toFile())) {
            throw new java.io.IOException("no PNG writer");
        }
    }

    /**
     * Plays as a user would (MASON's play loop, the map and charts redrawn as it goes) until the
     * pause date, and reports the speed: what a lesson's timings depend on, on this computer.
     */
    private int timed(TraffickingModelWithUI g, LessonConsole c, PrintWriter out) throws Exception {
        try {
            long t0 = System.nanoTime();
            SwingUtilities.invokeAndWait(c::pressPlay);
            while (c.getPlayState() != sim.display.Console.PS_PAUSED) {
                if (c.getPlayState() == sim.display.Console.PS_STOPPED) {
                    return Main.FAILED; // closed by the user
                }
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int days = g.model().runDay();
            out.printf(java.util.Locale.ROOT, "reached %s: %d days in %.1f s of play, %.1f simulated days a second "
                    + "(scale %s)%n", g.model().today(), days, seconds, days / seconds,
                    org.crackdown.model.ParamSpec.format(g.model().params().getScale()));
            return Main.OK;
        } finally {
            SwingUtilities.invokeAndWait(c::doClose);
        }
    }

    /** Why no window can be opened here, or null if one can. */
    static String displayProblem() {
        if (GraphicsEnvironment.isHeadless()) {
            return System.getenv("DISPLAY") == null ? "none was found (DISPLAY is not set)"
                    : "Java runs headless (java.awt.headless=true)";
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            return null;
        } catch (AWTError | HeadlessException e) {
            return "cannot connect to it (DISPLAY=" + System.getenv("DISPLAY") + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\.$", "") + ")";
        }
    }

    /** The default scenario: here, in a parent folder, or beside the jar in the checkout. */
    public static Path defaultScenario() {
        List<Path> roots = new ArrayList<>();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            roots.add(p);
        }
        roots.addAll(InstallFolder.codeFolders());
        for (Path root : roots) {
            Path candidate = root.resolve(DEFAULT_SCENARIO);
            if (Files.isRegularFile(candidate)) {
                return root.equals(Path.of("").toAbsolutePath()) ? Path.of(DEFAULT_SCENARIO) : candidate;
            }
        }
        return null;
    }
}
