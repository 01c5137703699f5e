package org.crackdown.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.crackdown.model.Demography;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

import ec.util.MersenneTwisterFast;

/**
 * The rural families of every province. Families are too many to simulate one by one, and most
 * never meet a trafficker; what matters is the newborn's sex, drawn from the province's sex ratio
 * at birth, and the few poor families who, with a newborn, would sell it. Those become individual
 * {@link SellingFamily} agents with their own reservation price (lognormal around a median that
 * rises with the province's income), for brokers to find: a higher offer finds more families
 * willing, so the supply of bought children responds to the price brokers can pay. Families
 * that lose a child to abduction are represented through the victim (report, DNA sample).
 */
public final class RuralFamilies implements java.io.Serializable {

    private final ProvinceNetwork net;
    private final Demography demography;
    private final List<ArrayDeque<SellingFamily>> open = new ArrayList<>();
    /** Open families per province and child type, kept with the pools: gangs ask this at every plan. */
    private final int[][] openCount;
    /**
     * Per province and child type, the least reservation price of its open families (positive
     * infinity if none), or NaN when not known since a family holding it left the pool. Most
     * offers are met by no family at all (at scale 0.3, 99% of {@link #accept} calls, each
     * reading every open family of the province: a tenth of a run), and an offer below it is
     * refused without reading the pool. A cache, not model state: worked out again when needed.
     */
    private transient double[][] leastReservation;
    /**
     * What brokers know of the competition for these families (docs/ODD.md, "Gang trip"): per
     * province and child type, families newly open to selling a day, and brokers' days spent
     * trying to buy there a day, each averaged over market.tightness_days like the market's
     * flows. Today's counts are folded in at the start of the next day's families step, so a
     * plan made during the gangs' round reads the same picture whenever in the round it is made.
     */
    private final double[][] openingPerDay;
    private final double[][] brokerDaysPerDay;
    private final int[][] openedToday;
    private final int[][] brokerDaysToday;
    /**
     * Gangs' days spent trying to lure a woman from the province with a false job or marriage
     * offer, a day, averaged as the brokers' days are (and today's count): the women who would
     * fall for such an offer are a flow per province ({@link #womenOpenPerDay}), and the gangs
     * trying there share it.
     */
    private final TriesPerDay lurers;
    /** Gangs' days spent trying to abduct a child in the province, a day, averaged as the lurers' are (and today's count). */
    private final TriesPerDay abductors;
    private long daysAveraged;

    public RuralFamilies(ProvinceNetwork net, Demography demography) {
        this.net = net;
        this.demography = demography;
        for (int i = 0; i < net.size(); i++) {
            open.add(new ArrayDeque<>());
        }
        openCount = new int[net.size()][VictimType.values().length];
        int types = VictimType.values().length;
        openingPerDay = new double[net.size()][types];
        brokerDaysPerDay = new double[net.size()][types];
        openedToday = new int[net.size()][types];
        brokerDaysToday = new int[net.size()][types];
        lurers = new TriesPerDay(net.size());
        abductors = new TriesPerDay(net.size());
    }

    /** Today's rural births; poor families with a newborn decide whether they would sell. */
    public void step(int today, double year, Parameters p, MersenneTwisterFast r) {
        average(p);
        for (Province prov : net.provinces()) {
            int i = prov.index();
            ArrayDeque<SellingFamily> q = open.get(i);
            while (!q.isEmpty() && q.peekFirst().closesDay() <= today) {
                left(q.pollFirst());
            }
            int births = Rng.poisson(r, demography.ruralBirthsPerDay(prov, p));
            int boys = Rng.binomial(r, births, demography.boyShare(prov, year, p));
            int girls = births - boys;
            double q0 = Math.min(1, p.getSalePropensity() * Math.pow(demography.povertyIndex(prov), p.getPovertyElasticity()));
            int sellBoys = Rng.binomial(r, boys, q0);
            int sellGirls = Rng.binomial(r, girls, Math.min(1, q0 * p.getGirlSaleFactor()));
            // Richer families ask more; each family's price is its own (lognormal).
            double median = p.getReservationMedian() * demography.priceLevel() * demography.incomeIndex(prov);
            for (int k = 0; k < sellBoys + sellGirls; k++) {
                VictimType child = k < sellBoys ? VictimType.BOY : VictimType.GIRL;
                double reservation = median * Math.exp(p.getReservationSigma() * r.nextGaussian());
                q.addLast(new SellingFamily(i, child, reservation, today + p.getSaleWindowDays()));
                openCount[i][child.ordinal()]++;
                openedToday[i][child.ordinal()]++;
                if (leastReservation != null && reservation < leastReservation[i][child.ordinal()]) {
                    leastReservation[i][child.ordinal()] = reservation; // NaN (not known) stays NaN
                }
            }
        }
    }

