package org.crackdown.market;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Demography;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

import ec.util.MersenneTwisterFast;

/**
 * Would-be buyers appear from the population each day, for three reasons: sonless or childless
 * couples (more where son preference, read from the sex ratio at birth, is strong, and where
 * families can pay); bachelors' families squeezed out of the marriage market (the surplus men of
 * the cohort born {@code demand.marriage_age} years earlier, more where poor); and commercial
 * exploiters in richer, urban provinces.
 *
 * <p>Each then decides, as a buyer would: the victim is worth V to it (lognormal willingness to
 * pay, tied to its province's income); buying costs the going price (the province's price index)
 * plus the expected punishment (perceived chance of prosecution over the years it would hold the
 * victim, times the sanction, times buyer liability) and carries the risk of losing the victim to
 * a police rescue. A bachelor's family can also marry legally, at its own cost. It buys only if
 * that leaves it better off than the legal route and than doing nothing; so dearer victims, more
 * prosecutions and harsher liability all mean fewer buyers.
 */
public final class Demand implements java.io.Serializable {

    private final ProvinceNetwork net;
    private final Demography demography;
    private long nextId = 1;

    public Demand(ProvinceNetwork net, Demography demography) {
        this.net = net;
        this.demography = demography;
    }

    public void arrive(int today, double year, Parameters p, Market market, Metrics metrics, MersenneTwisterFast r) {
        for (Province prov : net.provinces()) {
            int i = prov.index();
            double[] perDay = arrivalsPerDay(prov, year, p);
            Outlook o = outlook(prov, year, p, market);
            for (int k = 0; k < KINDS.length; k++) {
                spawn(KINDS[k], Rng.poisson(r, perDay[k]), i, today, o, p, market, metrics, r);
            }
        }
    }

    private static final VictimType[] TYPES = VictimType.values();

    private static final Buyer.Kind[] KINDS = {Buyer.Kind.CHILD_SEEKER, Buyer.Kind.BRIDE_SEEKER, Buyer.Kind.COMMERCIAL};

    /** Expected would-be buyers a day in a province, in the order of {@link #KINDS}. */
    private double[] arrivalsPerDay(Province prov, double year, Parameters p) {
        double income = Math.pow(demography.incomeIndex(prov), p.getIncomeElasticity());
        double girlBirths = demography.birthsPerDay(prov, p) * (1 - demography.boyShare(prov, year, p));
        double children = girlBirths * p.getSonPropensity() * demography.sonPreference(prov, year, p) * income;
        double brides = demography.surplusMenPerDay(prov, year, p) * p.getBridePropensity()
                * demography.povertyIndex(prov);
        double commercial = demography.urbanPopulation(prov, p) / 1e6 * p.getCommercialRate() / 365.0 * income;
        return new double[] {children, brides, commercial};
    }

    /**
     * What buying means to a household in this province today: the expected punishment in RMB and
     * the chance of keeping the victim over the horizon, from the risks buyers perceive.
     */
    record Outlook(double wtpFactor, double sonFactor, double punishment, double keep) {
    }

    static Outlook outlook(Province prov, double year, Parameters p, Market market, Demography demography) {
        int i = prov.index();
        double h = p.getHorizonYears();
        double prosecuted = 1 - Math.exp(-market.prosecutionRate(i) * h);
        // Amounts of money are parameters in RMB of 2011: the day's price level makes them today's.
        double level = demography.priceLevel();
        double punishment = p.getLiability() * p.getSanctionCost() * level * prosecuted;
        double keep = Math.exp(-market.recoveryRate(i) * h);
        double wtpFactor = Math.pow(demography.incomeIndex(prov), p.getWtpIncomeElasticity()) * level;
        // What a son is worth follows son preference as the number who seek one does (the
        // province's excess sex ratio at birth of the year, 1 nationally in 2010): families that
        // would abort a girl to have a boy are also those who pay most for one.
        double sonFactor = Math.pow(demography.sonPreference(prov, year, p), p.getWtpSonPreferenceElasticity());
        return new Outlook(wtpFactor, sonFactor, punishment, keep);
    }

    private Outlook outlook(Province prov, double year, Parameters p, Market market) {
        return outlook(prov, year, p, market, demography);
    }

