package org.crackdown.trade;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.crackdown.space.Routes;

import ec.util.MersenneTwisterFast;

/**
 * The trip an idle gang sets out on, if any (docs/ODD.md, "Gang trip"): of every option — source
 * province (home or a neighbour) x victim type of its specialism x method it uses x destination — the one
 * of highest misjudged value (expected sale - acquisition cost - police risk - getting to the source
 * - the cheapest risk-priced route from source to destination) x exp(gangs.plan_noise x N(0,1)),
 * if that is positive. One noise factor is drawn, in the order source, type, method, destination,
 * per option that pays on the cheapest conceivable route (a day where it starts, then the fewest
 * days of travel to the destination at the least day cost anywhere: {@link Prospects#routeFloor})
 * and, while no option has been chosen, on its cheapest route; the others cannot come out positive
 * whatever their factor, and draw none.
 *
 * <p>A gang weighs ~400 options per plan and plans often, so most of the work is ruling options out
 * exactly, without changing which one wins or which numbers are drawn (issue 9; the brute-force
 * version of this rule is in TripChoiceTest): a whole (source, type, method) is skipped when even
 * the best sale anywhere less its cheapest acquisition cannot pay, or when a bound of its sale -
 * cost - route floor kept for the day says none of its destinations can
 * ({@link Prospects#rowCannotPay}); and routes are searched only as far as the options still in
 * the running need.
 */
public final class TripChoice {

    private TripChoice() {
    }

    private static final VictimType[] TYPES = VictimType.values();
    private static final AcquisitionMethod[] METHODS = AcquisitionMethod.values();

    /** Where a gang goes for what victim, obtained how, to be sold where. */
    public record Trip(VictimType type, AcquisitionMethod method, int source, int destination) {
    }

