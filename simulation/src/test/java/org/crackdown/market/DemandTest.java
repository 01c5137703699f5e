package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.crackdown.model.Demography;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.Parameters;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.SexRatioHistory;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * Would-be buyers decide as buyers would: a dearer or riskier purchase, or a cheaper legal
 * marriage, means fewer enter. Each comparison runs the same days with the same seeds, so
 * differences come from the decision rule, and asks for a gap far beyond Poisson noise.
 */
class DemandTest {

    private static final ProvinceNetwork NET = ProvinceNetwork.china();
    private static final int DAYS = 60;

    /** Counts over {@code DAYS} days of arrivals at scale 0.05, with some prosecutions learned. */
    private static Metrics arrivals(Consumer<Parameters> tweak, int prosecutionsPerProvince, long seed, double year) {
        Parameters p = new Parameters();
        p.setScale(0.05);
        tweak.accept(p);
        Demography demography = new Demography(NET, SexRatioHistory.china(), org.crackdown.space.DemographicHistory.china());
        // Prices start from the default parameters whatever the tweak: the same prices for all.
        Market market = new Market(NET.size(), new Parameters());
        int[] held = new int[NET.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = 100;
            for (int k = 0; k < prosecutionsPerProvince; k++) {
                market.prosecuted(i);
            }
        }
        for (int month = 0; month < 12; month++) {
            market.learnRisk(held, new double[NET.size()]);
            for (int i = 0; i < held.length; i++) {
                for (int k = 0; k < prosecutionsPerProvince; k++) {
                    market.prosecuted(i);
                }
            }
        }
        LocalDate day = LocalDate.of(2010, 1, 1);
        Metrics metrics = new Metrics(NET.size(), day, day.plusDays(DAYS));
        Demand demand = new Demand(NET, demography);
        MersenneTwisterFast r = new MersenneTwisterFast(seed);
        for (int d = 0; d < DAYS; d++) {
            metrics.beginDay(day.plusDays(d));
            demand.arrive(d, year, p, market, metrics, r);
            market.expire(d);
        }
        return metrics;
    }

    private static double total(Consumer<Parameters> tweak, int prosecutions, Measure m) {
        return total(tweak, prosecutions, m, 2010.0);
    }

    private static double total(Consumer<Parameters> tweak, int prosecutions, Measure m, double year) {
        double n = 0;
        for (long seed = 1; seed <= 3; seed++) {
            n += arrivals(tweak, prosecutions, seed, year).windowTotal(m);
        }
        return n;
    }

    @Test
    void whatASonIsWorthFollowsSonPreferenceWhereAndWhenTheFamilyLives() {
        Parameters p = new Parameters();
        Demography demography = new Demography(NET, SexRatioHistory.china(), org.crackdown.space.DemographicHistory.china());
        Market market = new Market(NET.size(), p);
        // Jiangxi's sex ratio at birth (2010 census, 122.8) is above the nation's, Tibet's (104) among the lowest.
        double jiangxi = Demand.outlook(NET.byCode("CN-JX"), 2010.0, p, market, demography).sonFactor();
        double tibet = Demand.outlook(NET.byCode("CN-XZ"), 2010.0, p, market, demography).sonFactor();
        double jiangxi2020 = Demand.outlook(NET.byCode("CN-JX"), 2020.0, p, market, demography).sonFactor();
        assertTrue(jiangxi > 1 && tibet < 1, "Jiangxi " + jiangxi + ", Tibet " + tibet);
        // With the elasticity 1, the factor is the province's excess ratio over the nation's, and
        // falls with the national ratio: 118 in 2010, 111.3 in 2020 (sex-ratio-history.csv).
        assertEquals(demography.sonPreference(NET.byCode("CN-JX"), 2010.0, p), jiangxi, 1e-12);
        assertEquals(jiangxi * (111.3 - 100) / (118 - 100), jiangxi2020, 1e-9);
        set(p, "demand.wtp_son_preference_elasticity", 0.0);
        assertEquals(1.0, Demand.outlook(NET.byCode("CN-JX"), 2020.0, p, market, demography).sonFactor());
    }

