package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crackdown.space.DemographicHistory;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.SexRatioHistory;
import org.junit.jupiter.api.Test;

/** Population, births and urbanisation follow the dated national series, province by province. */
class DemographyTest {

    private static final ProvinceNetwork NET = ProvinceNetwork.china();
    private static final DemographicHistory H = DemographicHistory.china();
    /** The 31 provinces hold this share of the national census total (the rest: servicemen, undetermined). */
    private static final double PROVINCES_SHARE = 1_332_774_867.0 / 1_339_724_852.0;

    /** 1 July of year y, where the series put yearly figures. */
    private static double mid(int y) {
        return DemographicHistory.fractionalYear(java.time.LocalDate.of(y, 7, 1));
    }

    private static Demography at(double year) {
        Demography d = new Demography(NET, SexRatioHistory.china(), H);
        d.setYear(year, new org.crackdown.model.Parameters());
        return d;
    }

    private static double national(java.util.function.ToDoubleFunction<Province> f) {
        return NET.provinces().stream().mapToDouble(f).sum();
    }

    @Test
    void seriesPassesThroughItsPublishedPoints() {
        assertEquals(1_339_724_852, H.population(DemographicHistory.fractionalYear(java.time.LocalDate.of(2010, 11, 1))), 1);
        assertEquals(21.06, H.birthRate(mid(1990)), 1e-9);
        assertEquals(12.41, H.birthRate(mid(2003)), 1e-9);
        assertEquals(0.4659, H.urbanShare(DemographicHistory.fractionalYear(java.time.LocalDate.of(2009, 12, 31))), 1e-9);
        // Births published as counts become rates over the interpolated population.
        assertEquals(18_460_000, H.birthRate(mid(2016)) / 1000 * H.population(mid(2016)), 1);
    }

    @Test
    void gapsAreInterpolatedAndEndsExtendedAsDocumented() {
        // Linear between 1990 and 2003.
        assertEquals((21.06 + 12.41) / 2, H.birthRate((mid(1990) + mid(2003)) / 2), 1e-9);
        // Birth rate held flat before 1990; population follows the 2005-2010 trend backwards.
        assertEquals(21.06, H.birthRate(mid(1980)), 1e-9);
        double slope = (H.population(2010) - H.population(2006)) / 4;
        assertEquals(H.population(2005.1) - 5 * slope, H.population(2000.1), 1);
        assertTrue(H.population(mid(1998)) < 1.3e9 && H.population(mid(2020)) > 1.40e9);
    }

    /**
     * The series are read once a day, at the day's year (issue 9): a model moved from one year to
     * another must give, to the last bit, what the series give at the new year, for every province
     * and quantity; and a year other than the day's (a marriage cohort's) must still be looked up.
     */
    @Test
    void theDaysSeriesFollowTheYearAndOtherYearsAreLookedUp() {
        Parameters p = new Parameters();
        double census = H.population(DemographicHistory.fractionalYear(java.time.LocalDate.of(2010, 11, 1)));
        SexRatioHistory srb = SexRatioHistory.china();
        Demography moved = at(mid(1999));
        for (double y : new double[] {mid(2004), mid(2016) + 0.123, mid(2004)}) {
            moved.setYear(y, p);
            for (Province prov : NET.provinces()) {
                assertEquals(prov.population() * H.population(y) / census * p.getScale(), moved.population(prov, p));
                assertEquals(moved.population(prov, p) * H.urbanShare(y), moved.urbanPopulation(prov, p));
                assertEquals(1 - H.urbanShare(y), moved.ruralShare());
                assertEquals(at(y).birthsPerDay(prov, p), moved.birthsPerDay(prov, p));
                assertEquals(at(y).srb(prov, y, p), moved.srb(prov, y, p));
                double cohort = y - p.getMarriageAge();
                assertEquals(at(cohort).birthsPerDay(prov, p), moved.birthsPerDayIn(prov, cohort, p));
                assertEquals(at(cohort).srb(prov, cohort, p), moved.srb(prov, cohort, p));
            }
        }
        assertTrue(srb.at(mid(2004)) != srb.at(mid(2016)), "the sex ratio history must differ between the years tried");
    }

    @Test
    void provincesGrowWithTheNationAndKeepTheirShares() {
        Parameters p = new Parameters();
        Demography d2010 = at(DemographicHistory.fractionalYear(java.time.LocalDate.of(2010, 11, 1)));
        Demography d2020 = at(DemographicHistory.fractionalYear(java.time.LocalDate.of(2020, 11, 1)));
        Province henan = NET.byCode("CN-HA");
        assertEquals(henan.population(), d2010.population(henan, p), 1);
        assertEquals(henan.population() * 1.0538, d2020.population(henan, p), henan.population() * 1e-6);
        p.setScale(0.05);
        assertEquals(0.05 * henan.population() * 1.0538, d2020.population(henan, p), henan.population() * 1e-6);
    }

