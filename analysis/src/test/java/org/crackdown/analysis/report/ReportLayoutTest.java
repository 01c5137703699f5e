package org.crackdown.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crackdown.analysis.AnalysisRequest;
import org.crackdown.analysis.Analyzer;
import org.crackdown.analysis.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's layout at 1280 and 800 px, as headless Chromium lays it out (issue 14): no table
 * wider than the page (the differences table lost its last column), no row stretched by one long
 * cell (the run-folders table had rows hundreds of pixels high), and a header that names input
 * folders without the absolute paths of the machine that wrote it. The report itself has no
 * script; a copy gets one that measures the page and writes the result into the DOM.
 */
@Tag("slow")
class ReportLayoutTest {

    @TempDir
    Path tmp;

    /** Rows taller than this hold a cell that wrapped into a column of words. */
    static final int MAX_ROW_PX = 100;

    private static final String MEASURE = """
            <script>
            window.addEventListener('load', () => {
              const out = [];
              const page = document.documentElement;
              out.push('page ' + page.scrollWidth + ' ' + window.innerWidth);
              document.querySelectorAll('table').forEach((t, i) => {
                const box = t.parentElement;
                out.push('table ' + i + ' ' + t.offsetWidth + ' ' + box.clientWidth + ' '
                  + (t.classList.contains('kv') ? 'kv' : 'data'));
                if (!t.classList.contains('kv')) {
                  t.querySelectorAll('tr').forEach((r, j) => out.push('row ' + i + ' ' + j + ' ' + r.offsetHeight));
                }
              });
              const pre = document.createElement('pre');
              pre.id = 'layout';
              pre.textContent = out.join('\\n');
              document.body.appendChild(pre);
            });
            </script>
            """;

    @Test
    void sweepReportFitsAt1280And800() throws Exception {
        check(report(Fixtures.resource("sweep-crn")));
    }

    @Test
    void runFoldersReportFitsAt1280And800() throws Exception {
        check(report(Fixtures.resource("runs")));
    }

    @Test
    void theHeaderNamesFoldersNotAbsolutePaths() throws Exception {
        for (String fixture : List.of("sweep-crn", "runs")) {
            Path input = Fixtures.copy(fixture, tmp.resolve("in-" + fixture));
            Path out = tmp.resolve("out-" + fixture);
            Analyzer.run(AnalysisRequest.of(List.of(input)).withOut(out, false).withFigures(false), "test",
                    new PrintWriter(new StringWriter()));
            String html = Files.readString(out.resolve(Analyzer.REPORT));
            String lead = between(html, "<p class=\"lead\">", "</p>");
            assertFalse(lead.contains(tmp.toString()) || lead.contains("/"), lead);
            assertTrue(lead.contains("Source: " + (fixture.equals("runs") ? "9 run folders in " : "sweep folder ") + fixture
                    + "."), lead);
            assertFalse(html.contains(input.toAbsolutePath().toString()), "the report names " + input
                    + " absolutely");
            assertTrue(html.contains("../in-" + fixture + "/" + fixture), "relative to the report");
        }
    }

    private Path report(Path fixture) throws Exception {
        Path out = tmp.resolve("analysis-" + fixture.getFileName());
        Analyzer.run(AnalysisRequest.of(List.of(fixture)).withOut(out, false), "test",
                new PrintWriter(new StringWriter()));
        return out.resolve(Analyzer.REPORT);
    }

    private void check(Path report) throws Exception {
        Path chromium = ReportInBrowserTest.findChromium();
        if (chromium == null && "1".equals(System.getenv("CRACKDOWN_REQUIRE_CHROMIUM"))) {
            fail(ReportInBrowserTest.INSTALL + " (CRACKDOWN_REQUIRE_CHROMIUM=1)");
        }
        Assumptions.assumeTrue(chromium != null, ReportInBrowserTest.INSTALL);
        String html = Files.readString(report);
        assertFalse(html.contains("<script"), "the report itself has no script");
        Path measured = report.resolveSibling("measured.html");
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"));
        for (int width : new int[] {1280, 800}) {
            String layout = layout(chromium, measured, width);
            List<String> problems = new ArrayList<>();
            for (String line : layout.split("\n")) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "page" -> {
                        if (Integer.parseInt(f[1]) > Integer.parseInt(f[2])) {
                            problems.add("the page is " + f[1] + " px wide in a " + f[2] + " px window");
                        }
                    }
                    case "table" -> {
                        if (Integer.parseInt(f[2]) > Integer.parseInt(f[3])) {
                            problems.add(f[4] + " table " + f[1] + " is " + f[2] + " px wide in " + f[3] + " px");
                        }
                    }
                    case "row" -> {
                        if (Integer.parseInt(f[3]) > MAX_ROW_PX) {
                            problems.add("row " + f[2] + " of table " + f[1] + " is " + f[3] + " px high");
                        }
                    }
                    default -> {
                    }
                }
            }
            assertTrue(layout.contains("table 0 "), "measured nothing at " + width + " px: " + layout);
            assertEquals(List.of(), problems, "at " + width + " px");
        }
    }

    private String layout(Path chromium, Path html, int width) throws Exception {
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"), "--window-size=" + width + ",1000",
                "--hide-scrollbars", "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString());
        Path stdout = Files.createTempFile(tmp, "out", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(Files.createTempFile(tmp, "err", ".txt").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        Matcher m = Pattern.compile("<pre id=\"layout\">(.*?)</pre>", Pattern.DOTALL).matcher(Files.readString(stdout));
        assertTrue(m.find(), "no layout measured at " + width + " px");
        return m.group(1);
    }

    private static String between(String s, String from, String to) {
        int i = s.indexOf(from);
        assertTrue(i >= 0, from);
        return s.substring(i + from.length(), s.indexOf(to, i));
    }
}
