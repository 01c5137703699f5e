package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.crackdown.model.Campaign;
import org.crackdown.model.Demography;
import org.crackdown.model.Parameters;
import org.crackdown.model.TestScenarios;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.SexRatioHistory;
import org.junit.jupiter.api.Test;

/** Campaigns as organisation: effort follows the ordered schedule with a lag, up and down. */
class PoliceForceTest {

    private static final LocalDate START = LocalDate.of(2011, 3, 1);
    private static final LocalDate END = LocalDate.of(2011, 6, 30);

    @Test
    void campaignEffortBuildsUpAndWindsDownWithTheRampTimeConstant() {
        ProvinceNetwork net = ProvinceNetwork.china();
        PoliceForce police = new PoliceForce(net, new Demography(net, SexRatioHistory.china(), org.crackdown.space.DemographicHistory.china()));
        Parameters p = new Parameters();
        TestScenarios.set(p, "police.campaign_ramp_days", 30);
        police.allocate(p);
        List<Campaign> cs = List.of(new Campaign("c", START, END, List.of(), 1.0, 0));
        double f = 1 - Math.exp(-1.0 / 30);
        double previous = 0;
        double atEnd = 0;
        for (LocalDate d = START.minusDays(10); d.isBefore(END.plusDays(120)); d = d.plusDays(1)) {
            police.applyCampaigns(cs, d, p);
            police.applyCampaigns(cs, d, p); // a second call on the same day changes nothing
            double boost = police.unit(5).campaignBoost();
            if (d.isBefore(START)) {
                assertEquals(0, boost, 0);
            } else if (!d.isAfter(END)) {
                long k = START.until(d, java.time.temporal.ChronoUnit.DAYS) + 1;
                assertEquals(1 - Math.pow(1 - f, k), boost, 1e-9, "day " + k + " of the campaign");
                assertTrue(boost > previous, "builds up");
                atEnd = boost;
            } else {
                long k = END.until(d, java.time.temporal.ChronoUnit.DAYS);
                assertEquals(atEnd * Math.pow(1 - f, k), boost, 1e-9, "day " + k + " after the end");
                assertTrue(boost < previous, "winds down");
            }
            previous = boost;
        }
        // About 63% of the ordered effort after one time constant, not the full effort on day one.
        assertTrue(previous < 0.05 && atEnd > 0.95);
    }

    @Test
    void effortFollowsADecayingScheduleBelowIt() {
        double effort = 0;
        double f = 1 - Math.exp(-1.0 / 45);
        Campaign c = new Campaign("c", START, END, List.of(), 2.0, 60);
        double peak = 0;
        for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            double ordered = PoliceForce.scheduled(List.of(c), "CN-HA", d);
            effort = PoliceForce.rampTowards(effort, ordered, f);
            peak = Math.max(peak, effort);
            assertTrue(effort <= 2.0);
        }
        // The ordered intensity halves every 60 days from 2.0; the lagged effort peaks well below it.
        assertTrue(peak > 0.5 && peak < 1.5, "peak effort " + peak);
    }
}
