package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.crackdown.space.ProvinceNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real GUI on a real display: {@code crackdown gui --screenshot} opens MASON's Console with
 * the map and charts, runs a year and a half of the 2011 scenario and saves the map, which must
 * show China.
 *
 * <p>The tests run with {@code -Djava.awt.headless=true} (so that nothing else opens windows),
 * so the GUI runs in a child JVM of its own, with a display: the user's, or, when DISPLAY is not
 * set and Xvfb is installed, a private virtual one the test starts and stops itself (so plain
 * {@code mvn verify} runs it in CI). Without either the test is skipped, unless
 * {@code CRACKDOWN_REQUIRE_DISPLAY=1} is set (CI), where a missing display is a failure.
 */
@Tag("slow")
class GuiDisplayTest {

    static final String NO_DISPLAY = "no display: install xvfb (apt-get install xvfb); the test then starts "
            + "its own virtual display";
    static final Path OUT = Path.of("target", "gui-test");
    static final int DAYS = 520;

    private static boolean required() {
        return "1".equals(System.getenv("CRACKDOWN_REQUIRE_DISPLAY"));
    }

    private static void noDisplay(String detail) {
        if (required()) {
            fail(NO_DISPLAY + " -- CRACKDOWN_REQUIRE_DISPLAY=1 is set, so this is a failure. " + detail);
        }
        Assumptions.abort(NO_DISPLAY + ". " + detail);
    }

    @Test
    void theGuiOpensRunsAndDrawsChina() throws Exception {
        withDisplay(this::runGui);
    }

    /** Pause on a date with MASON's real Console and its play thread (PauseOnDateTest has the rest). */
    @Test
    void aRunPausesOnTheDateTypedInTheModelTab() throws Exception {
        withDisplay(display -> {
            String output = probe(display, PauseProbe.class, "pause.log", "2008-03-01");
            assertTrue(output.contains("paused on 2008-03-01, map showing 2008-03-01"), output);
        });
    }

    /**
     * Issue 14: the map's zoom box and the model's scale lever were both labelled "Scale". In the
     * real windows, the map's box says Zoom, the lever says what it is, and nothing says Scale.
     */
    @Test
    void theZoomBoxAndTheScaleLeverAreLabelledApart() throws Exception {
        withDisplay(display -> {
            String output = probe(display, LabelsProbe.class, "labels.log");
            List<String> lines = output.lines().toList();
            assertTrue(lines.contains("crackdown: map of China | Zoom:"), output);
            assertTrue(lines.stream().anyMatch(l -> l.endsWith("| Share of China simulated (next run only)")), output);
            assertTrue(lines.stream().noneMatch(l -> l.matches(".*\\|.*\\bScale\\b.*")), output);
        });
    }

    /** Runs {@code probe}'s main in a child JVM on {@code display}; its output, after a zero exit. */
    private static String probe(String display, Class<?> probe, String logName, String... args) throws Exception {
        Child c = child(display, logName, 3, probe.getName(), args);
        assertEquals(0, c.code(), c.output());
        return c.output();
    }

    /** What a child JVM exited with and printed. */
    private record Child(int code, String output) {
    }

