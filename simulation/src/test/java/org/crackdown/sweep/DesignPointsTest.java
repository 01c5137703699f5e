package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignPointsTest {

    @TempDir
    Path dir;

    private SweepSpec spec(String body) throws Exception {
        return SweepFileReader.read(SweepFiles.write(dir, "d", body));
    }

    @Test
    void gridIsTheCartesianProductInFileOrderLastKeyFastest() throws Exception {
        SweepSpec s = spec("vary:\n  police.budget: [1, 1.5, 2]\n  births.srb_shift: {from: 0, to: 10, step: 5}\n"
                + "  police.allocation: [uniform, hotspot]\n");
        List<List<Object>> points = DesignPoints.expand(s);
        assertEquals(18, points.size());
        assertEquals(18, DesignPoints.count(s));
        assertEquals(List.of(1.0, 0.0, s.vary().get(2).levels().get(0)), points.get(0));
        assertEquals(List.of(1.0, 0.0, s.vary().get(2).levels().get(1)), points.get(1));
        assertEquals(List.of(1.0, 5.0, s.vary().get(2).levels().get(0)), points.get(2));
        assertEquals(List.of(2.0, 10.0, s.vary().get(2).levels().get(1)), points.get(17));
        assertEquals(18, new HashSet<>(points).size(), "every combination once");
    }

    @Test
    void noVariedKeyIsOnePoint() throws Exception {
        assertEquals(List.of(List.of()), DesignPoints.expand(spec("replicates: 2\n")));
    }

    @Test
    void rangesIncludeBothEndsWithoutFloatingError() throws Exception {
        SweepSpec s = spec("vary:\n  police.patrol_share: {from: 0, to: 0.3, step: 0.1}\n");
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3), s.vary().get(0).levels());
        SweepSpec down = spec("vary:\n  police.budget: {from: 2, to: 1, step: -0.25}\n");
        assertEquals(List.of(2.0, 1.75, 1.5, 1.25, 1.0), down.vary().get(0).levels());
        SweepSpec uneven = spec("vary:\n  police.budget: {from: 1, to: 2, step: 0.4}\n");
        assertEquals(List.of(1.0, 1.4, 1.8), uneven.vary().get(0).levels(), "stops before passing 'to'");
        SweepSpec single = spec("vary:\n  police.budget: {from: 1, to: 1, step: 0.5}\n");
        assertEquals(List.of(1.0), single.vary().get(0).levels());
        SweepSpec ints = spec("vary:\n  gangs.initial: {from: 10, to: 30, step: 10}\n");
        assertEquals(List.of(10, 20, 30), ints.vary().get(0).levels(), "integers stay integers");
    }

    @Test
    void latinHypercubePutsOnePointInEachStratumOfEveryDimension() {
        int n = 50;
        double[][] u = DesignPoints.latinHypercube(n, 3, 7);
        for (int j = 0; j < 3; j++) {
            boolean[] hit = new boolean[n];
            for (double[] p : u) {
                assertTrue(p[j] >= 0 && p[j] < 1);
                int stratum = (int) Math.floor(p[j] * n);
                assertFalse(hit[stratum], "stratum " + stratum + " of dimension " + j + " twice");
                hit[stratum] = true;
            }
        }
        assertTrue(java.util.Arrays.deepEquals(u, DesignPoints.latinHypercube(n, 3, 7)), "same seed, same design");
        assertFalse(java.util.Arrays.deepEquals(u, DesignPoints.latinHypercube(n, 3, 8)), "other seed, other design");
    }

    @Test
    void lhsScalesToBoundsRoundsAndIsStratified() throws Exception {
        SweepSpec s = spec("design: lhs\nsamples: 20\ndesign_seed: 3\nvary:\n"
                + "  police.budget: {min: 0.5, max: 2.5}\n  gangs.initial: {min: 10, max: 200}\n");
        List<List<Object>> points = DesignPoints.expand(s);
        assertEquals(20, points.size());
        Set<Integer> strata = new HashSet<>();
        for (List<Object> p : points) {
            double budget = (Double) p.get(0);
            assertTrue(budget >= 0.5 && budget <= 2.5, "in bounds: " + budget);
            assertEquals(budget, Double.parseDouble(org.crackdown.output.CsvNumbers.format(budget)),
                    "six significant digits, as runs.csv writes it");
            strata.add((int) Math.min(19, Math.floor((budget - 0.5) / 2.0 * 20)));
            int gangs = (Integer) p.get(1);
            assertTrue(gangs >= 10 && gangs <= 200);
        }
        assertEquals(20, strata.size(), "one point per stratum of police.budget");
        SweepSpec other = spec("design: lhs\nsamples: 20\ndesign_seed: 4\nvary:\n"
                + "  police.budget: {min: 0.5, max: 2.5}\n  gangs.initial: {min: 10, max: 200}\n");
        assertNotEquals(points, DesignPoints.expand(other));
        assertEquals(points, DesignPoints.expand(s), "reproducible");
    }

    @Test
    void sobolStartsAtTheMinimumCornerAndStaysInBounds() throws Exception {
        SweepSpec s = spec("design: sobol\nsamples: 16\nvary:\n"
                + "  police.budget: {min: 1, max: 3}\n  births.srb_shift: {min: -10, max: 10}\n");
        List<List<Object>> points = DesignPoints.expand(s);
        assertEquals(16, points.size());
        assertEquals(List.of(1.0, -10.0), points.get(0), "nothing skipped: the first Sobol point is the origin");
        assertEquals(List.of(2.0, 0.0), points.get(1), "then the centre");
        for (List<Object> p : points) {
            assertTrue((Double) p.get(0) >= 1 && (Double) p.get(0) <= 3);
            assertTrue((Double) p.get(1) >= -10 && (Double) p.get(1) <= 10);
        }
        // A Sobol sequence of 2^k points is stratified too: each half of each axis holds 8.
        assertEquals(8, points.stream().filter(p -> (Double) p.get(0) < 2).count());
        assertEquals(16, new HashSet<>(points).size());
    }
}
