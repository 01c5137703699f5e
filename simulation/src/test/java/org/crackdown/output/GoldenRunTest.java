package org.crackdown.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import org.crackdown.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards against unintended changes to what the model produces: the tiny scenario with seed 7
 * must give exactly the CSVs stored under {@code src/test/resources/golden/tiny-7/}.
 *
 * <p>When a change to the model is meant to change the results, regenerate the files on purpose:
 * <pre>
 * mvn -B -o test -pl simulation -am -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=GoldenRunTest -Dcrackdown.updateGolden=true
 * </pre>
 * The test then rewrites them and fails, saying so; review with {@code git diff} and commit them
 * with the change that explains them.
 */
class GoldenRunTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/tiny-7");
    static final List<String> CSVS = List.of("timeseries.csv", "summary.csv", "flows.csv");
    static final String REGENERATE = "mvn -B -o test -pl simulation -am -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dtest=GoldenRunTest -Dcrackdown.updateGolden=true";

    @TempDir
    Path dir;

    @Test
    void tinyWithSeed7GivesTheGoldenCsvs() throws IOException {
        Path run = dir.resolve("tiny-7");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "src/test/resources/scenarios/tiny.yaml", "--seed", "7",
                "--out", run.toString(), "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(Main.OK, code, err.toString());

        if (Boolean.getBoolean("crackdown.updateGolden")) {
            Files.createDirectories(GOLDEN);
            for (String csv : CSVS) {
                Files.copy(run.resolve(csv), GOLDEN.resolve(csv), StandardCopyOption.REPLACE_EXISTING);
            }
            fail("golden files updated in " + GOLDEN.toAbsolutePath()
                    + "; review them with git diff, then rerun without -Dcrackdown.updateGolden");
        }
        for (String csv : CSVS) {
            Path golden = GOLDEN.resolve(csv);
            if (!Files.exists(golden)) {
                fail("missing golden file " + golden + "; generate it with: " + REGENERATE);
            }
            byte[] expected = Files.readAllBytes(golden);
            byte[] actual = Files.readAllBytes(run.resolve(csv));
            if (!Arrays.equals(expected, actual)) {
                fail(csv + " differs from " + golden + " (" + firstDifference(expected, actual) + ").\n"
                        + "If the model was changed on purpose, regenerate with: " + REGENERATE);
            }
        }
    }

    private static String firstDifference(byte[] expected, byte[] actual) {
        String[] e = new String(expected, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        String[] a = new String(actual, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                return "first at line " + (i + 1) + ":\n  golden: " + e[i] + "\n  now:    " + a[i];
            }
        }
        return "golden has " + e.length + " lines, now " + a.length;
    }
}
