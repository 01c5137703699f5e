package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same scenario and seed give the same run; another seed gives another run. */
@Tag("slow")
class ModelDeterminismTest {

    private static List<String> monthlyRows(Scenario s, long seed) {
        TraffickingModel m = new TraffickingModel(s, seed);
        List<String> rows = new ArrayList<>();
        m.metrics().addListener((month, values) -> {
            for (double[] row : values) {
                rows.add(month + Arrays.toString(row));
            }
        });
        TraffickingModel.runToEnd(m);
        rows.add(m.metrics().summary().toString());
        rows.add(m.metrics().flows().toString());
        return rows;
    }

    @Test
    void sameSeedSameRun() {
        Scenario s = TestScenarios.china2011(0.02, p -> { });
        assertEquals(monthlyRows(s, 42), monthlyRows(s, 42));
    }

    @Test
    void differentSeedDifferentRun() {
        Scenario s = TestScenarios.china2011(0.02, p -> { });
        assertNotEquals(monthlyRows(s, 1), monthlyRows(s, 2));
    }

    @Test
    void everyMonthReportsEveryProvince() {
        Scenario s = TestScenarios.china2011(0.02, p -> { });
        List<String> rows = monthlyRows(s, 3);
        // 48 months x 31 provinces, then summary and flows.
        assertEquals(48 * 31 + 2, rows.size());
    }

    @Test
    void tradeAndEnforcementBothHappen() {
        var sum = TestScenarios.summary(TestScenarios.china2011(0.05, p -> { }), 5);
        assertTrue(sum.get("victims_trafficked") > 100, sum.toString());
        assertTrue(sum.get("women_rescued") > 10, sum.toString());
        assertTrue(sum.get("children_rescued") > 10, sum.toString());
        assertTrue(sum.get("gangs_busted") > 10, sum.toString());
        assertTrue(sum.get("cases_solved") > 10, sum.toString());
    }
}
