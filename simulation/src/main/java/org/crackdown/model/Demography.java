package org.crackdown.model;

import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.SexRatioHistory;

/**
 * Derived, per-province population quantities: births, the sex ratio of any birth cohort, the
 * marriage squeeze, and income and left-behind indices. Read fresh from the parameters every time
 * so that a timeline change or a GUI slider (sex ratio, scale) acts at once.
 *
 * <p>A province's sex ratio at birth in year y is its data value (about 2010) with the excess over
 * 100 scaled by the national history: 100 + (srb_p - 100) x (H(y) - 100) / (H(2010) - 100), plus
 * the scenario's {@code births.srb_shift}. Cohort sizes use the 2010 population and the current
 * birth rate for every year (a simplification, stated in docs/ODD.md).
 */
public final class Demography {

    private static final int DATA_YEAR = 2010;

    private final ProvinceNetwork net;
    private final SexRatioHistory history;
    private final double nationalIncome;
    private final double nationalSrbExcess;
    private final long totalPopulation;

    public Demography(ProvinceNetwork net, SexRatioHistory history) {
        this.net = net;
        this.history = history;
        this.nationalIncome = net.populationWeighted(Province::ruralIncome);
        this.nationalSrbExcess = net.populationWeighted(Province::srb) - 100;
        this.totalPopulation = net.provinces().stream().mapToLong(Province::population).sum();
    }

    /** Simulated population (census population times scale). */
    public double population(Province p, Parameters ps) {
        return p.population() * ps.getScale();
    }

    public double birthsPerDay(Province p, Parameters ps) {
        return population(p, ps) * ps.getBirthRate() / 1000.0 / 365.0;
    }

    /** Boys per 100 girls born in province p in the given (possibly fractional) year. */
    public double srb(Province p, double year, Parameters ps) {
        double scaleToYear = (history.at(year) - 100) / (history.at(DATA_YEAR) - 100);
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
     * Men per day reaching marriage age with no woman of their cohort left for them: cohort births
     * x (s - 100) / (s + 100) for the cohort born {@code demand.marriage_age} years earlier.
     */
    public double surplusMenPerDay(Province p, double year, Parameters ps) {
        double s = srb(p, year - ps.getMarriageAge(), ps);
        return birthsPerDay(p, ps) * Math.max(0, s - 100) / (s + 100);
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
