package org.crackdown.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Map;

import org.crackdown.agent.VictimType;
import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

/**
 * A pattern's price over any run of months (e.g. the boy's price in 2015-2016 of the 2000-2020
 * run) is summed from each month's sales: over the scenario's measure window it must give the
 * summary's price, which is summed sale by sale.
 */
class WindowPriceTest {

    @Test
    void monthsSummedGiveTheSummaryPriceOverTheMeasureWindow() {
        Scenario s = TestScenarios.china2011(0.02, p -> TestScenarios.set(p, "init.spin_up_days", 180));
        TraffickingModel m = new TraffickingModel(s, 3);
        PatternCheck.MonthlyNational months = new PatternCheck.MonthlyNational();
        months.attach(m);
        TraffickingModel.runToEnd(m);
        PatternCheck.Replicate r = months.result(m.metrics().summary());
        YearMonth from = YearMonth.from(s.measureFrom());
        YearMonth to = YearMonth.from(s.measureTo());
        for (VictimType t : VictimType.values()) {
            String column = "price_" + t.name().toLowerCase(java.util.Locale.ROOT);
            double summary = r.summary().get(column);
            assertTrue(summary > 0, column);
            assertEquals(summary, PatternCheck.windowPrice(r.sales(), t, from, to), 1e-9 * summary, column);
        }
        // An earlier half-year is a different mean, from its own months.
        double early = PatternCheck.windowPrice(r.sales(), VictimType.WOMAN, from.minusMonths(24), from.minusMonths(19));
        assertTrue(early > 0 && early != r.summary().get("price_woman"));
    }

    @Test
    void noSaleInTheMonthsIsNoPrice() {
        assertTrue(Double.isNaN(PatternCheck.windowPrice(Map.of(), VictimType.BOY, YearMonth.of(2010, 1),
                YearMonth.of(2010, 12))));
    }
}
