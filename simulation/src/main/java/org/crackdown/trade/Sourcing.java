package org.crackdown.trade;

import java.util.List;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.RuralFamilies;
import org.crackdown.agent.SellingFamily;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.Parameters;
import org.crackdown.policy.Case;
import org.crackdown.policy.Enforcement;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

import ec.util.MersenneTwisterFast;

/**
 * How gangs obtain victims (docs/ODD.md, "Gang trip", acquire): a day's attempt at the gang's
 * source province, by purchase from parents open to selling, abduction, deception or across the
 * border, and what each sets off — a report to the police, a DNA sample, a border stop.
 */
public final class Sourcing implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final ProvinceNetwork net;
    private final Prospects prospects;
    private final RuralFamilies families;
    private final Enforcement enforcement;
    private final Metrics metrics;
    private final Parameters params;
    private long nextVictimId = 1;

    public Sourcing(ProvinceNetwork net, Prospects prospects, RuralFamilies families, Enforcement enforcement,
                    Metrics metrics, Parameters params) {
        this.net = net;
        this.prospects = prospects;
        this.families = families;
        this.enforcement = enforcement;
        this.metrics = metrics;
        this.params = params;
    }

    /**
     * One day's attempt to obtain a victim. Purchases need a family that accepts the offer;
     * abductions and deceptions may be reported (opening a case, and, with the DNA database
     * running, parents giving a sample); cross-border victims may be stopped at the border.
     */
    public TradeWorld.Acquisition tryAcquire(Gang g, VictimType t, AcquisitionMethod m, int day, MersenneTwisterFast random) {
        Province p = net.get(g.source());
        int d = g.destination();
        if (m == AcquisitionMethod.PURCHASE) {
            families.brokerTried(p.index(), t); // what other brokers will reckon with
        } else if (m == AcquisitionMethod.DECEPTION) {
            families.lurerTried(p.index()); // what other gangs luring women there will reckon with
        } else if (m == AcquisitionMethod.ABDUCTION) {
            families.abductorTried(p.index()); // what other gangs abducting there will reckon with
        }
        if (random.nextDouble() >= prospects.acquisitionChance(p, t, m, d)) {
            return null;
        }
        double price = prospects.acquisitionCost(t, m, d);
        boolean sampled = false;
        Province origin = p;
        String originLabel = p.code();
        switch (m) {
            case PURCHASE -> {
                double offer = prospects.offer(t, d);
                SellingFamily f = families.accept(p.index(), t, offer);
                for (int k = 0, c = p.neighbourCount(); f == null && k < c; k++) {
                    f = families.accept(p.neighbour(k), t, offer);
                }
                if (f == null) {
                    return null;
                }
                price = offer; // the family accepted the broker's offer
                // The child's origin is where the family lives.
                origin = net.get(f.province());
                originLabel = origin.code();
            }
            case ABDUCTION -> sampled = params.isDnaEnabled() && random.nextDouble() < params.getParentSampleProbability();
            case CROSS_BORDER -> originLabel = foreignCountry(p, random);
            default -> {
            }
        }
        Victim v = new Victim(nextVictimId++, t, origin.index(), originLabel, m, day, sampled);
        metrics.increment(switch (t) {
            case BOY -> Measure.BOYS_ACQUIRED;
            case GIRL -> Measure.GIRLS_ACQUIRED;
            case WOMAN -> Measure.WOMEN_ACQUIRED;
        }, origin.index());
        if (p.index() != g.home()) {
            metrics.increment(Measure.ACQUIRED_AWAY, p.index());
        }
        if (m == AcquisitionMethod.PURCHASE) {
            metrics.add(Measure.PAID_TO_PARENTS, origin.index(), price);
        }
        metrics.increment(switch (m) {
            case ABDUCTION -> Measure.ACQUIRED_ABDUCTION;
            case PURCHASE -> Measure.ACQUIRED_PURCHASE;
            case DECEPTION -> Measure.ACQUIRED_DECEPTION;
            case CROSS_BORDER -> Measure.ACQUIRED_CROSS_BORDER;
        }, origin.index());
        switch (m) {
            case ABDUCTION -> {
                if (random.nextDouble() < params.getChildReportProbability()) {
                    enforcement.open(Case.Kind.MISSING_REPORT, p.index(), true, g, v);
                    if (params.isAlertEnabled() && random.nextDouble() < params.getAlertRecovery()) {
                        enforcement.alertRecovery(v, p.index(), params);
                        return null;
                    }
                }
            }
            case DECEPTION -> {
                if (random.nextDouble() < params.getWomanReportProbability()) {
                    enforcement.open(Case.Kind.MISSING_REPORT, p.index(), false, g, v);
                }
            }
            case CROSS_BORDER -> {
                if (random.nextDouble() < params.getBorderControl()) {
                    enforcement.borderStop(g, v, p.index(), params, random);
                    return null;
                }
            }
            default -> {
            }
        }
        return new TradeWorld.Acquisition(v, price);
    }

    /** The country a cross-border victim taken through province p comes from: one of its trade-border neighbours. */
    public static String foreignCountry(Province p, MersenneTwisterFast random) {
        List<String> options = p.tradeBorderCountries();
        return options.get(random.nextInt(options.size()));
    }

}
