package org.crackdown.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Buyer;
import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.model.TraffickingModel;
import org.crackdown.trade.Sourcing;
import org.crackdown.trade.TripChoice;

import ec.util.MersenneTwisterFast;

/**
 * Starts the slow stocks of enforcement near the steady state that the model's own rates imply,
 * instead of empty ({@code init.settled_stocks}): the trade did not begin on the first day of the
 * run, so victims already live with buyers, gangs remember their recent sales, and police have
 * open cases. Without this, every run spends its first years filling these stocks, and rescues
 * climb from near zero.
 *
 * <ul>
 * <li><b>Families open to selling.</b> The poor families who had a newborn within
 * {@code families.sale_window_days} before the run and would sell it are open to brokers' offers
 * on the first day ({@code RuralFamilies.settle}). Without them the start's gangs found no child
 * to buy and planned abductions (until session 7: 83 of 192 children's gangs at scale 0.1,
 * against about one child in twenty abducted once the run is going).</li>
 * <li><b>Buyers' perceived risk and the inflow.</b> The yearly inflow into buyers' households of
 * each province and victim type is the buyers that would enter over a year at the starting
 * prices and perceived risks ({@code Demand.yearlyBuyers}: the trade is demand-led, nearly every
 * buyer who enters is served). The perceived risks are those of the steady state this inflow and
 * the start's enforcement imply ({@link SteadyRecovery}: the rescue hazard of a held victim, and
 * prosecution as {@code buyers.prosecution_probability} of it), and the inflow depends on them:
 * both are iterated from zero risk ({@link #RISK_ITERATIONS} times). Until session 7 buyers
 * started at zero perceived risk: about twice the inflow of the running model, and a held stock
 * that drained for decades.</li>
 * <li><b>Victims held by buyers.</b> With constant exit hazard mu ({@code held.*} rates plus the
 * rescue hazard above) and, for children, the findable period T, the steady stock is inflow x
 * E[min(Exp(mu), T)], and a held victim's time since sale has density proportional to
 * exp(-mu a) on [0, T). Each is drawn so, with the exits other than rescue still ahead.</li>
 * <li><b>The market's flows.</b> The averaged flows of buyers entering and of victims brought
 * for sale start at the inflow, a day's worth, in balance at the starting price: traders see
 * buyers from the first day instead of an empty market for weeks.</li>
 * <li><b>Gangs' ledgers.</b> Each past sale is attributed to a gang in play of the victim's
 * specialisation, at random, oldest first, so each ledger keeps its latest
 * {@code police.trace_depth} sales. The victim was obtained as that gang would obtain one now:
 * the method and source province of the trip it chooses at the start (its own plan,
 * {@code TripChoice}, asked per gang), a cross-border victim from a trade-border country
 * next to the source. Where the gang finds no trip worth making, the older rule stands: origin
 * its home, a child sold by its parents with the published share {@link #PARENTS_SALE_SHARE},
 * else abducted; a woman deceived. (Until session 6 every child was drawn so, 62.5% abducted and
 * reported, while the running model's gangs abduct about one child in twenty and bring most from
 * across the border or from parents: the start opened about four times the cases of the
 * following years.)</li>
 * <li><b>Open cases.</b> An abducted child or deceived woman was reported with the
 * {@code families.*_report_probability}; a report younger than {@code police.case_expiry_days}
 * is still open if investigation has not solved it: with reports R a day worked in a province
 * and capacity C, the daily solving hazard h solves N = R (1 - e^(-hE)) / h, h = C / (N + C m)
 * (the case book's own rule), and a report of age a is open with chance e^(-ha). Registration,
 * inquiry and merging are drawn as for a new report.</li>
 * <li><b>Beliefs.</b> Traffickers' perceived share of reports solved starts at the share this
 * implies; their beliefs about patrol risk already start at the true hazard.</li>
 * </ul>
 */
public final class SettledStart {

    /** Share of bought children sold by their own parents (china-facts.md s4: 35-40% of child cases). */
    static final double PARENTS_SALE_SHARE = 0.375;

    private SettledStart() {
    }

    /**
     * What a settled start put in place: victims held by buyers (and how each was obtained, by
     * {@link AcquisitionMethod} ordinal), ledger entries, open cases; the yearly inflow into
     * buyers' households at each iteration of inflow and perceived risk (the last is the one the
     * stocks were built from), and the national rescue hazard of a held victim it assumed
     * (rescues over the stock).
     */
    public record Stocks(int held, int[] heldByMethod, int ledgerEntries, int openCases, double[] inflows,
                         double rescueHazard) implements java.io.Serializable {
        /** The lowest id given to a victim of the start (one per past sale, counting down from -1). */
        public long lowestVictimId() {
            long sales = 0;
            for (int n : heldByMethod) {
                sales += n;
            }
            return -sales;
        }
    }

