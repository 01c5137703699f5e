package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Metamorphic tests of the enforcement levers (issue 3): each lever, changed alone, must move
 * what it acts on in the expected direction by more than three standard errors of the
 * difference between replicated means (Welch t > 3).
 */
@Tag("slow")
class PolicyResponseTest {

    private static final int REPS = 6;
    private static final double SCALE = 0.02;
    private static final int CAMPAIGN_REPS = 160;
    /** The campaign test needs enough gangs in Henan for its share of routes to be measured. */
    private static final double CAMPAIGN_SCALE = 0.05;

    private static Replicates rep(Consumer<Parameters> tweak, String measure) {
        return Replicates.of(TestScenarios.china2011(SCALE, tweak), REPS, s -> s.get(measure));
    }

    @Test
    void buyerProsecutionLowersPurchases() {
        Replicates base = rep(p -> { }, "victims_sold");
        Replicates prosecuted = rep(p -> {
            p.setProsecutionProbability(0.8);
            TestScenarios.set(p, "buyers.liability", 3);
        }, "victims_sold");
        assertTrue(base.tAgainst(prosecuted) > 3, "sales: base " + base + ", prosecuting buyers " + prosecuted);
    }

    @Test
    void withoutTheDnaDatabaseReunificationsFallToZero() {
        Replicates base = rep(p -> { }, "children_reunited");
        // The 2011 baseline switches the database on in 2009; a scenario without that switch:
        Scenario noDna = withoutTimelineKey(TestScenarios.china2011(SCALE, p -> { }), "dna.enabled");
        Replicates none = Replicates.of(noDna, REPS, s -> s.get("children_reunited"));
        // The level guard (enough reunifications to mean something) was 20 when the trade was twice
        // as large; at scale 0.02 the responsive trade gives about 10 (issue 10).
        assertTrue(base.mean() > 5 && base.tAgainst(none) > 3, "reunited: base " + base + ", no DNA " + none);
        assertEquals(0.0, none.mean(), "no DNA database, no reunification: " + none);
    }

    @Test
    void tighterBorderControlLowersForeignVictims() {
        Replicates base = rep(p -> { }, "foreign_victims_sold");
        Replicates tight = rep(p -> p.setBorderControl(0.7), "foreign_victims_sold");
        assertTrue(base.tAgainst(tight) > 3, "foreign victims sold: base " + base + ", tight border " + tight);
    }

    /**
     * A six-month crackdown in Henan (a hub of the trade): Henan's share of the trade's routes
     * falls while it lasts.
     *
     * <p>Campaign effort builds up over police.campaign_ramp_days and gangs learn the risk only from
     * the stops it makes. Not asserted: that Henan's share recovers after the campaign. Measured
     * (20 seeds, scale 0.05, session 5, tatonnement market): Henan's share of transit is 4.94 +-
     * 0.16% without the campaign and 4.27 +- 0.19% during it (paired t 4.1), 5.01% against 4.83% in
     * 2011; after the speed work changed the draws (idle gangs out of the daily round), 4.90% against
     * 4.50% (paired t 2.3) and 4.79% against 4.90% in 2011. So the drop is 0.4-0.7 points, against
     * 1.6 before the going rate moved with flows (a likely reason, not measured: fewer victims
     * brought to Henan raise its going rate, which draws some sellers back), and 40 seeds are
     * needed for a paired t above 3 (40 seeds: 5.02% against 4.52%, paired t 3.8; with the
 * session-14 model and the ziggurat's draws 5.51% against 5.04%, paired t 2.6 at 40 seeds, so 80
 * since). Before: 1.60 +- 0.16 points below during
     * the campaign and 1.06 +- 0.39 below in 2011 (8 seeds), a partial, persistent after-effect.
     * Session 21 (a bride valued at 68,000), 80 seeds: 8.87% against 8.61% during (paired t 2.5),
     * 8.81% against 8.26% in 2011; so 160 seeds, with the runs ending in 2009.
     * Nor asserted: that the routes move onto Henan's neighbours in particular (their share rises
     * by about two percentage points against a spread between seeds of two to three).
     */
    @Test
    void campaignInOneProvinceDisplacesRoutesWhileItLasts() {
        CampaignShares base = CampaignShares.of(false);
        CampaignShares campaign = CampaignShares.of(true);
        // Runs with the same seed are identical until the campaign starts: compare seed by seed
        // (unpaired, the responsive trade's wider spread between seeds hid a drop of 1.2 points at t 2.8).
        double drop = Replicates.pairedT(base.henanDuring, campaign.henanDuring);
        System.out.println("PolicyResponseTest: Henan's share of transit during the campaign: base " + base.henanDuring
                + ", campaign " + campaign.henanDuring + " (paired t " + drop + ")");
        assertTrue(drop > 3, "Henan's share of transit during the campaign: base " + base.henanDuring + ", campaign "
                + campaign.henanDuring + " (paired t " + drop + ")");
        // Not asserted since issue 10: that transit outside Henan carries on unchanged. In the
        // responsive trade it fell 8% during the campaign (23,480 +- 710 to 21,570 +- 720, paired
        // t -4.3, 8 seeds, scale 0.05): the campaign's arrests raise the arrest hazard that
        // would-be traffickers learn (half from the national picture), so some deterrence spreads.
        // Henan's share falling (above) still says the campaign bites hardest where it is.
    }

    /**
     * Henan's share of national gang-days with victims (transit days) during the campaign. The runs
     * end with it (2009): until session 21 they went on to 2011 for an after-effect that is printed
     * but not asserted, and 80 seeds then cost what 160 cost now.
     */
    private record CampaignShares(Replicates henanDuring) {

        static CampaignShares of(boolean campaign) {
            Replicates during = new Replicates();
            for (long seed = 1; seed <= CAMPAIGN_REPS; seed++) {
                Parameters p = new Parameters();
                p.setScale(CAMPAIGN_SCALE);
                List<Campaign> cs = campaign ? List.of(new Campaign("henan", date(2009, 7, 1), date(2009, 12, 31),
                        List.of("CN-HA"), 9, 0)) : List.of();
                Scenario s = new Scenario("henan", "", 1, date(2008, 1, 1), date(2009, 12, 31), date(2008, 1, 1),
                        date(2009, 12, 31), p, cs, List.of());
                TraffickingModel m = new TraffickingModel(s, seed);
                int henan = m.network().byCode("CN-HA").index();
                double[] sums = new double[2]; // henan during, all during
                int col = Measure.TRANSIT_DAYS.ordinal();
                m.metrics().addListener((month, v) -> {
                    double all = 0;
                    for (double[] row : v) {
                        all += row[col];
                    }
                    if (!month.isBefore(java.time.YearMonth.of(2009, 7)) && !month.isAfter(java.time.YearMonth.of(2009, 12))) {
                        sums[0] += v[henan][col];
                        sums[1] += all;
                    }
                });
                TraffickingModel.runToEnd(m);
                during.add(sums[0] / sums[1]);
            }
            return new CampaignShares(during);
        }
    }

    /** The same scenario with every timeline change of {@code key} removed. */
    private static Scenario withoutTimelineKey(Scenario s, String key) {
        List<TimelineChange> tl = s.timeline().stream().map(c -> {
            Map<String, Object> v = new java.util.LinkedHashMap<>(c.values());
            v.remove(key);
            return new TimelineChange(c.date(), v);
        }).toList();
        return new Scenario(s.name(), s.description(), s.seed(), s.start(), s.end(), s.measureFrom(), s.measureTo(),
                s.parameters(), s.campaigns(), tl, s.operations());
    }

    static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }
}