    private void spawn(Buyer.Kind kind, int n, int province, int today, Outlook o, Parameters p, Market market,
                       Metrics metrics, MersenneTwisterFast r) {
        double[] bid = n > 0 ? new double[TYPES.length] : null; // scratch: a buyer keeps a copy
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                java.util.Arrays.fill(bid, 0);
            }
            Choice c = decide(kind, province, o, p, market, r, bid);
            if (c != Choice.BUY) {
                metrics.increment(c.measure, province);
                continue;
            }
            for (int t = 0; t < bid.length; t++) {
                bid[t] = Math.max(0, bid[t]);
            }
            int giveUp = today + Rng.exponentialDays(r, p.getPatienceDays());
            market.enter(new Buyer(nextId++, kind, province, bid, giveUp));
            metrics.increment(Measure.BUYERS_ENTERED, province);
        }
    }

    /** What a would-be buyer does, and the measure that counts it. */
    private enum Choice {
        BUY(Measure.BUYERS_ENTERED), LEGAL(Measure.LEGAL_MARRIAGES), DETERRED(Measure.BUYERS_DETERRED),
        PRICED_OUT(Measure.BUYERS_PRICED_OUT);

        final Measure measure;

        Choice(Measure measure) {
            this.measure = measure;
        }
    }

    /** A would-be buyer of this kind weighs buying at the going price: fills its bids and returns its choice. */
    private static Choice decide(Buyer.Kind kind, int province, Outlook o, Parameters p, Market market,
                                 MersenneTwisterFast r, double[] bid) {
        // Net gain from buying at the going price, with and without the punishment.
        double bestGain = 0;
        double bestGainUnpunished = 0;
        boolean legal = false;
        switch (kind) {
            case CHILD_SEEKER -> {
                double v = lognormal(r, p.getWtpBoy() * o.wtpFactor() * o.sonFactor(), p.getWtpSigma());
                bid[VictimType.BOY.ordinal()] = v * o.keep() - o.punishment();
                if (r.nextDouble() < p.getGirlAcceptShare()) {
                    double g = lognormal(r, p.getWtpGirl() * o.wtpFactor(), p.getWtpSigma());
                    bid[VictimType.GIRL.ordinal()] = g * o.keep() - o.punishment();
                }
                for (VictimType t : TYPES) {
                    if (t.isChild()) {
                        double price = market.priceIndex(province, t);
                        bestGain = Math.max(bestGain, bid[t.ordinal()] - price);
                        bestGainUnpunished = Math.max(bestGainUnpunished, bid[t.ordinal()] + o.punishment() - price);
                    }
                }
            }
            case BRIDE_SEEKER, COMMERCIAL -> {
                double v = lognormal(r, p.getWtpWoman() * o.wtpFactor(), p.getWtpSigma());
                double value = v * o.keep() - o.punishment();
                if (kind == Buyer.Kind.BRIDE_SEEKER) {
                    // A legal match gives the whole value at its own cost and no risk: buying must
                    // beat it, so the family pays at most what keeps buying the better route.
                    double legalCost = lognormal(r, p.getLegalMarriageCost() * o.wtpFactor(), p.getLegalCostSigma());
                    double legalGain = v - legalCost;
                    value -= Math.max(0, legalGain);
                    legal = legalGain > 0 && legalGain >= v * o.keep() - o.punishment()
                            - market.priceIndex(province, VictimType.WOMAN);
                }
                bid[VictimType.WOMAN.ordinal()] = value;
                double price = market.priceIndex(province, VictimType.WOMAN);
                bestGain = value - price;
                bestGainUnpunished = value + o.punishment() - price;
            }
            default -> throw new AssertionError(kind);
        }
        if (legal) {
            return Choice.LEGAL;
        }
        if (bestGain <= 0) {
            return bestGainUnpunished > 0 ? Choice.DETERRED : Choice.PRICED_OUT;
        }
        return Choice.BUY;
    }

    /**
     * The buyers that would enter over a year at today's prices and perceived risks, by province
     * and by the victim type each values most above its price: a year of would-be buyers is drawn
     * and each decides as in {@link #arrive}, but none enters the market. Used to start the run
     * near its steady state (the yearly inflow into buyers' households).
     */
    public double[][] yearlyBuyers(double year, Parameters p, Market market, MersenneTwisterFast r) {
        double[][] out = new double[net.size()][TYPES.length];
        double[] bid = new double[TYPES.length]; // scratch: no buyer enters here
        for (Province prov : net.provinces()) {
            int i = prov.index();
            double[] perDay = arrivalsPerDay(prov, year, p);
            Outlook o = outlook(prov, year, p, market);
            for (int k = 0; k < KINDS.length; k++) {
                int n = Rng.poisson(r, perDay[k] * 365);
                for (int j = 0; j < n; j++) {
                    java.util.Arrays.fill(bid, 0);
                    if (decide(KINDS[k], i, o, p, market, r, bid) != Choice.BUY) {
                        continue;
                    }
                    VictimType best = null;
                    for (VictimType t : TYPES) {
                        double gain = bid[t.ordinal()] - market.priceIndex(i, t);
                        if (bid[t.ordinal()] > 0 && (best == null || gain > bid[best.ordinal()] - market.priceIndex(i, best))) {
                            best = t;
                        }
                    }
                    out[i][best.ordinal()]++;
                }
            }
        }
        return out;
    }

    /** A lognormal draw with the given median and log-scale standard deviation. */
    static double lognormal(MersenneTwisterFast r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }
}