    private record PastSale(int province, VictimType type, int daysAgo) {
    }

    private record PastReport(int province, boolean child, Gang gang, Victim victim, int daysAgo, double worked) {
    }

    /**
     * Fills the stocks of a model that has just been started (police allocated, initial gangs
     * formed). {@code yearlyBuyers} gives the victims a year that would go into buyers' households
     * (province x victim type) at the market's current prices and perceived risks.
     */
    public static Stocks settle(TraffickingModel m, java.util.function.Supplier<double[][]> yearlyBuyers,
                                List<Gang> gangs, Parameters p, MersenneTwisterFast r) {
        // Each gang's usual trip: its own plan at the starting prices and risks (the model's own
        // choice of method and source; asked per gang, not per past sale, which would cost a plan
        // each), at the first iteration and again at the last, once the market's flows are near
        // settled.
        java.util.Map<Gang, TripChoice.Trip> usualTrips = new java.util.IdentityHashMap<>();
        // The inflow depends on the risks buyers perceive, and the risks on the stock the inflow
        // builds: a fixed point, reached by iterating from zero risk.
        m.families().settle(m.year(), p, r);
        SteadyRecovery.Hazards hazards = null;
        double[][] inflow = null;
        double[] inflows = new double[RISK_ITERATIONS];
        for (int k = 0; k < RISK_ITERATIONS; k++) {
            for (int i = 0; i < m.network().size(); i++) {
                double rho = hazards == null ? 0 : hazards.perceived()[i];
                m.market().startRisk(i, rho, rho * p.getProsecutionProbability());
            }
            inflow = yearlyBuyers.get();
            for (double[] row : inflow) {
                for (double x : row) {
                    inflows[k] += x;
                }
            }
            // The market as the inflow implies, so gangs can see where buyers are.
            for (int i = 0; i < inflow.length; i++) {
                for (VictimType t : VictimType.values()) {
                    m.market().startFlows(i, t, inflow[i][t.ordinal()] / 365, p);
                }
            }
            if (k == 0 || k == RISK_ITERATIONS - 1) {
                // Asked again once the market is near its settled flows.
                for (Gang g : gangs) {
                    usualTrips.put(g, TripChoice.best(g, m.prospects(), p, r)); // null: none worth making
                }
            }
            hazards = SteadyRecovery.estimate(inflow, gangs, usualTrips, m.police().units(), p);
        }
        return settle(m, inflow, hazards, usualTrips, gangs, p, r, inflows);
    }

    /**
     * Iterations of inflow and perceived risk from zero risk. The inflow falls by about half from
     * the first to the second and then moves by a few percent (SettledStartTest checks that the
     * last two agree).
     */
    static final int RISK_ITERATIONS = 4;