    @Test
    void fewerFamiliesBuyASonOnceSonPreferenceWeakens() {
        // 2020, when the sex ratio at birth had fallen to 111.3: with the son's worth following son
        // preference (below 1 in every province that year; elasticity 2, the top of its prior), fewer would-be buyers find
        // buying worth the going price than with it fixed, and more are priced out. (Not paired
        // draw for draw: a buyer who enters draws its patience, so the streams part.)
        // At scale 0.5, so that a few hundred child seekers come in these days.
        Consumer<Parameters> fixedWorth = p -> {
            p.setScale(0.5);
            set(p, "demand.wtp_son_preference_elasticity", 0.0);
        };
        Consumer<Parameters> following = p -> {
            p.setScale(0.5);
            set(p, "demand.wtp_son_preference_elasticity", 2.0);
        };
        double enteredFixed = total(fixedWorth, 0, Measure.BUYERS_ENTERED, 2020.0);
        double enteredFollowing = total(following, 0, Measure.BUYERS_ENTERED, 2020.0);
        double outFixed = total(fixedWorth, 0, Measure.BUYERS_PRICED_OUT, 2020.0);
        double outFollowing = total(following, 0, Measure.BUYERS_PRICED_OUT, 2020.0);
        // Poisson noise on each count; require 4 standard deviations of the difference.
        assertTrue(enteredFollowing < enteredFixed - 4 * Math.sqrt(enteredFixed + enteredFollowing),
                "entered: fixed " + enteredFixed + ", following " + enteredFollowing);
        assertTrue(outFollowing > outFixed + 4 * Math.sqrt(outFixed + outFollowing),
                "priced out: fixed " + outFixed + ", following " + outFollowing);
    }

    @Test
    void harsherLiabilityDetersBuyersOnlyOncePolicesProsecute() {
        double base = total(p -> { }, 2, Measure.BUYERS_ENTERED);
        double harsh = total(p -> set(p, "buyers.liability", 4.0), 2, Measure.BUYERS_ENTERED);
        double harshNoProsecutions = total(p -> set(p, "buyers.liability", 4.0), 0, Measure.BUYERS_ENTERED);
        double baseNoProsecutions = total(p -> { }, 0, Measure.BUYERS_ENTERED);
        // Poisson noise on ~1,000 buyers is ~3%; require a drop of 4 standard deviations.
        assertTrue(harsh < base - 4 * Math.sqrt(base), "entered: base " + base + ", liability 4 " + harsh);
        assertTrue(total(p -> set(p, "buyers.liability", 4.0), 2, Measure.BUYERS_DETERRED)
                > total(p -> { }, 2, Measure.BUYERS_DETERRED), "more deterred under liability 4");
        // With no prosecutions, liability changes nothing (same seeds, same draws).
        assertTrue(harshNoProsecutions == baseNoProsecutions,
                "no prosecutions: " + baseNoProsecutions + " vs " + harshNoProsecutions);
    }

    @Test
    void higherWillingnessToPayBringsMoreBuyersAtTheSamePrices() {
        double base = total(p -> { }, 0, Measure.BUYERS_ENTERED);
        double richer = total(p -> {
            set(p, "demand.wtp_boy", 1.5 * p.getWtpBoy());
            set(p, "demand.wtp_girl", 1.5 * p.getWtpGirl());
            set(p, "demand.wtp_woman", 1.5 * p.getWtpWoman());
        }, 0, Measure.BUYERS_ENTERED);
        assertTrue(richer > base + 4 * Math.sqrt(base), "entered: base " + base + ", WTP x1.5 " + richer);
    }

    @Test
    void cheaperLegalMarriageClearsMoreOfTheSqueezeLegally() {
        double legalBase = total(p -> { }, 0, Measure.LEGAL_MARRIAGES);
        double legalCheap = total(p -> set(p, "demand.legal_marriage_cost", 40_000.0), 0, Measure.LEGAL_MARRIAGES);
        double boughtBase = total(p -> { }, 0, Measure.BUYERS_ENTERED);
        double boughtCheap = total(p -> set(p, "demand.legal_marriage_cost", 40_000.0), 0, Measure.BUYERS_ENTERED);
        assertTrue(legalCheap > legalBase + 4 * Math.sqrt(legalBase), "legal: " + legalBase + " -> " + legalCheap);
        assertTrue(boughtCheap < boughtBase - 4 * Math.sqrt(boughtBase), "entered: " + boughtBase + " -> " + boughtCheap);
    }

    private static void set(Parameters p, String key, Object value) {
        org.crackdown.model.TestScenarios.set(p, key, value);
    }
}
