package org.crackdown.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Map;

import org.crackdown.agent.VictimType;
import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

/**
 * An output over any run of months (a pattern's window, or a calibration target's) is summed from
 * each month's national totals: over the scenario's measure window a price must give the summary's
 * price, which is summed sale by sale, and a count the summary's count.
 */
class WindowPriceTest {

    @Test
    void monthsSummedGiveTheSummaryPriceOverTheMeasureWindow() {
        Scenario s = TestScenarios.china2011(0.02, p -> TestScenarios.set(p, "init.spin_up_days", 180));
        TraffickingModel m = new TraffickingModel(s, 3);
        NationalMonths months = new NationalMonths();
        months.attach(m);
        TraffickingModel.runToEnd(m);
        Map<String, Double> summary = m.metrics().summary();
        YearMonth from = YearMonth.from(s.measureFrom());
        YearMonth to = YearMonth.from(s.measureTo());
        for (VictimType t : VictimType.values()) {
            String column = "price_" + t.name().toLowerCase(java.util.Locale.ROOT);
            double price = summary.get(column);
            assertTrue(price > 0, column);
            assertEquals(price, months.price(t, from, to), 1e-9 * price, column);
            assertEquals(price, months.value(Output.parse(column), from, to), 1e-9 * price, column);
        }
        // An earlier half-year is a different mean, from its own months.
        double early = months.price(VictimType.WOMAN, from.minusMonths(24), from.minusMonths(19));
        assertTrue(early > 0 && early != summary.get("price_woman"));
        // Counts add up month by month to the summary's, and a window's sum is the sum of its halves.
        for (String column : new String[] {"women_rescued", "victims_trafficked", "cases_registered"}) {
            Output o = Output.parse(column);
            assertEquals(summary.get(column), months.value(o, from, to), 1e-9, column);
            YearMonth mid = from.plusMonths(5);
            assertEquals(months.value(o, from.minusMonths(24), to), months.value(o, from.minusMonths(24), mid)
                    + months.value(o, mid.plusMonths(1), to), 1e-9, column);
        }
        assertEquals(summary.get("women_rescued") + summary.get("children_rescued"),
                months.value(Output.parse("women_rescued+children_rescued"), from, to), 1e-9);
    }

    @Test
    void noSaleInTheMonthsIsNoPrice() {
        assertTrue(Double.isNaN(new NationalMonths().price(VictimType.BOY, YearMonth.of(2010, 1),
                YearMonth.of(2010, 12))));
    }

    @Test
    void sharesAreNotKeptByMonth() {
        assertTrue(NationalMonths.byMonth("women_rescued"));
        assertTrue(NationalMonths.byMonth("price_boy"));
        assertTrue(NationalMonths.byMonth("victims_trafficked"));
        assertFalse(NationalMonths.byMonth("parents_sale_share"));
        assertThrows(IllegalArgumentException.class, () -> new NationalMonths().value(Output.parse("parents_sale_share"),
                YearMonth.of(2010, 1), YearMonth.of(2010, 12)));
    }
}