    private static Stocks settle(TraffickingModel m, double[][] inflow, SteadyRecovery.Hazards hazards,
                                 java.util.Map<Gang, TripChoice.Trip> usualTrips, List<Gang> gangs, Parameters p,
                                 MersenneTwisterFast r, double[] inflows) {
        Enforcement enf = m.enforcement();
        for (int i = 0; i < inflow.length; i++) {
            double rho = hazards.perceived()[i];
            m.market().startRisk(i, rho, rho * p.getProsecutionProbability());
        }
        // Oldest first, so ledgers end with the latest sales and merges go to the oldest case.
        List<PastSale> sales = oldestFirst(pastSales(inflow, hazards.byType(), p, r));
        List<Gang> women = new ArrayList<>();
        List<Gang> children = new ArrayList<>();
        for (Gang g : gangs) {
            (g.childSpecialist() ? children : women).add(g);
        }
        List<PastReport> reports = new ArrayList<>();
        int[] byMethod = new int[AcquisitionMethod.values().length];
        int ledger = 0;
        long id = 0;
        for (PastSale s : sales) {
            id--;
            boolean child = s.type().isChild();
            List<Gang> pool = child ? children : women;
            if (pool.isEmpty()) {
                pool = gangs;
            }
            Gang seller = pool.isEmpty() ? null : pool.get(r.nextInt(pool.size()));
            TripChoice.Trip usual = seller == null ? null : usualTrips.get(seller);
            if (usual != null && usual.type().isChild() != child) {
                usual = null; // a gang of the other kind stood in (none of this kind in play)
            }
            int origin;
            AcquisitionMethod method;
            String originLabel;
            if (usual != null) {
                // The way and the place the seller gets victims now: its past sales were made so.
                method = usual.method();
                origin = usual.source();
                originLabel = method == AcquisitionMethod.CROSS_BORDER
                        ? Sourcing.foreignCountry(m.network().get(origin), r) : m.network().get(origin).code();
            } else {
                // No gang, or none that finds a trip worth making at the starting prices.
                origin = seller != null ? seller.home() : s.province();
                method = !child ? AcquisitionMethod.DECEPTION
                        : r.nextDouble() < PARENTS_SALE_SHARE ? AcquisitionMethod.PURCHASE : AcquisitionMethod.ABDUCTION;
                originLabel = m.network().get(origin).code();
            }
            boolean reported = reportedByFamily(method, p, r);
            Victim v = holdPastSale(enf, id, s.type(), origin, originLabel, method, reported, s.province(), 0,
                    s.daysAgo(), p, r);
            byMethod[method.ordinal()]++;
            if (seller != null) {
                seller.rememberPastSale(v, p.getTraceDepth());
                ledger++;
            }
            if (reported && s.daysAgo() < p.getCaseExpiryDays()) {
                double reg = child ? p.getChildRegistration() : p.getWomanRegistration();
                reports.add(new PastReport(origin, child, seller, v, s.daysAgo(), reg + (1 - reg) * p.getInquiryProbability()));
            }
        }
        int open = openCases(enf, reports, m.police().units(), p, r);
        int held = 0;
        for (int i = 0; i < inflow.length; i++) {
            held += enf.heldByBuyers(i);
        }
        return new Stocks(held, byMethod, ledger, open, inflows, hazards.national());
    }

    /** Whether the family reported the abduction or deception (sales by parents and across the border are not). */
    static boolean reportedByFamily(AcquisitionMethod method, Parameters p, MersenneTwisterFast r) {
        return switch (method) {
            case ABDUCTION -> r.nextDouble() < p.getChildReportProbability();
            case DECEPTION -> r.nextDouble() < p.getWomanReportProbability();
            default -> false;
        };
    }

    /**
     * A victim sold to a household of {@code province} {@code daysAgo} days before day {@code today}
     * of the agents' clock, held there from now on with its exits still ahead; a reported child's
     * parents gave a DNA sample if the database was running.
     */
    static Victim holdPastSale(Enforcement enf, long id, VictimType type, int origin, String originLabel,
                               AcquisitionMethod method, boolean reported, int province, int today, int daysAgo,
                               Parameters p, MersenneTwisterFast r) {
        boolean child = type.isChild();
        boolean sampled = reported && child && p.isDnaEnabled() && r.nextDouble() < p.getParentSampleProbability();
        Victim v = new Victim(id, type, origin, originLabel, method, today - daysAgo, sampled);
        v.soldTo(new Buyer(id, child ? Buyer.Kind.CHILD_SEEKER : Buyer.Kind.BRIDE_SEEKER, province,
                new double[VictimType.values().length], 0));
        enf.holdSince(v, daysAgo, p, r);
        return v;
    }

