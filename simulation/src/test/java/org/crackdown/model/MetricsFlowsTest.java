package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.crackdown.agent.VictimType;
import org.junit.jupiter.api.Test;

/**
 * The flows of sales, whatever the strings their labels come as: {@link Metrics#sale} must file
 * a sale under its labels' text, whichever string objects they come as (a cache by identity
 * was tried in session 14 and removed for its size: under 1% of a run).
 */
class MetricsFlowsTest {

    @Test
    void salesAreFiledByTheirLabelsText() {
        Metrics m = new Metrics(3, LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31));
        m.beginDay(LocalDate.of(2010, 12, 31));
        m.sale(VictimType.WOMAN, 0, "CN-HA", 1, "CN-BJ", 100); // before the window: not in the flows
        m.beginDay(LocalDate.of(2011, 1, 1));
        String ha = "CN-HA";
        String bj = "CN-BJ";
        m.sale(VictimType.WOMAN, 0, ha, 1, bj, 100);
        m.sale(VictimType.WOMAN, 0, new String(ha), 1, new String(bj), 100); // same text, other strings
        m.sale(VictimType.BOY, 0, ha, 1, bj, 100);
        m.sale(VictimType.WOMAN, 2, "VN", 1, bj, 100);
        m.sale(VictimType.WOMAN, 0, ha, 1, "CN-TJ", 100); // another label at destination 1
        m.sale(VictimType.WOMAN, 0, ha, 1, bj, 100);
        m.sale(VictimType.GIRL, 0, ha, 2, "CN-TJ", 100);
        assertEquals(List.of(
                new Metrics.Flow("CN-HA", "CN-BJ", VictimType.BOY, 1),
                new Metrics.Flow("CN-HA", "CN-BJ", VictimType.WOMAN, 3),
                new Metrics.Flow("CN-HA", "CN-TJ", VictimType.GIRL, 1),
                new Metrics.Flow("CN-HA", "CN-TJ", VictimType.WOMAN, 1),
                new Metrics.Flow("VN", "CN-BJ", VictimType.WOMAN, 1)), m.flows());
    }
}
