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
 * exploiters in richer, urban provinces. Each then decides whether to risk buying at all.
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
            double income = Math.pow(demography.incomeIndex(prov), p.getIncomeElasticity());
            double girlBirths = demography.birthsPerDay(prov, p) * (1 - demography.boyShare(prov, year, p));
            double children = girlBirths * p.getSonPropensity() * demography.sonPreference(prov, year, p) * income;
            double brides = demography.surplusMenPerDay(prov, year, p) * p.getBridePropensity()
                    * demography.povertyIndex(prov);
            double commercial = demography.urbanPopulation(prov, p) / 1e6 * p.getCommercialRate() / 365.0 * income;
            // Fear of prosecution: the perceived chance, weighted by how severe punishment is.
            double enter = Math.exp(-p.getDeterrence() * p.getLiability() * market.perceivedRisk(i));
            spawn(Buyer.Kind.CHILD_SEEKER, Rng.poisson(r, children), i, today, enter, p, market, metrics, r);
            spawn(Buyer.Kind.BRIDE_SEEKER, Rng.poisson(r, brides), i, today, enter, p, market, metrics, r);
            spawn(Buyer.Kind.COMMERCIAL, Rng.poisson(r, commercial), i, today, enter, p, market, metrics, r);
        }
    }

    private void spawn(Buyer.Kind kind, int n, int province, int today, double enter, Parameters p, Market market,
                       Metrics metrics, MersenneTwisterFast r) {
        for (int k = 0; k < n; k++) {
            if (r.nextDouble() >= enter) {
                metrics.increment(Measure.BUYERS_DETERRED, province);
                continue;
            }
            double[] wtp = new double[VictimType.values().length];
            switch (kind) {
                case CHILD_SEEKER -> {
                    wtp[VictimType.BOY.ordinal()] = draw(VictimType.BOY, p, r);
                    if (r.nextDouble() < p.getGirlAcceptShare()) {
                        wtp[VictimType.GIRL.ordinal()] = draw(VictimType.GIRL, p, r);
                    }
                }
                case BRIDE_SEEKER, COMMERCIAL -> wtp[VictimType.WOMAN.ordinal()] = draw(VictimType.WOMAN, p, r);
                default -> throw new AssertionError(kind);
            }
            int giveUp = today + Rng.exponentialDays(r, p.getPatienceDays());
            market.enter(new Buyer(nextId++, kind, province, wtp, giveUp));
            metrics.increment(Measure.BUYERS_ENTERED, province);
        }
    }

    /** Willingness to pay: uniform over the published price range for the type. */
    private static double draw(VictimType t, Parameters p, MersenneTwisterFast r) {
        return Rng.uniform(r, Market.minPrice(p, t), Market.maxPrice(p, t));
    }
}