    /** The trip gang g chooses now, or null when nothing is worth doing. */
    public static Trip best(Gang g, Prospects outlook, Parameters p, MersenneTwisterFast r) {
        double sigma = p.getPlanNoise();
        double aversion = outlook.riskAversion(g);
        // Route costs are needed only for an option that could beat the best plan so far; every
        // route costs at least a day where it starts, so most options are ruled out without them,
        // and the search of routes goes only as far as the options still in the running need.
        // Its frontier bounds the cost of every route not yet found only when no day cost is
        // negative (cheapest is then finite).
        double[] dayCost = outlook.planDayCosts(g);
        int provinces = dayCost.length;
        double leastDayCost = Double.POSITIVE_INFINITY;
        for (double c : dayCost) {
            leastDayCost = Math.min(leastDayCost, c);
        }
        double best = 0;
        // The best option so far, made a Trip only at the end (it changes often in a plan).
        VictimType chosenType = null;
        AcquisitionMethod chosenMethod = null;
        int chosenSource = -1;
        int chosenDestination = -1;
        VictimType[] types = TYPES;
        // What does not change while a plan is made, read once per plan rather than per source
        // or per row: the expected sales of the gang's types (shared with the plans before and
        // after this one while nothing changes; nothing a plan does changes them before it ends)
        // and the price the gang puts on the busts each method draws.
        // (In scratch arrays of the model's outlook: fresh ones each plan were a fifth of the
        // memory a national run allocated, session 12.)
        Prospects.PlanScratch scratch = outlook.planScratch();
        double[][] saleOf = scratch.saleOf;
        double[] bestSaleOf = scratch.bestSaleOf;
        for (VictimType t : types) {
            if (t.isChild() == g.childSpecialist()) {
                saleOf[t.ordinal()] = outlook.expectedSales(t);
                bestSaleOf[t.ordinal()] = outlook.bestExpectedSale(t);
            }
        }
        double[] bustCost = scratch.bustCost;
        for (AcquisitionMethod m : METHODS) {
            bustCost[m.ordinal()] = aversion * outlook.bustsPerVictim(m);
        }
        // Whether any day cost is negative is the same for every source (see cheapestRoute).
        boolean nonNegative = Prospects.cheapestRoute(dayCost, 0) != Double.NEGATIVE_INFINITY;
        for (int s : outlook.sourcesFrom(g.home())) {
            // Getting there costs running days; without victims the trip draws no police risk.
            double reach = outlook.travelDays(g.home(), s) * outlook.tripCostPerDay();
            double cheapest = nonNegative ? dayCost[s] : Double.NEGATIVE_INFINITY;
            boolean bounded = cheapest != Double.NEGATIVE_INFINITY;
            // The fewest days from s to each destination, for the route floors (see routeFloor),
            // worked out only where a row's option is still in the running; none when unbounded
            // or the days were counted at another speed.
            double[] floorDays = bounded ? outlook.floorDays(s) : null;
            double startDayCost = dayCost[s];
            Routes.Search routes = null;
            for (VictimType t : types) {
                if (t.isChild() != g.childSpecialist()) {
                    continue;
                }
                double[] sale = saleOf[t.ordinal()];
                double bestSale = bestSaleOf[t.ordinal()];
                for (AcquisitionMethod m : AcquisitionMethod.methodsFor(t)) {
                    if (!g.uses(m) || !outlook.available(s, t, m)) {
                        continue;
                    }
                    double risk = bustCost[m.ordinal()] + reach;
                    // No destination can beat the best sale anywhere less the cheapest way to get
                    // a victim here (IEEE subtraction is monotone, so this bounds every gross -
                    // cheapest below): if even that is not positive, none of these options would
                    // draw a noise factor or win, and they are skipped together.
                    int row = outlook.row(s, t, m);
                    if (bestSale - outlook.cheapestAcquisition(row) - risk - cheapest <= 0) {
                        continue;
                    }
                    // Nor can any when the row's per-day bound of sale - cost - route floor says
                    // so (see Prospects.rowCannotPay): the tight pass below would mark none.
                    if (floorDays != null && outlook.rowCannotPay(row, risk, startDayCost, leastDayCost)) {
                        continue;
                    }
                    double[] acquisition = outlook.acquisitionCosts(row);
                    // Destinations in blocks of 64, in order: a first tight pass marks those worth
                    // a closer look (it only reads, so the draws and their order are unchanged).
                    for (int base = 0; base < provinces; base += 64) {
                        long marked = floorDays == null
                                ? worthALook(sale, acquisition, risk, cheapest, base, Math.min(provinces, base + 64))
                                : worthALook(sale, acquisition, risk, cheapest, startDayCost, floorDays, leastDayCost,
                                        base, Math.min(provinces, base + 64));
                        for (long bits = marked; bits != 0; bits &= bits - 1) {
                            int d = base + Long.numberOfTrailingZeros(bits);
                            double gross = sale[d] - acquisition[d] - risk;
                            // Options that cannot pay on any route they can take never win, whatever
                            // their factor, so they draw none: not those that do not pay even on the
                            // route floor (the fewest days of travel at the least day cost), and,
                            // while nothing has been chosen (when a factor could not rule an option
                            // out before its route is known anyway), not those that do not pay on
                            // their route. The options that can win draw independent factors as
                            // before, so the chosen trip is distributed as before; which numbers are
                            // drawn is not (about 40% fewer draws).
                            // (Options that do not pay on the floor are not marked when there is one.)
                            double floor = !bounded ? cheapest
                                    : floorDays != null ? Prospects.routeFloor(startDayCost, floorDays[d], leastDayCost)
                                    : outlook.routeFloor(startDayCost, leastDayCost, s, d);
                            if (gross - floor <= 0) {
                                continue;
                            }
                            if (best == 0) {
                                if (routes == null) {
                                    routes = outlook.routeSearch(dayCost, s);
                                }
                                while (!routes.settled(d) && (!bounded || gross - routes.bound(d) > 0)
                                        && routes.settleNext()) {
                                    // settling
                                }
                                if (!routes.settled(d) || !(gross - routes.cost(d) > 0)) {
                                    continue;
                                }
                            }
                            double exponent = sigma * r.nextGaussian();
                            // The factor (an exp) is worked out only when a comparison needs it
                            // (see beats; NaN: not known yet), or when the shortcuts are not safe.
                            double noise = !(Math.abs(exponent) < 40) ? Math.exp(exponent) : Double.NaN;
                            // (gross - route) * noise <= (gross - cheapest) * noise: exact skip.
                            if (!beats(gross - cheapest, noise, exponent, best)) {
                                continue;
                            }
                            // Nor can a route beat the days it takes at the cheapest day cost
                            // anywhere: ruled out before any search when that is too dear already.
                            if (bounded && !beats(gross - floor, noise, exponent, best)) {
                                continue;
                            }
                            if (routes == null) {
                                routes = outlook.routeSearch(dayCost, s);
                            }
                            // Settle provinces until d's route is known, or until every route not
                            // yet known costs too much for d to beat best: (gross - route) * noise
                            // <= (gross - frontier) * noise <= best, the same exact skip.
                            while (!routes.settled(d)
                                    && (!bounded || beats(gross - routes.bound(d), noise, exponent, best))
                                    && routes.settleNext()) {
                                // settling
                            }
                            if (!routes.settled(d)) {
                                continue; // cannot win, or cannot be reached (an infinite cost)
                            }
                            double margin = gross - routes.cost(d);
                            if (!beats(margin, noise, exponent, best)) {
                                continue;
                            }
                            double value = margin * (Double.isNaN(noise) ? Math.exp(exponent) : noise);
                            if (value > best) {
                                best = value;
                                chosenType = t;
                                chosenMethod = m;
                                chosenSource = s;
                                chosenDestination = d;
                            }
                        }
                    }
                }
            }
        }
        return chosenType == null ? null : new Trip(chosenType, chosenMethod, chosenSource, chosenDestination);
    }

