package org.crackdown.policy;

import java.util.List;
import java.util.Map;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.crackdown.trade.TripChoice;

/**
 * The yearly hazard that police take a bought victim away from the buyer's household, at the
 * steady state that the start's own enforcement implies: what a settled start needs twice, for
 * the stock of victims held (rescue is one of its exits) and for what buyers perceive (the
 * rescues and prosecutions they hear of, over the households holding victims; {@code
 * Market.learnRisk}). Without it the start put buyers at zero perceived risk: about twice the
 * buyers the running model has, a held stock that drained for decades, and a diluted risk.
 *
 * <p>A sold victim is rescued from the buyer in the model's own ways, each estimated per sale:
 * <ul>
 * <li><b>Report.</b> Her or his family reported the abduction or deception
 * ({@code families.*_report_probability}; children sold by parents and victims from across the
 * border are not reported), police kept it (registered or as an inquiry) and solved it before it
 * expired, at the case book's steady solving hazard in the province of the report
 * ({@link SettledStart#solvingHazard}).</li>
 * <li><b>Tip.</b> The public tipped police off at the sale ({@code tips.reach}), solved likewise
 * in the buyer's province.</li>
 * <li><b>Tracing.</b> The seller was busted while the sale was among its latest
 * {@code police.trace_depth} sales, and the sale was traced ({@code police.trace_sold_probability}).
 * Each of those sales leads to a bust with the chance that its report or tip is solved times
 * {@code police.bust_probability}. Busts after patrol stops and joint operations are left out,
 * so tracing is underestimated.</li>
 * </ul>
 * These happen within a year or two of the sale, so with a share phi of sales rescued the steady
 * stock is (1 - phi) of what the other exits alone leave; the constant hazard rho giving that
 * stock is the rescue hazard, and rescues over the stock are rho. Buyer search and DNA matching
 * add their hazard per held victim ({@code Enforcement.searchBuyers}, saturating in the stock).
 * Buyers perceive half their province's hazard and half the nation's, as they learn it.
 */
final class SteadyRecovery {

    private SteadyRecovery() {
    }

    /**
     * Rescue hazards a year: {@code byType[i][t]} for a victim of type t held in province i (the
     * stock's extra exit), {@code perceived[i]}, what buyers in province i perceive, and the
     * national rescues over the national stock.
     */
    record Hazards(double[][] byType, double[] perceived, double national) {
    }

