package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Measure;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

/** What the charts and the map are fed: national monthly totals, the per-day scene, the colours. */
class MonthlyTotalsTest {

    @Test
    void nationalTotalsAddProvincesAndWeightPricesBySales() {
        double[][] v = new double[2][Measure.values().length];
        v[0][Measure.BOYS_ACQUIRED.ordinal()] = 3;
        v[1][Measure.WOMEN_ACQUIRED.ordinal()] = 4;
        v[0][Measure.CHILDREN_RESCUED.ordinal()] = 2;
        v[1][Measure.WOMEN_RESCUED.ordinal()] = 5;
        v[0][Measure.GANGS_ACTIVE.ordinal()] = 10;
        v[1][Measure.OFFICERS_PATROL.ordinal()] = 7;
        v[1][Measure.OFFICERS_DNA.ordinal()] = 1;
        v[0][Measure.VICTIMS_SOLD.ordinal()] = 1;
        v[1][Measure.VICTIMS_SOLD.ordinal()] = 3;
        v[0][Measure.PRICE_BOY.ordinal()] = 40_000;
        v[1][Measure.PRICE_BOY.ordinal()] = 60_000;
        v[0][Measure.PRICE_GIRL.ordinal()] = Double.NaN;
        v[1][Measure.PRICE_GIRL.ordinal()] = Double.NaN;
        v[0][Measure.PRICE_WOMAN.ordinal()] = Double.NaN;
        v[1][Measure.PRICE_WOMAN.ordinal()] = 30_000;
        MonthlyTotals.Point p = MonthlyTotals.of(YearMonth.of(2009, 4), v);
        assertEquals(7, p.trafficked());
        assertEquals(7, p.rescued());
        assertEquals(10, p.gangsActive());
        assertEquals(8, p.officers());
        assertEquals((40_000 * 1 + 60_000 * 3) / 4.0, p.priceBoy(), 1e-9);
        assertTrue(Double.isNaN(p.priceGirl()), "no sale: no price, not zero");
        assertEquals(30_000, p.priceWoman(), 1e-9);
    }

    @Test
    void aRunReportsEveryMonthOnce() {
        TraffickingModel m = new TraffickingModel(TestScenarios.china2011(0.02, p -> { }), 2);
        List<MonthlyTotals.Point> points = new ArrayList<>();
        m.metrics().addListener(new MonthlyTotals(points::add));
        TraffickingModel.runToEnd(m);
        assertEquals(48, points.size());
        assertEquals(YearMonth.of(2008, 1), points.get(0).month());
        assertEquals(YearMonth.of(2011, 12), points.get(47).month());
        assertTrue(points.stream().allMatch(p -> p.officers() > 0 && p.trafficked() >= 0));
    }

    @Test
    void theSceneFollowsTheModelAndRescueFlashesFade() {
        TraffickingModel m = new TraffickingModel(TestScenarios.china2011(0.05, p -> { }), 2);
        MapScene scene = new MapScene(m.network().size());
        m.start();
        double maxFlash = 0;
        double maxPressure = 0;
        for (int d = 0; d < 200; d++) {
            m.schedule.step(m);
            double[] before = new double[scene.provinces()];
            for (int i = 0; i < before.length; i++) {
                before[i] = scene.flash(i);
            }
            scene.update(m);
            for (int i = 0; i < before.length; i++) {
                double expected = Math.max(before[i] * MapScene.FLASH_DECAY, m.metrics().rescuedToday(i) / 0.05);
                assertEquals(expected, scene.flash(i), 1e-9);
                maxFlash = Math.max(maxFlash, scene.flash(i));
                maxPressure = Math.max(maxPressure, scene.pressure(i));
                assertEquals(m.police().unit(i).effective() / 0.05, scene.officers(i), 1e-9);
            }
        }
        assertTrue(maxFlash > 0, "some rescue in 200 days");
        assertTrue(maxPressure > 0, "some trafficking in 200 days");
        assertEquals(m.today(), scene.today());
        assertTrue(scene.settings().contains("Police budget x1"), scene.settings());
    }
}