    /**
     * The destinations d in [from, to) (bit d - from) whose option could pay on the cheapest
     * route: one can be had (its cost is not NaN), and its value sale - cost - risk is not shown to
     * be unpaying even at the cheapest route cost (a NaN value is not ruled out here, as before).
     * The misjudgement factor is positive, so an option not marked cannot beat best (>= 0) and
     * draws no factor. Most options of most plans end here, so this loop is kept apart, tight.
     */
    private static long worthALook(double[] sale, double[] acquisition, double risk, double cheapest, int from, int to) {
        long marked = 0;
        for (int d = from; d < to; d++) {
            double cost = acquisition[d];
            if (!Double.isNaN(cost) && !(sale[d] - cost - risk - cheapest <= 0)) {
                marked |= 1L << (d - from);
            }
        }
        return marked;
    }

    /**
     * As {@link #worthALook} above, also leaving out the destinations whose option does not pay
     * on its route floor ({@link Prospects#routeFloor} with the fewest days from the source): the
     * same test the option loop would make next, moved into the tight loop (most candidates fail
     * it); a NaN value is still not ruled out. The floor is worked out only for the destinations
     * still in the running, here and again in the option loop (the same arithmetic, so the same
     * value), instead of for every destination of a source into an array (session 12).
     */
    private static long worthALook(double[] sale, double[] acquisition, double risk, double cheapest,
                                   double startDayCost, double[] floorDays, double leastDayCost, int from, int to) {
        // Without branches (the tests joined with &, a bit set from the outcome): which options
        // pass is as unpredictable as the market, so a branch on it mispredicts often (issue 9,
        // session 31: the bench's CPU a national year fell by a few percent with this, about its
        // noise). The floor is worked out for every destination; for one without a cost it is
        // unused, as before.
        long marked = 0;
        for (int d = from; d < to; d++) {
            double cost = acquisition[d];
            double gross = sale[d] - cost - risk;
            boolean worth = (cost == cost) // not NaN
                    & !(gross - cheapest <= 0)
                    & !(gross - Prospects.routeFloor(startDayCost, floorDays[d], leastDayCost) <= 0);
            marked |= (worth ? 1L : 0L) << (d - from);
        }
        return marked;
    }

    /**
     * Whether x * exp(exponent) > best, the misjudged value of a margin x against the best so
     * far (never negative), exactly as that product would compare; {@code noise} is exp(exponent)
     * when already worked out, NaN when |exponent| < 40 and it is not. Most comparisons are
     * settled without the exp. While best is 0: the factor is between e^-40 and e^40, so for x
     * above 1e-290 the product is positive (no underflow to 0) and beats 0, and for x not above 0
     * (or NaN) it does not. Once best is positive: 1 + y <= e^y <= 1 / (1 - y) (y < 1), so the
     * product clearly above or below best on those bounds (by a relative 1e-12, far above the
     * rounding of either side) compares the same as the product itself.
     */
    private static boolean beats(double x, double noise, double exponent, double best) {
        if (!Double.isNaN(noise)) {
            return x * noise > best;
        }
        if (best == 0 && x > 1e-290) {
            return true;
        }
        if (!(x > 0)) {
            return false;
        }
        if (best > 0) {
            if (x * (1 + exponent) > best * (1 + 1e-12)) {
                return true;
            }
            if (exponent < 1 && x / (1 - exponent) < best * (1 - 1e-12)) {
                return false;
            }
        }
        return x * Math.exp(exponent) > best;
    }
}