    /**
     * Estimates the hazards from the yearly inflow into buyers' households (province x type), the
     * gangs in play and each one's usual trip (null: none worth making), and the police units.
     */
    static Hazards estimate(double[][] inflow, List<Gang> gangs, Map<Gang, TripChoice.Trip> trips,
                            List<PoliceUnit> units, Parameters p) {
        int provinces = inflow.length;
        double expiry = p.getCaseExpiryDays();
        // Each gang of a kind sells an equal share of its kind's victims (as the start assigns them).
        double[] kindSales = new double[2]; // [woman, child]
        for (double[] row : inflow) {
            for (VictimType t : VictimType.values()) {
                kindSales[t.isChild() ? 1 : 0] += row[t.ordinal()];
            }
        }
        int[] kindGangs = new int[2];
        for (Gang g : gangs) {
            kindGangs[g.childSpecialist() ? 1 : 0]++;
        }
        // Reports kept a day, by the province where they are made: what investigators work on.
        double[] reportsPerDay = new double[provinces];
        double[] keptPerSale = new double[gangs.size()];
        int[] source = new int[gangs.size()];
        double childReported = 0;
        for (int k = 0; k < gangs.size(); k++) {
            Gang g = gangs.get(k);
            int kind = kindOf(g);
            TripChoice.Trip trip = trips.get(g);
            if (trip != null && (trip.type().isChild() ? 1 : 0) != kind) {
                trip = null;
            }
            boolean child = kind == 1;
            double reg = child ? p.getChildRegistration() : p.getWomanRegistration();
            double kept = reg + (1 - reg) * p.getInquiryProbability();
            double reported = reportProbability(trip, child, p);
            keptPerSale[k] = reported * kept;
            childReported += child ? reported / kindGangs[1] : 0;
            source[k] = trip != null ? trip.source() : g.home();
            double sales = kindSales[kind] / Math.max(1, kindGangs[kind]);
            reportsPerDay[source[k]] += sales * keptPerSale[k] / 365.0;
        }
        double[] solved = new double[provinces];
        for (PoliceUnit u : units) {
            int i = u.province();
            double capacity = u.investigators(p) * p.getInvestigationEfficiency();
            double h = SettledStart.solvingHazard(reportsPerDay[i], capacity, p.getMinCaseDays(), expiry);
            solved[i] = p.getCaseLeadShare() * -Math.expm1(-h * expiry);
        }
        // Tips, solved where the victim was sold; averaged over sales for the chance a sale leads to a bust.
        double[] tip = new double[provinces];
        double tipMean = 0;
        double all = 0;
        for (int i = 0; i < provinces; i++) {
            tip[i] = p.isTipsEnabled() ? p.getTipsReach() * solved[i] : 0;
            for (VictimType t : VictimType.values()) {
                tipMean += tip[i] * inflow[i][t.ordinal()];
                all += inflow[i][t.ordinal()];
            }
        }
        tipMean = all > 0 ? tipMean / all : 0;
        // Per kind, the mean over its gangs of the chance that a sale is rescued, by buyer province.
        double[][] phi = new double[provinces][2];
        for (int k = 0; k < gangs.size(); k++) {
            int kind = kindOf(gangs.get(k));
            double report = keptPerSale[k] * solved[source[k]];
            double bust = (report + tipMean) * p.getBustProbability();
            double traced = p.getTraceSoldProbability() * -Math.expm1(p.getTraceDepth() * Math.log1p(-Math.min(1, bust)));
            for (int i = 0; i < provinces; i++) {
                phi[i][kind] += 1 - (1 - report) * (1 - tip[i]) * (1 - traced);
            }
        }
        for (int i = 0; i < provinces; i++) {
            double[] mean = new double[2];
            for (int kind = 0; kind < 2; kind++) {
                mean[kind] = kindGangs[kind] > 0 ? phi[i][kind] / kindGangs[kind] : Double.NaN;
            }
            for (int kind = 0; kind < 2; kind++) {
                // A kind with no gang in play: its victims are sold by the other kind's gangs (as the
                // start assigns them), so they share that kind's chance.
                phi[i][kind] = !Double.isNaN(mean[kind]) ? mean[kind] : Double.isNaN(mean[1 - kind]) ? 0 : mean[1 - kind];
            }
        }
        // Hazards per held victim: the case-driven rescues as a constant hazard, then search and DNA.
        double[][] byType = new double[provinces][VictimType.values().length];
        double[] held = new double[provinces];
        double[] heldChildren = new double[provinces];
        for (int i = 0; i < provinces; i++) {
            for (VictimType t : VictimType.values()) {
                double mu = otherExits(t, p);
                double findable = findableYears(t, p);
                double rho = hazardFor(phi[i][t.isChild() ? 1 : 0], mu, findable);
                byType[i][t.ordinal()] = rho;
                double stock = inflow[i][t.ordinal()] * stay(mu + rho, findable);
                held[i] += stock;
                heldChildren[i] += t.isChild() ? stock : 0;
            }
        }
        for (PoliceUnit u : units) {
            int i = u.province();
            if (held[i] <= 0) {
                continue;
            }
            double search = searchHazard(u.buyerOfficers(p), p.getBuyerSearchEfficiency(), held[i], p);
            double dna = 0;
            if (p.isDnaEnabled()) {
                // Only children whose parents gave a sample can be matched.
                double sampledShare = (kindGangs[1] > 0 ? childReported : p.getChildReportProbability())
                        * p.getParentSampleProbability();
                dna = sampledShare * searchHazard(u.dnaOfficers(p), p.getDnaSearchEfficiency(),
                        heldChildren[i] * sampledShare, p);
            }
            for (VictimType t : VictimType.values()) {
                byType[i][t.ordinal()] += search + (t.isChild() ? dna : 0);
            }
        }
        // What buyers perceive: rescues over the stock, half local, half national.
        double[] local = new double[provinces];
        double rescues = 0;
        double stock = 0;
        for (int i = 0; i < provinces; i++) {
            double r = 0;
            double s = 0;
            for (VictimType t : VictimType.values()) {
                double st = inflow[i][t.ordinal()] * stay(otherExits(t, p) + byType[i][t.ordinal()], findableYears(t, p));
                r += byType[i][t.ordinal()] * st;
                s += st;
            }
            local[i] = s > 0 ? r / s : 0;
            rescues += r;
            stock += s;
        }
        double national = stock > 0 ? rescues / stock : 0;
        double[] perceived = new double[provinces];
        for (int i = 0; i < provinces; i++) {
            perceived[i] = 0.5 * (held[i] > 0 ? local[i] : national) + 0.5 * national;
        }
        return new Hazards(byType, perceived, national);
    }

