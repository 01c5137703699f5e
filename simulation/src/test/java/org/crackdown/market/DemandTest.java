package org.crackdown.market;

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
    private static Metrics arrivals(Consumer<Parameters> tweak, int prosecutionsPerProvince, long seed) {
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
            demand.arrive(d, 2010.0, p, market, metrics, r);
            market.expire(d);
        }
        return metrics;
    }

    private static double total(Consumer<Parameters> tweak, int prosecutions, Measure m) {
        double n = 0;
        for (long seed = 1; seed <= 3; seed++) {
            n += arrivals(tweak, prosecutions, seed).windowTotal(m);
        }
        return n;
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
