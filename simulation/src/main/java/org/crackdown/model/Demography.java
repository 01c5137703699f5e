package org.crackdown.model;

import org.crackdown.space.DemographicHistory;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.SexRatioHistory;

/**
 * Derived, per-province population quantities: population, births, the sex ratio of any birth
 * cohort, the marriage squeeze, and income and left-behind indices. Read fresh from the parameters every time
 * so that a timeline change or a GUI slider (sex ratio, scale) acts at once.
 *
 * <p>Population, births and urbanisation change with the calendar year (the model sets it each
 * day, {@link #setYear}): a province's population is its 2010 census count times the national
 * population of the year over that of the 2010 census (provinces keep their 2010 shares, an
 * assumption: no provincial series is in the references); births are population times the
 * national crude birth rate of the year, times {@code births.birth_rate} over the 2010 rate of the
 * series (1 by default: the lever scales the whole series). Both come from
 * {@link DemographicHistory}.
 *
 * <p>A province's sex ratio at birth in year y is its data value (about 2010) with the excess over
 * 100 scaled by the national history: 100 + (srb_p - 100) x (H(y) - 100) / (H(2010) - 100), plus
 * the scenario's {@code births.srb_shift}.
 */
public final class Demography implements java.io.Serializable {

    private static final int DATA_YEAR = 2010;
    /** The 2010 census day, to which provinces.csv's populations refer. */
    private static final double CENSUS_2010 = DemographicHistory.fractionalYear(java.time.LocalDate.of(2010, 11, 1));
    /** 1 July 2010, where the series puts the rate of births.birth_rate's source (NBS communiqué 2010). */
    private static final double BIRTH_RATE_YEAR = DemographicHistory.fractionalYear(java.time.LocalDate.of(2010, 7, 1));

    private final ProvinceNetwork net;
    private final SexRatioHistory history;
    private final DemographicHistory national;
    private final double nationalIncome;
    private final double nationalSrbExcess;
    private final long totalPopulation;
    // The series at the fixed years every per-province call divides by, read once: the histories
    // are immutable, so these are the very values the calls looked up each time (issue 9: the
    // look-ups were 2-5% of a run at scale 0.3).
    private final double censusPopulation;
    private final double birthRateOfSourceYear;
    private final double srbExcessOfDataYear;
    /** Mid-2011, the year every amount of money among the parameters is in (incomes.growth). */
    private static final double MONEY_YEAR = DemographicHistory.fractionalYear(java.time.LocalDate.of(2011, 7, 1));

    private double year = CENSUS_2010;
    private double priceLevel = 1;
    // The national series at {@link #year}, read once a day in setYear: the per-province calls of
    // the day ask for the same year thousands of times (issue 9: the tree-map look-ups and their
    // boxed keys were 2.5% of the default run's samples and a sixth of what it allocated). The
    // histories are immutable, so these are the values the look-ups return.
    private double populationOfYear;
    private double urbanShareOfYear;
    private double birthRateOfYear;
    private double srbOfYear;

    public Demography(ProvinceNetwork net, SexRatioHistory history, DemographicHistory national) {
        this.net = net;
        this.history = history;
        this.national = national;
        this.nationalIncome = net.populationWeighted(Province::ruralIncome);
        this.nationalSrbExcess = net.populationWeighted(Province::srb) - 100;
        this.totalPopulation = net.provinces().stream().mapToLong(Province::population).sum();
        this.censusPopulation = national.population(CENSUS_2010);
        this.birthRateOfSourceYear = national.birthRate(BIRTH_RATE_YEAR);
        this.srbExcessOfDataYear = history.at(DATA_YEAR) - 100;
        readSeriesAt(year);
    }

    private void readSeriesAt(double y) {
        populationOfYear = national.population(y);
        urbanShareOfYear = national.urbanShare(y);
        birthRateOfYear = national.birthRate(y);
        srbOfYear = history.at(y);
    }

