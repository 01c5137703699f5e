package org.crackdown.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosteriorPlotsTest {

    @TempDir
    Path dir;

    @Test
    void marginalsAreWeightedHistogramsOnThePriorRange() {
        // Linear range 0..15: one bin per unit. Weights 1, 1, 2 -> shares 0.25, 0.25, 0.5.
        PosteriorPlots.Parameter lin = new PosteriorPlots.Parameter("a", 0, 15, false);
        double[] h = PosteriorPlots.histogram(lin, new double[] {0.5, 0.7, 14.9}, new double[] {1, 1, 2});
        assertEquals(0.5, h[0], 1e-12);
        assertEquals(0.5, h[14], 1e-12);
        assertEquals(1, java.util.Arrays.stream(h).sum(), 1e-12);
        // Log range 1..1e15: one bin per decade, so 10 and 11 share a bin, 1e14 is in the last.
        PosteriorPlots.Parameter log = new PosteriorPlots.Parameter("b", 1, 1e15, true);
        double[] g = PosteriorPlots.histogram(log, new double[] {10.5, 11, 1e14 * 5}, new double[] {1, 1, 1});
        double[] expected = new double[15];
        expected[1] = 2.0 / 3;
        expected[14] = 1.0 / 3;
        assertArrayEquals(expected, g, 1e-12);
    }

    @Test
    void writesOneMatrixAsPngAndSvg() throws Exception {
        List<PosteriorPlots.Parameter> ps = List.of(new PosteriorPlots.Parameter("a", 0, 1, false),
                new PosteriorPlots.Parameter("b", 0.01, 10, true), new PosteriorPlots.Parameter("c", 5, 6, false));
        double[][] v = {{0.1, 0.5, 5.5}, {0.2, 1, 5.2}, {0.9, 3, 5.9}};
        PosteriorPlots.write(dir, ps, v, new double[] {0.2, 0.3, 0.5});
        assertTrue(Files.size(dir.resolve("posterior-pairs.png")) > 1000);
        String svg = Files.readString(dir.resolve("posterior-pairs.svg"));
        // Three marginals and three pairs: every parameter labels an axis.
        for (String key : List.of(">a<", ">b<", ">c<")) {
            assertTrue(svg.contains(key), key);
        }
    }
}