    /**
     * Runs {@code main} with {@code args} in a child JVM (this test's class path, a display, an
     * English locale), its output going to OUT/logName; fails if it takes over {@code minutes}.
     */
    private static Child child(String display, String logName, int minutes, String main, String... args)
            throws Exception {
        Files.createDirectories(OUT);
        Path log = OUT.resolve(logName);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Djava.awt.headless=false", "-Duser.language=en",
                "-Duser.country=US", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(main + " did not finish within " + minutes + " minutes; see " + log);
        }
        return new Child(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    interface WithDisplay {
        void run(String display) throws Exception;
    }

    /** Runs {@code body} with the user's display or a private Xvfb (skipped, or failed in CI, without). */
    private void withDisplay(WithDisplay body) throws Exception {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String display = System.getenv("DISPLAY");
        boolean x11 = !os.contains("win") && !os.contains("mac");
        Process xvfb = null;
        if (x11 && (display == null || display.isBlank())) {
            xvfb = startXvfb();
            if (xvfb == null) {
                noDisplay("DISPLAY is not set and Xvfb is not installed.");
            }
            display = xvfbDisplay;
        }
        try {
            body.run(display);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String xvfbDisplay;

    /**
     * Starts a private Xvfb on a free display number (Xvfb picks one and writes it to the pipe
     * given by -displayfd); returns null if Xvfb is not installed.
     */
    private Process startXvfb() throws Exception {
        Process x;
        try {
            x = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException notInstalled) {
            return null;
        }
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII));
        var number = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return in.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String n = number.get(30, TimeUnit.SECONDS);
        if (n == null || n.isBlank()) {
            x.destroyForcibly();
            fail("Xvfb started but did not report a display number");
        }
        xvfbDisplay = ":" + n.strip();
        return x;
    }

    private void runGui(String display) throws Exception {
        Files.createDirectories(OUT);
        Path png = OUT.resolve("map.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Child gui = child(display, "gui.log", 5, "org.crackdown.cli.Main", "gui",
                Path.of("..", "scenarios", "china-2011.yaml").toString(), "--set", "scale=0.1",
                "--screenshot", png.toString(), "--days", Integer.toString(DAYS));
        String output = gui.output();
        if (gui.code() == 1 && output.contains("needs a display")) {
            noDisplay("The GUI said: " + output.strip());
        }
        assertEquals(0, gui.code(), "crackdown gui --screenshot failed:\n" + output);
        assertTrue(output.contains("map of 2009-06-04 written to"), output);
        // MASON's Console used to print "probably no Java3D" at every start (MasonClassListTest).
        assertTrue(!output.contains("WARNING"), "the GUI starts without warnings:\n" + output);

        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals((int) ChinaMap.WIDTH, img.getWidth());
        assertEquals((int) ChinaMap.HEIGHT, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() > 200, "a real picture, not a blank: " + colours.size() + " colours");

        int sea = Palette.SEA.getRGB() & 0xFFFFFF;
        assertEquals(sea, img.getRGB(img.getWidth() - 5, 150) & 0xFFFFFF, "open sea off the north-east corner");
        ProvinceNetwork net = ProvinceNetwork.china();
        ChinaMap map = ChinaMap.of(net);
        int drawn = 0;
        for (int i = 0; i < net.size(); i++) {
            // Just beside the capital's dot: the province's fill (or a ring, gang, label), never sea.
            Point2D.Double c = map.capital(i);
            if ((img.getRGB((int) c.x + 1, (int) c.y + 6) & 0xFFFFFF) != sea) {
                drawn++;
            }
        }
        assertEquals(net.size(), drawn, "every province is drawn");
        Point2D.Double beijing = map.capital(net.byCode("CN-BJ").index());
        assertNotEquals(sea, img.getRGB((int) beijing.x, (int) beijing.y) & 0xFFFFFF, "Beijing is on the map");
        // Real outlines: Taiwan grey (context, not simulated) across the sea of the Taiwan Strait.
        Point2D.Double taiwan = map.projection().project(120.95, 23.75);
        Point2D.Double strait = map.projection().project(119.5, 23.6);
        assertEquals(Palette.CONTEXT.getRGB() & 0xFFFFFF, img.getRGB((int) taiwan.x, (int) taiwan.y) & 0xFFFFFF,
                "Taiwan is drawn in grey");
        assertEquals(sea, img.getRGB((int) strait.x, (int) strait.y) & 0xFFFFFF, "the Taiwan Strait is sea");

        Files.copy(png, Path.of("target", "gui-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(new File("target/gui-screenshot.png").length() > 10_000);
    }
}