    @Test
    void nationalBirthsMatchThePublishedCounts() {
        Parameters p = new Parameters();
        for (double[] yb : new double[][] {{mid(2016), 18.46e6}, {mid(2018), 15.23e6}, {mid(2020), 12.0e6}}) {
            Demography d = at(yb[0]);
            assertEquals(yb[1] * PROVINCES_SHARE, 365 * national(prov -> d.birthsPerDay(prov, p)), 1);
        }
    }

    @Test
    void birthRateLeverScalesEveryYearAlike() {
        Parameters p = new Parameters();
        Parameters more = new Parameters();
        TestScenarios.set(more, "births.birth_rate", 11.90 * 1.1);
        for (double y : new double[] {mid(1986), mid(2000), mid(2011), mid(2019)}) {
            Demography d = at(y);
            assertEquals(1.1 * national(prov -> d.birthsPerDay(prov, p)), national(prov -> d.birthsPerDay(prov, more)), 1e-6);
        }
    }

    @Test
    void ruralBirthsAndUrbanPeopleFollowUrbanisation() {
        Parameters p = new Parameters();
        Demography d2000 = at(DemographicHistory.fractionalYear(java.time.LocalDate.of(2000, 11, 1)));
        Province any = NET.get(0);
        assertEquals(0.632 * d2000.birthsPerDay(any, p), d2000.ruralBirthsPerDay(any, p), 1e-9);
        assertEquals(0.368 * d2000.population(any, p), d2000.urbanPopulation(any, p), 1e-3);
        assertTrue(at(mid(2020)).ruralShare() < at(mid(2000)).ruralShare());
    }

    /**
     * Surplus men come from the births of the marriage-age cohort: about 1.17 million a year in
     * 2011 (cohort 1986). CASS (2010) put the excess men reaching marriage age at about 1.2
     * million a year after 2010 (china-facts.md s3): an independent check, within 20% for "about".
     */
    @Test
    void surplusMenAgreeWithTheCassEstimate() {
        Parameters p = new Parameters();
        Demography d = at(mid(2011));
        double perYear = 365 * national(prov -> d.surplusMenPerDay(prov, mid(2011), p));
        assertTrue(perYear > 0.96e6 && perYear < 1.44e6, "surplus men 2011: " + perYear);
    }

    /**
     * The price level is national rural income over mid-2011's: the published yearly points
     * (NBS, 1998-2020) exactly, constant growth between two of them, incomes.growth outside them.
     */
    @Test
    void thePriceLevelFollowsRuralIncomes() {
        Parameters p = new Parameters();
        Demography d = new Demography(NET, SexRatioHistory.china(), H);
        assertEquals(1.0, d.priceLevelIn(mid(2011), p), 1e-12);
        assertEquals(4760.62 / 6977, d.priceLevelIn(mid(2008), p), 1e-12);
        assertEquals(2162.0 / 6977, d.priceLevelIn(mid(1998), p), 1e-12);
        assertEquals(8895.9 / 6977, d.priceLevelIn(mid(2013), p), 1e-12);
        assertEquals(16161.9 / 6977, d.priceLevelIn(mid(2020), p), 1e-12);
        // Halfway in time between two points, halfway in logarithm: their geometric mean.
        double half = (mid(2011) + mid(2012)) / 2;
        assertEquals(Math.sqrt(6977 * 7916.6) / 6977, d.priceLevelIn(half, p), 1e-12);
        // Every year of the series grows (nominal incomes did, 1998-2020).
        for (int y = 1998; y < 2020; y++) {
            assertTrue(d.priceLevelIn(mid(y + 1), p) > d.priceLevelIn(mid(y), p), "income fell in " + (y + 1));
        }
        // Outside the points, the assumed growth: two years after 2020, and two before 1998.
        assertEquals(16161.9 / 6977 * Math.pow(1 + p.getIncomeGrowth(), mid(2022) - mid(2020)), d.priceLevelIn(mid(2022), p), 1e-12);
        assertEquals(2162.0 / 6977 / Math.pow(1 + p.getIncomeGrowth(), mid(1998) - mid(1996)), d.priceLevelIn(mid(1996), p), 1e-12);
        // The assumption moves only the years outside the data.
        TestScenarios.set(p, "incomes.growth", 0.05);
        assertEquals(4760.62 / 6977, d.priceLevelIn(mid(2008), p), 1e-12);
        assertEquals(16161.9 / 6977 * Math.pow(1.05, mid(2022) - mid(2020)), d.priceLevelIn(mid(2022), p), 1e-12);
        // Set once a day with the year.
        d.setYear(mid(2022), p);
        assertEquals(16161.9 / 6977 * Math.pow(1.05, mid(2022) - mid(2020)), d.priceLevel(), 1e-12);
    }
}