    /** 0 for a women's gang, 1 for a children's. */
    private static int kindOf(Gang g) {
        return g.childSpecialist() ? 1 : 0;
    }

    /** Chance that a sale made on this trip was reported by the family (the start's rule without a trip). */
    private static double reportProbability(TripChoice.Trip trip, boolean child, Parameters p) {
        if (trip == null) {
            return child ? (1 - SettledStart.PARENTS_SALE_SHARE) * p.getChildReportProbability()
                    : p.getWomanReportProbability();
        }
        if (trip.method() == AcquisitionMethod.ABDUCTION) {
            return p.getChildReportProbability();
        }
        return trip.method() == AcquisitionMethod.DECEPTION ? p.getWomanReportProbability() : 0;
    }

    /** Yearly hazard of leaving a buyer other than by rescue: escape (women), release, death. */
    static double otherExits(VictimType t, Parameters p) {
        return (t.isChild() ? 0 : p.getHeldEscapeRate()) + p.getHeldReleaseRate() + p.getHeldDeathRate();
    }

    /** Years after the sale a held victim can be found (children grow up out of it). */
    static double findableYears(VictimType t, Parameters p) {
        return t.isChild() ? p.getHeldChildFindableYears() : Double.POSITIVE_INFINITY;
    }

    /** Mean years a victim stays with the buyer at total exit hazard mu: E[min(Exp(mu), T)]. */
    static double stay(double mu, double findable) {
        return mu > 0 ? -Math.expm1(-mu * findable) / mu : findable;
    }

    /**
     * The constant hazard rho at which the stock is (1 - phi) of what the other exits alone
     * leave: stay(mu + rho, T) = (1 - phi) stay(mu, T); by bisection (stay falls with the hazard).
     */
    static double hazardFor(double phi, double mu, double findable) {
        if (phi <= 0) {
            return 0;
        }
        double base = stay(mu, findable);
        if (!(base < Double.POSITIVE_INFINITY)) {
            return 0; // no other exit: the stock has no steady state to thin
        }
        double target = (1 - Math.min(phi, 0.999)) * base;
        double lo = 0;
        double hi = 1;
        while (stay(mu + hi, findable) > target) {
            hi *= 2;
        }
        for (int k = 0; k < 60; k++) {
            double mid = 0.5 * (lo + hi);
            if (stay(mu + mid, findable) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Yearly finds per victim by officers searching a stock (Enforcement's saturating rate, per victim). */
    private static double searchHazard(double officers, double perOfficerYear, double held, Parameters p) {
        if (held <= 0 || officers <= 0) {
            return 0;
        }
        return officers * perOfficerYear / (held + p.getSearchSaturation() * officers);
    }
}