    /**
     * The calendar year (fractional) that population, births, urbanisation and incomes refer to;
     * the day's price level is worked out here, once a day.
     */
    public void setYear(double year, Parameters ps) {
        this.year = year;
        readSeriesAt(year);
        this.priceLevel = priceLevelIn(year, ps);
    }

    /**
     * National rural income of the year over that of mid-2011: the factor that turns the
     * parameters' amounts of money (RMB of 2011) into the year's RMB.
     */
    public double priceLevel() {
        return priceLevel;
    }

    /** {@link #priceLevel()} in (fractional) year y. */
    public double priceLevelIn(double y, Parameters ps) {
        double g = ps.getIncomeGrowth();
        return national.ruralIncome(y, g) / national.ruralIncome(MONEY_YEAR, g);
    }

    public double year() {
        return year;
    }

    /** Simulated population this year: census population x national growth since the census x scale. */
    public double population(Province p, Parameters ps) {
        return populationIn(p, year, ps);
    }

    private double populationIn(Province p, double y, Parameters ps) {
        return p.population() * (y == year ? populationOfYear : national.population(y)) / censusPopulation * ps.getScale();
    }

    /** Urban residents this year (the national urban share applied to every province). */
    public double urbanPopulation(Province p, Parameters ps) {
        return population(p, ps) * urbanShareOfYear;
    }

    /** Share of the population living in rural areas this year. */
    public double ruralShare() {
        return 1 - urbanShareOfYear;
    }

    public double birthsPerDay(Province p, Parameters ps) {
        return birthsPerDayIn(p, year, ps);
    }

    /** Births per day in the province in (fractional) year y, e.g. a past cohort's. */
    public double birthsPerDayIn(Province p, double y, Parameters ps) {
        double rate = (y == year ? birthRateOfYear : national.birthRate(y)) * ps.getBirthRate() / birthRateOfSourceYear;
        return populationIn(p, y, ps) * rate / 1000.0 / 365.0;
    }

    /** Births per day to rural families (the national rural share applied to every province). */
    public double ruralBirthsPerDay(Province p, Parameters ps) {
        return birthsPerDay(p, ps) * ruralShare();
    }

    /** Boys per 100 girls born in province p in the given (possibly fractional) year. */
    public double srb(Province p, double year, Parameters ps) {
        double scaleToYear = ((year == this.year ? srbOfYear : history.at(year)) - 100) / srbExcessOfDataYear;
        return Math.max(90, 100 + (p.srb() - 100) * scaleToYear + ps.getSrbShift());
    }

    public double boyShare(Province p, double year, Parameters ps) {
        double s = srb(p, year, ps);
        return s / (100 + s);
    }

    /**
     * Son preference relative to the nation: the province's excess sex ratio at birth over the
     * national excess in the data year (1 = national average, 0 = no excess boys).
     */
    public double sonPreference(Province p, double year, Parameters ps) {
        return Math.max(0, srb(p, year, ps) - 100) / nationalSrbExcess;
    }

    /**
     * Men per day reaching marriage age with no woman of their cohort left for them: the births of
     * the cohort born {@code demand.marriage_age} years earlier x (s - 100) / (s + 100), s its sex
     * ratio at birth. Nationally about 1.17 million a year in 2011 (cohort 1986), against ~1.2
     * million a year after 2010 (CASS 2010, china-facts.md s3): a check, not an input.
     */
    public double surplusMenPerDay(Province p, double year, Parameters ps) {
        double cohort = year - ps.getMarriageAge();
        double s = srb(p, cohort, ps);
        return birthsPerDayIn(p, cohort, ps) * Math.max(0, s - 100) / (s + 100);
    }

    /** Province rural income over the population-weighted national mean. */
    public double incomeIndex(Province p) {
        return p.ruralIncome() / nationalIncome;
    }

    /** National mean over province: how much poorer than average (1 = average). */
    public double povertyIndex(Province p) {
        return nationalIncome / p.ruralIncome();
    }

    /** Province's share of left-behind children over its share of population (1 = average). */
    public double leftBehindIndex(Province p) {
        return (p.leftBehindSharePct() / 100.0) / ((double) p.population() / totalPopulation);
    }
}
