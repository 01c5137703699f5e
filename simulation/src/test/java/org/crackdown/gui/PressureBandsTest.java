package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.time.LocalDate;
import java.util.Arrays;

import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

/** The map's colour classes: set from the data shown, stable within a month, stated by the legend. */
class PressureBandsTest {

    static final LocalDate MAY_1 = LocalDate.of(2010, 5, 1);

    private static int[] counts(PressureBands b, double[] values) {
        int[] n = new int[b.classes() + 1];
        for (double v : values) {
            n[b.classOf(v)]++;
        }
        return n;
    }

    @Test
    void provincesAllAboveTheOldFixedTopStopAreSpreadIntoFifths() {
        // 31 provinces from 800 to 14,000 a month: the fixed scale (top stop 800) coloured all alike.
        double[] v = new double[31];
        for (int i = 0; i < v.length; i++) {
            v[i] = 800 * Math.pow(1.1, i);
        }
        PressureBands b = new PressureBands();
        b.update(v, MAY_1, 100);
        assertEquals(PressureBands.CLASSES, b.classes());
        int[] n = counts(b, v);
        assertEquals(0, n[0], "none under one a month");
        for (int c = 1; c <= b.classes(); c++) {
            assertTrue(n[c] >= 5 && n[c] <= 8, "class " + c + " holds about a fifth: " + Arrays.toString(n));
        }
        double[] l = b.limits();
        for (int k = 1; k < l.length; k++) {
            assertTrue(l[k] > l[k - 1], "limits increase: " + Arrays.toString(l));
        }
    }

    @Test
    void onARealRunNoClassHoldsMostProvinces() {
        TraffickingModel m = new TraffickingModel(TestScenarios.china2011(0.05, p -> { }), 3);
        MapScene scene = new MapScene(m.network().size());
        m.start();
        for (int d = 0; d < 400; d++) {
            m.schedule.step(m);
            scene.update(m);
        }
        PressureBands b = scene.bands();
        double[] v = new double[scene.provinces()];
        int taken = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = scene.pressure(i);
            taken += v[i] >= PressureBands.NONE_BELOW ? 1 : 0;
        }
        // The classes were set on 1 Feb 2009, the values are of 4 Feb: a few days' drift only.
        assertEquals(LocalDate.of(2009, 2, 1), b.setOn());
        assertTrue(b.classes() >= 4, "at least four classes with victims: " + Arrays.toString(b.limits()));
        int[] n = counts(b, v);
        for (int c = 1; c < n.length; c++) {
            assertTrue(n[c] <= 0.4 * taken, "class " + c + " of " + Arrays.toString(n) + " (limits "
                    + Arrays.toString(b.limits()) + ")");
        }
    }

    @Test
    void limitsHoldWithinAMonthAndFollowTheDataFromTheNext() {
        double[] v = new double[31];
        for (int i = 0; i < v.length; i++) {
            v[i] = 10 + 20 * i;
        }
        PressureBands b = new PressureBands();
        b.update(v, MAY_1, 100);
        double[] may = b.limits();
        double[] doubled = Arrays.stream(v).map(x -> 2 * x).toArray();
        b.update(doubled, MAY_1.plusDays(20), 120);
        assertArrayEquals(may, b.limits(), "kept within May");
        assertTrue(b.classOf(doubled[10]) > b.classOf(v[10]), "a province that doubled is darker at once");
        b.update(doubled, LocalDate.of(2010, 6, 1), 131);
        assertArrayEquals(Arrays.stream(may).map(x -> PressureBands.round(2 * x)).toArray(), b.limits(),
                "June's classes from June's data");
        assertEquals(LocalDate.of(2010, 6, 1), b.setOn());
    }

    @Test
    void duringTheFirstMonthOfARunTheyFollowTheDataDaily() {
        PressureBands b = new PressureBands();
        double[] v = new double[31];
        Arrays.fill(v, 0);
        b.update(v, LocalDate.of(2008, 1, 2), 1);
        assertEquals(0, b.classes(), "nobody taken yet");
        assertEquals(0, b.classOf(0));
        assertEquals(0, b.classOf(Double.NaN));
        for (int i = 0; i < v.length; i++) {
            v[i] = 1 + i;
        }
        b.update(v, LocalDate.of(2008, 1, 10), 9);
        double[] early = b.limits();
        Arrays.setAll(v, i -> 10 * (1 + i));
        b.update(v, LocalDate.of(2008, 1, 20), 19);
        assertNotEquals(Arrays.toString(early), Arrays.toString(b.limits()), "reset on day 19 of the run");
    }

    @Test
    void tiedValuesMergeClasses() {
        double[] v = new double[31];
        Arrays.fill(v, 50); // a small run: every province took one victim (x 1/scale)
        Arrays.fill(v, 0, 6, 0);
        PressureBands b = new PressureBands();
        b.update(v, MAY_1, 100);
        assertEquals(1, b.classes(), "one class, not an empty one below it: " + Arrays.toString(b.limits()));
        assertEquals(1, b.classOf(50));
        assertEquals(0, b.classOf(0));
    }

    @Test
    void theColourDarkensWithTheClassAndTheTopIsAlwaysDarkest() {
        for (int classes = 1; classes <= PressureBands.CLASSES; classes++) {
            double[] v = new double[31];
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.pow(10, 1 + (i % classes)); // 'classes' distinct values, 10 apart
            }
            PressureBands b = new PressureBands();
            b.update(v, MAY_1, 100);
            assertEquals(classes, b.classes());
            double last = Double.MAX_VALUE;
            for (int c = 0; c <= classes; c++) {
                Color col = b.colour(c);
                double lum = 0.299 * col.getRed() + 0.587 * col.getGreen() + 0.114 * col.getBlue();
                assertTrue(lum < last, classes + " classes: class " + c + " darker than the one below");
                last = lum;
            }
            assertEquals(new Color(0x99000D), b.colour(classes), "top class darkest with " + classes);
        }
    }

    @Test
    void limitsAreRoundedToTwoSignificantDigitsAndPrintedAsSuch() {
        assertEquals(1200, PressureBands.round(1234), 1e-9);
        assertEquals(48, PressureBands.round(47.6), 1e-9);
        assertEquals(3.1, PressureBands.round(3.14), 1e-9);
        assertEquals("1200", PressureBands.label(1200));
        assertEquals("48", PressureBands.label(48));
        assertEquals("3.1", PressureBands.label(3.1));
    }
}
