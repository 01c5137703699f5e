package org.crackdown.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.crackdown.analysis.AnalysisRequest;
import org.crackdown.analysis.Analyzer;
import org.crackdown.analysis.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium, as a reader would, and checks that it renders: headings
 * present, every figure an inline SVG, no broken image, and a screenshot that is not blank.
 *
 * <p>Skipped when Chromium is not installed, unless CRACKDOWN_REQUIRE_CHROMIUM=1 (CI), then it
 * fails. The screenshot is kept in target/report-screenshot.png; with
 * -Dcrackdown.updateScreenshot=true it also replaces docs/report-screenshot.png.
 */
@Tag("slow")
class ReportInBrowserTest {

    static final String INSTALL = "install chromium: apt-get install chromium";

    @TempDir
    static Path tmp;

    static Path chromium;
    static Path report;
    static int figures;

    @BeforeAll
    static void render() throws Exception {
        chromium = findChromium();
        if (chromium == null) {
            if ("1".equals(System.getenv("CRACKDOWN_REQUIRE_CHROMIUM"))) {
                fail(INSTALL + " (CRACKDOWN_REQUIRE_CHROMIUM=1)");
            }
            return;
        }
        Path out = tmp.resolve("analysis");
        Analyzer.Outcome o = Analyzer.run(AnalysisRequest.of(List.of(Fixtures.resource("sweep-crn"))).withOut(out, false),
                "test", new PrintWriter(new StringWriter()));
        report = out.resolve(Analyzer.REPORT);
        figures = o.figures();
    }

    static Path findChromium() {
        Path fixed = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(fixed)) {
            return fixed;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "chromium");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Runs Chromium headless with the given extra arguments; returns its standard output. */
    static String chromium(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
        cmd.addAll(List.of(args));
        cmd.add(report.toUri().toString());
        Path stdout = Files.createTempFile(tmp, "out", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(Files.createTempFile(tmp, "err", ".txt").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s: " + String.join(" ", cmd));
        }
        return Files.readString(stdout);
    }

    /** Skips each test (so the reason shows in the test report) when there is no browser. */
    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(chromium != null, INSTALL);
    }

    @Test
    void domHasTheSectionsAndEveryFigure() throws Exception {
        String dom = chromium("--dump-dom");
        for (String h : List.of("<h1>crackdown analysis: sweep-crn</h1>", "<h2>Findings</h2>", "<h2>Ranking</h2>",
                "<h2>Differences from the baseline</h2>", "<h2>Time series</h2>", "<h2>Maps</h2>",
                "<h2>Summary by strategy</h2>", "<h2>What was run</h2>", "<h2>Methods</h2>")) {
            assertTrue(dom.contains(h), "missing " + h);
        }
        assertTrue(figures >= 5);
        assertEquals(figures, count(dom, "<svg"), "every figure is an inline SVG");
        assertFalse(dom.contains("<img"), "no images that could break");
        assertTrue(dom.contains("double-police gives"), "plain-language findings");
    }

    @Test
    void screenshotIsNotBlank() throws Exception {
        Path png = tmp.resolve("report.png");
        chromium("--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars");
        assertTrue(Files.isRegularFile(png), "no screenshot");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        long white = 0;
        boolean figureBlue = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                white += rgb == 0xFFFFFF ? 1 : 0;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                // The report's accent and the forest plot's significant rows: Okabe-Ito blue #0072B2.
                figureBlue |= Math.abs(r - 0x00) < 12 && Math.abs(g - 0x72) < 12 && Math.abs(b - 0xB2) < 12;
            }
        }
        assertTrue(colours.size() > 200, "only " + colours.size() + " colours: blank or unstyled page?");
        assertTrue(white < 0.97 * img.getWidth() * img.getHeight(), "almost all white");
        assertTrue(figureBlue, "no accent colour: CSS or figures missing");
        Path kept = Path.of("target", "report-screenshot.png");
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("crackdown.updateScreenshot")) {
            Files.copy(png, Path.of("..", "docs", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