    /**
     * A settled start: the families who had a newborn in the sale window before the run and
     * would sell it are open to offers on the first day, as they would be had the run begun
     * earlier (those brokers bought from in that window are not taken out: a slight excess).
     */
    public void settle(double year, Parameters p, MersenneTwisterFast r) {
        for (int day = 1 - p.getSaleWindowDays(); day < 0; day++) {
            step(day, year, p, r);
        }
    }

    /**
     * Folds the last day's openings and brokers' days into their averages (weighing the days seen
     * so far equally until a full window of market.tightness_days has been seen, as the market does).
     */
    private void average(Parameters p) {
        daysAveraged++;
        double a = Math.max(1.0 / daysAveraged, 1 / p.getTightnessDays());
        for (int i = 0; i < openingPerDay.length; i++) {
            for (int c = 0; c < openingPerDay[i].length; c++) {
                openingPerDay[i][c] += a * (openedToday[i][c] - openingPerDay[i][c]);
                brokerDaysPerDay[i][c] += a * (brokerDaysToday[i][c] - brokerDaysPerDay[i][c]);
                openedToday[i][c] = 0;
                brokerDaysToday[i][c] = 0;
            }
        }
        lurers.average(a);
        abductors.average(a);
    }

    /** A broker spends today trying to buy a child of this sex in the province. */
    public void brokerTried(int province, VictimType child) {
        brokerDaysToday[province][child.ordinal()]++;
    }

    /** Families newly open to selling a child of this sex in the province, a day (averaged). */
    public double openingPerDay(int province, VictimType child) {
        return openingPerDay[province][child.ordinal()];
    }

    /** Brokers trying to buy a child of this sex in the province, a day (averaged). */
    public double brokersPerDay(int province, VictimType child) {
        return brokerDaysPerDay[province][child.ordinal()];
    }

    /** A gang spends today trying to lure a woman from the province. */
    public void lurerTried(int province) {
        lurers.tried(province);
    }

    /** Gangs trying to lure a woman from the province, a day (averaged). */
    public double lurersPerDay(int province) {
        return lurers.perDay[province];
    }

    /** A gang spends today trying to abduct a child in the province. */
    public void abductorTried(int province) {
        abductors.tried(province);
    }

    /** Gangs trying to abduct a child in the province, a day (averaged). */
    public double abductorsPerDay(int province) {
        return abductors.perDay[province];
    }

    /**
     * Children of the province a gang could snatch, a day, before the left-behind factor:
     * families.children_open_to_abduction per million rural residents a year, at the run's scale
     * (0 when that limit is off). A flow shared by the gangs trying there, as {@link #womenOpenPerDay}.
     */
    public double childrenOpenPerDay(Province prov, Parameters p) {
        return p.getChildrenOpenToAbduction() * demography.population(prov, p) * demography.ruralShare() / 1e6 / 365.0;
    }

    /**
     * Women of the province's rural population who would take a trafficker's false offer of a job
     * or a marriage, a day: families.women_open_to_deception per million rural residents a year,
     * times the province's poverty index (more where poorer, as the chance of a gang's day is),
     * at the run's scale. A flow, not a pool of agents: gangs who try there share it, so a small
     * province cannot supply more women than it has because many gangs go there.
     */
    public double womenOpenPerDay(Province prov, Parameters p) {
        return p.getWomenOpenToDeception() * demography.population(prov, p) * demography.ruralShare() / 1e6
                * demography.povertyIndex(prov) / 365.0;
    }