    /**
     * The sales oldest first, equal ages in the order drawn: what a stable sort by days ago,
     * reversed, gives, but by counting the sales of each age (millions of them at national scale).
     */
    private static List<PastSale> oldestFirst(List<PastSale> sales) {
        int oldest = Integer.MIN_VALUE;
        int youngest = Integer.MAX_VALUE;
        for (PastSale s : sales) {
            oldest = Math.max(oldest, s.daysAgo());
            youngest = Math.min(youngest, s.daysAgo());
        }
        if (sales.isEmpty() || (long) oldest - youngest > 4L * sales.size() + 100_000) {
            List<PastSale> sorted = new ArrayList<>(sales); // few, or a few very old: counting would not pay
            sorted.sort(Comparator.comparingInt(PastSale::daysAgo).reversed());
            return sorted;
        }
        int[] start = new int[oldest - youngest + 2];
        for (PastSale s : sales) {
            start[oldest - s.daysAgo() + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        PastSale[] out = new PastSale[sales.size()];
        for (PastSale s : sales) {
            out[start[oldest - s.daysAgo()]++] = s;
        }
        return java.util.Arrays.asList(out);
    }

    /** The victims living with buyers at the start, each with the days since its sale. */
    private static List<PastSale> pastSales(double[][] inflow, double[][] rescue, Parameters p, MersenneTwisterFast r) {
        List<PastSale> out = new ArrayList<>();
        for (int i = 0; i < inflow.length; i++) {
            for (VictimType t : VictimType.values()) {
                boolean child = t.isChild();
                // Every exit, rescue included (at the steady hazard the start's enforcement implies).
                double mu = SteadyRecovery.otherExits(t, p) + rescue[i][t.ordinal()];
                double findable = SteadyRecovery.findableYears(t, p);
                double stay = SteadyRecovery.stay(mu, findable); // mean years a victim stays: E[min(Exp(mu), T)]
                if (!(stay < Double.POSITIVE_INFINITY) || inflow[i][t.ordinal()] <= 0) {
                    continue; // no exit at all: no steady state to start from
                }
                int n = Rng.poisson(r, inflow[i][t.ordinal()] * stay);
                for (int k = 0; k < n; k++) {
                    double u = r.nextDouble();
                    double years = mu > 0 ? -Math.log1p(u * Math.expm1(-mu * findable)) / mu : u * findable;
                    out.add(new PastSale(i, t, (int) Math.floor(years * 365)));
                }
            }
        }
        return out;
    }

    /**
     * Opens the past reports still open today, province by province at the solving hazard of the
     * case book's steady state; returns how many cases are open.
     */
    private static int openCases(Enforcement enf, List<PastReport> reports, List<PoliceUnit> units, Parameters p,
                                 MersenneTwisterFast r) {
        int provinces = units.size();
        double expiry = p.getCaseExpiryDays();
        double[] worked = new double[provinces];
        for (PastReport c : reports) {
            worked[c.province()] += c.worked();
        }
        double[] hazard = new double[provinces];
        for (PoliceUnit u : units) {
            int i = u.province();
            double capacity = u.investigators(p) * p.getInvestigationEfficiency();
            hazard[i] = solvingHazard(worked[i] / expiry, capacity, p.getMinCaseDays(), expiry);
        }
        CaseBook book = enf.cases();
        double solvedShare = 0;
        double leads = p.getCaseLeadShare();
        for (PastReport c : reports) {
            double h = hazard[c.province()];
            solvedShare += c.worked() * leads * -Math.expm1(-h * expiry);
            boolean trail = Enforcement.drawTrail(p, r);
            boolean taken = r.nextDouble() >= Math.exp(-h * c.daysAgo());
            if (trail && taken) {
                continue; // solved already (its victim would have been traced: a small overestimate of the stock)
            }
            Case known = c.gang() == null ? null : book.oldestCaseAgainst(c.gang());
            if (known != null && r.nextDouble() < p.getMergeProbability()) {
                book.merge(known, c.victim());
                continue;
            }
            double reg = c.child() ? p.getChildRegistration() : p.getWomanRegistration();
            boolean registered = r.nextDouble() < reg;
            if (!registered && r.nextDouble() >= p.getInquiryProbability()) {
                continue;
            }
            Case opened = book.open(Case.Kind.MISSING_REPORT, c.province(), c.child(), c.gang(), c.victim(), -c.daysAgo());
            if (!registered) {
                opened.unregistered();
            }
            if (!trail) {
                opened.noTrail();
                if (taken) {
                    book.shelve(opened); // looked at, found without a trail, set aside
                }
            }
        }
        if (!reports.isEmpty()) {
            enf.startClearance(solvedShare / reports.size());
        }
        int open = 0;
        for (int i = 0; i < provinces; i++) {
            open += book.openCases(i);
        }
        return open;
    }

    /**
     * The daily chance that investigators take up a case in a province at steady state: with R
     * reports a day worked, capacity C and the shortest case m days, cases on the desk
     * N = R (1 - e^(-hE)) / h and h = C / (N + C m); iterated from h = 1/m (a contraction: N falls
     * as h rises). A case taken up is solved if it has a trail and shelved if not, so the desk
     * holds the same cases either way.
     */
    static double solvingHazard(double reportsPerDay, double capacity, double minCaseDays, double expiry) {
        if (capacity <= 0) {
            return 0;
        }
        double h = 1 / minCaseDays;
        for (int k = 0; k < 200; k++) {
            double n = reportsPerDay * -Math.expm1(-h * expiry) / h;
            double next = capacity / (n + capacity * minCaseDays);
            if (Math.abs(next - h) < 1e-12) {
                return next;
            }
            h = 0.5 * (h + next);
        }
        return h;
    }
}