    /** Families open to an offer for a child of this sex in the province. */
    public int openFamilies(int province, VictimType child) {
        return openCount[province][child.ordinal()];
    }

    public int openFamilies(int province) {
        return open.get(province).size();
    }

    /**
     * Share of the families open to selling in a province who would accept {@code offer}: the
     * lognormal distribution of reservation prices at the province's income. Brokers know the
     * going rate, so gangs plan purchases with it.
     */
    public double acceptShare(int province, double offer, Parameters p) {
        double median = p.getReservationMedian() * demography.priceLevel() * demography.incomeIndex(net.get(province));
        if (offer <= 0 || median <= 0) {
            return offer >= median ? 1 : 0;
        }
        double sigma = Math.max(1e-9, p.getReservationSigma());
        return 0.5 * erfc(-Math.log(offer / median) / (sigma * Math.sqrt(2)));
    }

    /**
     * A broker offers {@code offer} for a child of this sex: the first open family whose
     * reservation price the offer meets accepts, and leaves the pool. Null if none accepts.
     */
    public SellingFamily accept(int province, VictimType child, double offer) {
        // No family accepts when the offer is below every reservation price of this sex (or NaN):
        // the scan below would then read the whole pool and return null.
        if (!(leastReservation(province, child) <= offer)) {
            return null;
        }
        Iterator<SellingFamily> it = open.get(province).iterator();
        while (it.hasNext()) {
            SellingFamily f = it.next();
            if (f.child() == child && f.reservationPrice() <= offer) {
                it.remove();
                left(f);
                return f;
            }
        }
        return null;
    }

    /** Bookkeeping for a family that has left the pool (sold its child, or kept it). */
    private void left(SellingFamily f) {
        int c = f.child().ordinal();
        openCount[f.province()][c]--;
        // If it may have held the least price, that is not known any more (NaN: not known).
        if (leastReservation != null && !(f.reservationPrice() > leastReservation[f.province()][c])) {
            leastReservation[f.province()][c] = Double.NaN;
        }
    }

    /**
     * The least reservation price of the open families of this sex in the province (NaN prices,
     * which accept no offer, left out; positive infinity if none), worked out again only after
     * a family that may have held it left.
     */
    private double leastReservation(int province, VictimType child) {
        if (leastReservation == null) {
            leastReservation = new double[openCount.length][VictimType.values().length];
            for (double[] a : leastReservation) {
                java.util.Arrays.fill(a, Double.NaN);
            }
        }
        double least = leastReservation[province][child.ordinal()];
        if (Double.isNaN(least)) {
            least = Double.POSITIVE_INFINITY;
            for (SellingFamily f : open.get(province)) {
                if (f.child() == child && f.reservationPrice() < least) {
                    least = f.reservationPrice();
                }
            }
            leastReservation[province][child.ordinal()] = least;
        }
        return least;
    }

    /**
     * The complementary error function, to a relative error below 1.2e-7 everywhere (Chebyshev
     * fit, Press et al., Numerical Recipes, 2nd ed., §6.2, erfcc). Gangs price a purchase for every
     * source, type and market at each plan, so this is called millions of times a simulated year;
     * commons-math3's continued-fraction erfc made it most of a run's cost (docs/performance.md).
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    /**
     * Gangs' days spent trying one way of getting victims in each province: today's count, and the
     * average a day over market.tightness_days that the flow of victims there is shared by.
     */
    private static final class TriesPerDay implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final double[] perDay;
        final int[] today;

        TriesPerDay(int provinces) {
            perDay = new double[provinces];
            today = new int[provinces];
        }

        void tried(int province) {
            today[province]++;
        }

        /** Folds today's counts into the averages with weight a, and starts a new day. */
        void average(double a) {
            for (int i = 0; i < perDay.length; i++) {
                perDay[i] += a * (today[i] - perDay[i]);
                today[i] = 0;
            }
        }
    }
}
