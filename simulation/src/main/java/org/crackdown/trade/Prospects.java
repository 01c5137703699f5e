package org.crackdown.trade;

import java.util.Arrays;
import java.util.List;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.RuralFamilies;
import org.crackdown.agent.VictimType;
import org.crackdown.market.Market;
import org.crackdown.model.Demography;
import org.crackdown.model.Parameters;
import org.crackdown.policy.Enforcement;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.Routes;

/**
 * What a gang can know of the trade when it weighs a trip: how easily victims are obtained where,
 * at what cost and police attention, what they fetch where, and what the roads between cost once
 * the risk it believes lies on them is priced in (docs/ODD.md, "Gang trip").
 *
 * <p>The acquisition side of every option (source province, victim type, method, destination) is
 * worked out once a day, from the going rates and the families open to selling as they stand when
 * the first gang of the day asks, and shared by every gang that plans that day: gangs hear the same
 * news. The sale side — price and the buyers waiting against the victims already heading to a
 * market — is read live, so a gang sees what the gangs that planned before it committed to.
 *
 * <p>Longer than ~400 lines because the daily outlook, the shared expected sales and the route
 * costs are caches of one picture that must be invalidated together (issue 9: expected sales are
 * kept until a market stamp changes); split apart, each would need the others' bookkeeping.
 */
public final class Prospects implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final int TYPES = VictimType.values().length;
    private static final int METHODS = AcquisitionMethod.values().length;
    private static final VictimType[] TYPES_BY_ORDINAL = VictimType.values();

    private final ProvinceNetwork net;
    private final Routes routes;
    private final Demography demography;
    private final RuralFamilies families;
    private final Market market;
    private final Enforcement enforcement;
    private final Parameters params;
    /** Shortest travel days between provinces at gang speed without victims (no risk priced). */
    private final double[][] travelDays;
    /** The speed (km per day) {@link #travelDays} were counted at. */
    private final double travelSpeed;
    /** Whether no {@link #travelDays} is negative (or NaN): the row bound needs it. */
    private final boolean travelDaysNonNegative;
    /** Victims of each type heading for each province: in hand, or a full load being sought. */
    private final double[][] inbound;
    /**
     * Per (source, type, method): for each destination, the fixed cost of obtaining one victim
     * (price paid, days spent trying, the alert's expected loss), NaN where it cannot be had.
     */
    private final double[][] optionCost;
    /** Per (source, type, method): the least of its costs over destinations (+infinity if none). */
    private final double[] optionLeast;
    private final int[] optionDay;
    /** Where a gang based in each province may acquire: see {@link #sourcesFrom}. */
    private final int[][] sources;
    private int day;
    /** Scratch for plans (one plan at a time per model); not part of the model's state. */
    private transient Routes.Search search;
    /**
     * Scratch for the day costs of the gang planning or routing now, and for the searches run to
     * the end in {@link #bestMarket}: a plan is made about a million times a national year, and a
     * fresh array each time was a quarter of all the memory the run allocated (issue 9, session 8).
     */
    private transient double[] dayCostScratch;
    private transient Routes.Search fullSearch;
    /**
     * Expected sales per (type, destination) as last worked out for a plan, kept while their
     * inputs are unchanged: the market's stamp of (destination, type), the victims inbound (a
     * change marks the entry stale) and the scale. Every plan needs all of them, and between two
     * plans few change. A cache, not model state.
     */
    private transient double[][] sales;
    private transient int[][] salesStamp;
    private transient boolean[][] salesStale;
    private transient double[] bestSale;
    private transient long[] salesChanges;
    private transient double salesScale;
    /**
     * Per type, bumped whenever an expected sale of that type may have risen (or become NaN):
     * while it stands, every expected sale is at most what it was, so a bound worked out from
     * them still holds (see {@link #rowCannotPay}). Within the gangs' round expected sales mostly
     * fall (victims committed to a market), so it seldom moves. A cache, not model state.
     */
    private transient long[] salesRises;
    /**
     * Per (source, type, method), the row bound of {@link #rowCannotPay} and what it was worked
     * out from, in one object per row (a plan reads ~30 rows; kept apart in six arrays, the reads
     * of one row missed the cache six times).
     */
    private transient RowBound[] rowBounds;

    private transient PlanScratch planScratch;
    /** See {@link #tradeBorder()}; fixed, so rebuilt after a checkpoint is read. */
    private transient boolean[] tradeBorder;

    /**
     * What a plan reads once and keeps while it weighs its options (TripChoice.best): the expected
     * sales of each type (shared arrays, see {@link #expectedSales}) and the best of them, and
     * the price a gang puts on each method's busts. One per model, reused by each plan.
     */
    public static final class PlanScratch {
        public final double[][] saleOf = new double[TYPES][];
        public final double[] bestSaleOf = new double[TYPES];
        public final double[] bustCost = new double[METHODS];
    }

    /** This model's {@link PlanScratch} (one plan at a time per model): valid until the next plan. */
    public PlanScratch planScratch() {
        if (planScratch == null) {
            planScratch = new PlanScratch();
        }
        return planScratch;
    }

    /** See {@link #rowBounds}. */
    private static final class RowBound {
        /** Whether the row's costs are the ones the bound was worked out from (cleared when they are worked out afresh). */
        boolean current;
        /** {@link #salesRises} of the type when worked out. */
        long salesRise;
        /** The trip cost per day it was worked out with (raw bits). */
        long trip;
        /** The destination that gave the bound (-1: none) and its expected sale then (raw bits). */
        int arg;
        long argSale;
        double most;
    }

    public Prospects(ProvinceNetwork net, Routes routes, Demography demography, RuralFamilies families,
                     Market market, Enforcement enforcement, Parameters params) {
        this.net = net;
        this.routes = routes;
        this.demography = demography;
        this.families = families;
        this.market = market;
        this.enforcement = enforcement;
        this.params = params;
        int n = net.size();
        this.travelDays = travelDays(net, routes, params);
        this.travelSpeed = params.getSpeedKmPerDay();
        this.travelDaysNonNegative = Arrays.stream(travelDays).flatMapToDouble(Arrays::stream).allMatch(x -> x >= 0);
        this.sources = sources(net);
        this.inbound = new double[n][TYPES];
        this.optionCost = new double[n * TYPES * METHODS][];
        this.optionLeast = new double[n * TYPES * METHODS];
        this.optionDay = new int[n * TYPES * METHODS];
        Arrays.fill(optionDay, -1);
    }

    private static double[][] travelDays(ProvinceNetwork net, Routes routes, Parameters params) {
        double[] oneDay = new double[net.size()];
        Arrays.fill(oneDay, 1.0);
        double[][] d = new double[net.size()][];
        for (int i = 0; i < d.length; i++) {
            d[i] = routes.costs(i, oneDay, params.getSpeedKmPerDay(), null);
            for (int j = 0; j < d[i].length; j++) {
                d[i][j] -= 1; // costs() charges the start province one day
            }
        }
        return d;
    }

    /**
     * The start of the gangs' day: what is already heading for each market is counted, and
     * yesterday's acquisition outlook is forgotten. {@code gangs} must include every gang on a
     * trip (others count for nothing; the counts are whole numbers, so their order does not
     * matter).
     */
    public void newDay(int today, List<Gang> gangs) {
        startCount(today);
        for (Gang g : gangs) {
            int d = g.destination();
            if (d >= 0) {
                count(d, load(g));
            }
        }
    }

    /**
     * {@link #newDay}(today, gangs) from what each gang on a trip would have shown, kept by the
     * model as each gang ended its step (so this pass reads no gang: reading each one here was
     * a cache miss per gang, ~4% of a national run, issue 9, session 13): for the i-th of
     * {@code n} gangs, the destination {@code destination[i]} (negative: counts nothing) and
     * {@code load[i]}, ~ the ordinal of the type it is acquiring for (negative), or else its
     * {@link Gang#heldCounts}. The same sums, in the same order.
     */
    public void newDay(int today, int n, int[] destination, long[] load) {
        startCount(today);
        for (int i = 0; i < n; i++) {
            if (destination[i] >= 0) {
                count(destination[i], load[i]);
            }
        }
    }

    /**
     * What gang g, on a trip, brings to its destination, as {@link #newDay}(today, n, destination,
     * load) reads it: ~ the ordinal of the type it acquires for, or the victims it holds.
     */
    public static long load(Gang g) {
        return g.state() == Gang.State.ACQUIRING ? ~g.targetType().ordinal() : g.heldCounts();
    }

    /** Today's counts start from nothing: what heads to each market is counted afresh, and the sale outlook with it. */
    private void startCount(int today) {
        day = today;
        for (double[] a : inbound) {
            Arrays.fill(a, 0);
        }
        sales = null;
    }

    /** Adds to inbound[d] a gang's load as {@link #newDay}(today, n, destination, load) describes it. */
    private void count(int d, long load) {
        if (load < 0) {
            inbound[d][(int) ~load] += params.getCapacity();
        } else {
            // Whole numbers: adding a gang's count at once gives the same sum as one by one.
            double[] in = inbound[d];
            for (int t = 0; t < TYPES; t++) {
                int n = Gang.heldOf(load, t);
                if (n != 0) {
                    in[t] += n;
                }
            }
        }
    }

    // ------------------------------------------------------------------ acquisition

    /** Where a gang based at {@code home} may go to acquire victims: home and its neighbours (shared: do not modify). */
    public int[] sourcesFrom(int home) {
        return sources[home];
    }

    /** Per home province: itself, then its neighbours (asked for at every plan, so built once). */
    private static int[][] sources(ProvinceNetwork net) {
        int[][] all = new int[net.size()][];
        for (int home = 0; home < all.length; home++) {
            int[] nb = net.get(home).neighbours();
            int[] s = new int[nb.length + 1];
            s[0] = home;
            System.arraycopy(nb, 0, s, 1, nb.length);
            all[home] = s;
        }
        return all;
    }

    /**
     * For source s, type t and method m: per destination d, what obtaining one victim costs before
     * police risk — the price paid, the running cost of the days spent trying, and the expected
     * loss to a missing-child alert — or NaN where no victim can be had. Shared for the day; read
     * only. Whether any family is still open to selling is not in it: ask {@link #available}.
     */
    public double[] acquisitionCosts(int s, VictimType t, AcquisitionMethod m) {
        return optionCost[outlook(s, t, m)];
    }

    /**
     * The least of {@link #acquisitionCosts}(s, t, m) over destinations, positive infinity when
     * none can be had: with the best expected sale anywhere it bounds every option of (s, t, m),
     * so a plan can rule them all out at once (issue 9).
     */
    public double cheapestAcquisition(int s, VictimType t, AcquisitionMethod m) {
        return optionLeast[outlook(s, t, m)];
    }

    /**
     * The row (s, t, m) of today's outlook, its costs worked out now if it is the first to ask
     * today: a key for the readers below, valid until the day changes. A plan reads each row up
     * to three times (its cheapest cost, its bound, its costs), so it looks the row up once.
     */
    public int row(int s, VictimType t, AcquisitionMethod m) {
        return outlook(s, t, m);
    }

    /** {@link #cheapestAcquisition}(s, t, m) of the row {@code row} = {@link #row}(s, t, m). */
    public double cheapestAcquisition(int row) {
        return optionLeast[row];
    }

    /** {@link #acquisitionCosts}(s, t, m) of the row {@code row} = {@link #row}(s, t, m) (shared, read only). */
    public double[] acquisitionCosts(int row) {
        return optionCost[row];
    }

    /**
     * Key of (s, t, m), its costs worked out for today if the first to ask today. Asked for
     * every row of every plan, nearly always answered by the check alone, so the work is kept
     * apart in {@link #workOutRow}: this stays small enough for the compiler to inline.
     */
    private int outlook(int s, VictimType t, AcquisitionMethod m) {
        int key = (s * TYPES + t.ordinal()) * METHODS + m.ordinal();
        if (optionDay[key] != day) {
            workOutRow(key, s, t, m);
        }
        return key;
    }

    /** Today's costs of row {@code key} = (s, t, m), see {@link #outlook}. */
    private void workOutRow(int key, int s, VictimType t, AcquisitionMethod m) {
        double[] row = optionCost[key] == null ? new double[net.size()] : optionCost[key];
        Province src = net.get(s);
        double trip = tripCostPerDay();
        double least = Double.POSITIVE_INFINITY;
        // Only a purchase's chance depends on the destination (the offer follows its price).
        boolean purchase = m == AcquisitionMethod.PURCHASE;
        double chance = purchase ? Double.NaN : acquisitionChance(src, t, m, -1);
        double perBroker = purchase ? openingsPerBroker(s, t) : Double.NaN;
        for (int d = 0; d < row.length; d++) {
            double success = chance;
            if (purchase) {
                // A day's try finds a family who would take the offer half the time, if one is
                // left: where more brokers buy than such families open up, each gets its share
                // of those families, not more (session 17: only 7% of the tries that passed
                // found one, and plans that ignored it sent gangs on purchase trips that yield
                // little). Without competition the first term is the smaller.
                double accept = families.acceptShare(s, offer(t, d), params);
                success = Math.min(0.5 * accept, accept * perBroker);
            }
            if (!(success > 0)) {
                row[d] = Double.NaN;
                continue;
            }
            // Running days per victim obtained: a gang tries for at most two weeks, and over the
            // trips a try that yields less than a victim in that time costs its days all the same.
            double days = 1 / success;
            row[d] = acquisitionCost(t, m, d) + days * trip + alertLoss(m, t, d);
            least = Math.min(least, row[d]);
        }
        optionCost[key] = row;
        optionLeast[key] = least;
        optionDay[key] = day;
        if (rowBounds != null && rowBounds[key] != null) {
            rowBounds[key].current = false;
        }
    }

    /**
     * Families newly open to selling a child of type t around source s (s and its neighbours, where
     * a broker there looks), a day, per broker trying to buy such a child there a day, both as
     * averaged over market.tightness_days. The broker weighing the trip joins them: as in
     * {@link #expectedSale}, the counts of other agents are per unit of {@code scale} and the gang
     * itself is one real broker, so it adds {@code scale}, and the share is what a broker would
     * see at national scale (with a whole broker added, a lone broker at scale 0.01 reckoned on
     * about a family a month around most provinces, and ParameterEffectTest's tiny year stopped
     * answering to gangs.learning_rate).
     */
    private double openingsPerBroker(int s, VictimType t) {
        double opening = 0;
        double brokers = 0;
        for (int q : sources[s]) {
            opening += families.openingPerDay(q, t);
            brokers += families.brokersPerDay(q, t);
        }
        return opening / (brokers + params.getScale());
    }

    /**
     * Daily chance that a gang trying method m for type t in province p gets a victim; a purchase
     * needs a family open to selling nearby who accepts the broker's offer for destination d.
     */
    public double acquisitionChance(Province p, VictimType t, AcquisitionMethod m, int d) {
        return switch (m) {
            case ABDUCTION -> {
                double chance = Math.min(1, params.getAbductionSuccess() * leftBehindFactor(p));
                yield params.getChildrenOpenToAbduction() > 0 ? Math.min(chance, snatchableShare(p)) : chance;
            }
            case PURCHASE -> familiesWithin(p, t) > 0 ? 0.5 * families.acceptShare(p.index(), offer(t, d), params) : 0;
            case DECEPTION -> Math.min(Math.min(1, params.getDeceptionSuccess() * demography.povertyIndex(p)),
                    lurableShare(p));
            case CROSS_BORDER -> p.tradeBorder() ? params.getCrossBorderSuccess() * (t.isChild() ? params.getCrossBorderChildFactor() : 1) : 0;
        };
    }

    /**
     * Whether a victim of type t can be had by method m around province s right now: a purchase
     * needs a family still open to selling, and the families a broker took earlier today are gone
     * (read live, not from the day's outlook, as there are few such families in a province).
     * Nor can a border be crossed from a province without one ({@link #acquisitionChance} is 0
     * there): such a row is NaN throughout and no plan would find anything in it, so plans do
     * not read it (about a sixth of the rows a plan looked at, issue 9, session 15).
     */
    public boolean available(int s, VictimType t, AcquisitionMethod m) {
        if (m == AcquisitionMethod.PURCHASE) {
            return anyFamilyWithin(s, t);
        }
        return m != AcquisitionMethod.CROSS_BORDER || tradeBorder()[s];
    }

    /** Per province, whether it has a trade border (read from an array: its object was a cache miss). */
    private boolean[] tradeBorder() {
        if (tradeBorder == null) {
            boolean[] b = new boolean[net.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = net.get(i).tradeBorder();
            }
            tradeBorder = b;
        }
        return tradeBorder;
    }

    /**
     * Whether {@link #familiesWithin}(s, t) > 0, asked for every source of every plan. It reads
     * the provinces of {@link #sourcesFrom}(s) (s, then its neighbours: the same ones) from an
     * array at hand rather than through the province's object, and, the counts never being
     * negative, stops at the first with an open family (most have one at home).
     */
    private boolean anyFamilyWithin(int s, VictimType t) {
        for (int q : sources[s]) {
            if (families.openFamilies(q, t) > 0) {
                return true;
            }
        }
        return false;
    }

    /** What a broker offers parents for a child of type t to be sold in d: a share of the price there. */
    public double offer(VictimType t, int d) {
        return params.getOfferShare() * market.priceIndex(d, t);
    }

    /** Families open to selling a child of this sex at home or one province away (brokers travel). */
    private int familiesWithin(Province p, VictimType t) {
        int n = families.openFamilies(p.index(), t);
        for (int k = 0, c = p.neighbourCount(); k < c; k++) {
            n += families.openFamilies(p.neighbour(k), t);
        }
        return n;
    }

    /**
     * A gang's share of the women who would take a false offer in p a day: those women over the
     * gangs' days spent trying there a day (averaged), the gang itself adding {@code scale} as a
     * broker does in {@link #openingsPerBroker}.
     */
    private double lurableShare(Province p) {
        return shareOf(families.womenOpenPerDay(p, params), families.lurersPerDay(p.index()));
    }

    /**
     * A gang's share of the children it could snatch in p a day (families.children_open_to_abduction,
     * more where more children are left behind), over the gangs' days spent trying there a day
     * (averaged), the gang itself adding {@code scale} as in {@link #lurableShare}.
     */
    private double snatchableShare(Province p) {
        return shareOf(families.childrenOpenPerDay(p, params) * leftBehindFactor(p), families.abductorsPerDay(p.index()));
    }

    /** A gang's share of victims coming open a day where others spend so many days a day trying: the gang adds {@code scale} (one real gang). */
    private double shareOf(double openPerDay, double othersTryingPerDay) {
        return openPerDay / (othersTryingPerDay + params.getScale());
    }

    private double leftBehindFactor(Province p) {
        return Math.max(0.2, 1 + params.getLeftBehindRisk() * (demography.leftBehindIndex(p) - 1));
    }

    /** A gang's running cost a day while it moves or waits with victims, in today's RMB. */
    public double tripCostPerDay() {
        return params.getTripCostPerDay() * demography.priceLevel();
    }

    /** How much expected profit, in today's RMB, the gang gives up to avoid one expected bust. */
    public double riskAversion(Gang g) {
        return g.riskAversion(params) * demography.priceLevel();
    }

    /** What a gang expects to pay to obtain one victim this way, for sale in d. */
    public double acquisitionCost(VictimType t, AcquisitionMethod m, int d) {
        return switch (m) {
            case PURCHASE -> offer(t, d);
            case CROSS_BORDER -> params.getBrokerShare() * market.priceIndex(d, t);
            default -> 0;
        };
    }

    /** With missing-child alerts running, a reported abducted child may be found and the sale lost. */
    private double alertLoss(AcquisitionMethod m, VictimType t, int d) {
        return m == AcquisitionMethod.ABDUCTION && params.isAlertEnabled()
                ? params.getChildReportProbability() * params.getAlertRecovery() * market.priceIndex(d, t) : 0;
    }

    /**
     * Expected busts per victim that a method draws, to be multiplied by a gang's risk aversion:
     * abducted children and lured women are reported (a case is opened where they were taken), and a
     * report becomes a bust as often as cases are seen to be solved and to catch the gang; border
     * crossings may be stopped.
     */
    public double bustsPerVictim(AcquisitionMethod m) {
        double caught = enforcement.publicClearance() * params.getBustProbability();
        return switch (m) {
            case ABDUCTION -> params.getChildReportProbability() * caught;
            case DECEPTION -> params.getWomanReportProbability() * caught;
            case CROSS_BORDER -> params.getBorderControl() * 0.25;
            case PURCHASE -> 0;
        };
    }

    /** Days to travel from a to b without victims. */
    public int travelDays(int a, int b) {
        return (int) Math.round(travelDays[a][b]);
    }

    // ------------------------------------------------------------------ sale

    /** A gang planning now commits to bring {@code n} victims of type t to d: later planners see it. */
    public void committed(int d, VictimType t, int n) {
        inbound[d][t.ordinal()] += n;
        if (sales != null) {
            salesStale[t.ordinal()][d] = true;
            salesChanges[t.ordinal()] = -1;
        }
    }

    /**
     * Expected revenue of bringing one victim of type t to province d: price x chance to sell, the
     * buyers waiting there over the victims already heading there plus this one. Counts of other
     * agents are per unit of {@code scale}, the gang's own victim is one real victim, so the
     * chance is what a gang would see at national scale: buyers / (inbound + scale).
     */
    public double expectedSale(int d, VictimType t) {
        double chance = Math.min(1, market.buyerInflow(d, t) * params.getSellPatienceDays() / (inbound[d][t.ordinal()] + params.getScale()));
        return market.priceIndex(d, t) * chance;
    }

    /**
     * {@link #expectedSale}(d, t) for every destination d, as it stands now: shared, read only,
     * valid until the market, the victims inbound or the scale change.
     */
    public double[] expectedSales(VictimType t) {
        refreshSales(t);
        return sales[t.ordinal()];
    }

    /** The largest of {@link #expectedSales}(t) (negative infinity if none; NaN if one is NaN). */
    public double bestExpectedSale(VictimType t) {
        refreshSales(t);
        return bestSale[t.ordinal()];
    }

    /**
     * Brings the expected sales of t up to date. Asked several times in every plan, and nearly
     * always they already are: that check is kept small enough to be inlined, the work apart.
     */
    private void refreshSales(VictimType t) {
        if (sales == null || salesChanges[t.ordinal()] != market.changes()
                || Double.doubleToRawLongBits(params.getScale()) != Double.doubleToRawLongBits(salesScale)) {
            workOutSales(t);
        }
    }

    private void workOutSales(VictimType t) {
        int n = net.size();
        double scale = params.getScale();
        if (sales == null || Double.doubleToRawLongBits(scale) != Double.doubleToRawLongBits(salesScale)) {
            sales = new double[TYPES][n];
            salesStamp = new int[TYPES][n];
            salesStale = new boolean[TYPES][n];
            bestSale = new double[TYPES];
            salesChanges = new long[TYPES];
            for (boolean[] a : salesStale) {
                Arrays.fill(a, true);
            }
            Arrays.fill(salesChanges, -1);
            salesScale = scale;
            // Fresh arrays: whatever a bound was worked out from is gone.
            if (salesRises == null) {
                salesRises = new long[TYPES];
            }
            for (int i = 0; i < TYPES; i++) {
                salesRises[i]++;
            }
        }
        int k = t.ordinal();
        long changes = market.changes();
        if (salesChanges[k] == changes) {
            return;
        }
        double[] sale = sales[k];
        boolean any = false;
        boolean rose = false;
        for (int d = 0; d < n; d++) {
            int stamp = market.stamp(d, t);
            if (salesStale[k][d] || salesStamp[k][d] != stamp) {
                double was = sale[d];
                sale[d] = expectedSale(d, t);
                rose |= !(sale[d] <= was);
                salesStamp[k][d] = stamp;
                salesStale[k][d] = false;
                any = true;
            }
        }
        if (any) {
            double most = Double.NEGATIVE_INFINITY;
            for (int d = 0; d < n; d++) {
                most = Math.max(most, sale[d]);
            }
            bestSale[k] = most;
        }
        if (rose) {
            salesRises[k]++;
        }
        salesChanges[k] = changes;
    }

    /**
     * Whether no destination of the row (s, t, m) can pass a plan's tight first pass (see
     * TripChoice.worthALook): none whose value sale - cost - risk is above its route floor
     * {@link #routeFloor}(startDayCost, days from s, leastDayCost). True only when that is sure;
     * false when not, or when the bound does not apply. Every gang that plans from s on a day
     * reads the same row, so a bound of it is kept per (s, t, m) with the gang left out: the
     * travel is priced at the trip cost per day alone, below any gang's least day cost (checked
     * here), and the gang's own start day (above the trip cost by its risk there) is taken off
     * per plan. It is worked out again when the row's costs are (daily), when an expected sale of
     * t may have risen, or when the sale at the destination that gave the bound changed (victims
     * committed there lower it; kept as it was, the bound would hold but soon rule nothing out)
     * and the bound as it was no longer rules the row out (session 15: a quarter fewer passes).
     * At scale 0.3 this rules out 6.0 of 7.0 million rows that passed the test before it, for
     * 0.8 million passes over the destinations to keep the bound.
     *
     * <p>Why it holds, with its rounding (issue 9, session 11): for a marked destination d,
     * fl(fl(sale - cost) - risk) > floor, so in exact arithmetic A - risk > floor with A = fl(sale
     * - cost) (rounding is monotone and floor is a double); floor, the rounded (c + D L)(1 - 1e-9),
     * is at least (c + D L)(1 - 2e-9) (four roundings of nonnegative normal numbers), and with
     * L >= trip, D >= 0, c >= trip: A - trip (1 + D)(1 - 2e-9) > risk + (c - trip)(1 - 2e-9).
     * The row's largest left side, as computed (each term taken at 1 - 3e-9, so at most the
     * exact), is raised and the right side lowered by a relative 1e-12, far above the rounding
     * of either. Expected sales that only fell since the bound was worked out only lower the
     * left side. NaN or infinite values anywhere make the test false.
     */
    public boolean rowCannotPay(int s, VictimType t, AcquisitionMethod m, double risk,
                                double startDayCost, double leastDayCost) {
        return rowCannotPay(outlook(s, t, m), risk, startDayCost, leastDayCost);
    }

    /** {@link #rowCannotPay}(s, t, m, ...) of the row {@code row} = {@link #row}(s, t, m). */
    public boolean rowCannotPay(int row, double risk, double startDayCost, double leastDayCost) {
        double trip = tripCostPerDay(); // the floor of every day cost (dayCosts), in today's RMB
        if (params.getSpeedKmPerDay() != travelSpeed || !travelDaysNonNegative
                || !(trip > 1e-200) || !(trip < Double.POSITIVE_INFINITY)
                || !(leastDayCost >= trip) || !(leastDayCost < Double.POSITIVE_INFINITY)
                || !(startDayCost >= leastDayCost) || !(startDayCost < Double.POSITIVE_INFINITY)) {
            return false;
        }
        int key = row;
        VictimType t = TYPES_BY_ORDINAL[key / METHODS % TYPES];
        refreshSales(t);
        if (rowBounds == null) {
            rowBounds = new RowBound[optionDay.length];
        }
        RowBound b = rowBounds[key];
        if (b == null) {
            b = rowBounds[key] = new RowBound();
        }
        int k = t.ordinal();
        double[] sale = sales[k];
        long tripBits = Double.doubleToRawLongBits(trip);
        double right = risk + (startDayCost - trip) * (1 - 3e-9);
        right = right - Math.abs(right) * 1e-12 - 1e-300;
        if (!b.current || b.salesRise != salesRises[k] || b.trip != tripBits) {
            workOutBound(b, key, k, sale, trip, tripBits);
        } else if (b.arg >= 0 && Double.doubleToRawLongBits(sale[b.arg]) != b.argSale) {
            // The sale that gave the bound has changed, and none has risen: the bound still
            // holds, only looser. When it rules the row out anyway, the tighter one would too;
            // only when it does not is it worked out again (each trip chosen lowers the sale at
            // its destination, often the one that gave the bounds of every row of its type).
            if (cannotPay(b.most, right)) {
                return true;
            }
            workOutBound(b, key, k, sale, trip, tripBits);
        }
        return cannotPay(b.most, right);
    }

    /** The comparison of {@link #rowCannotPay}: a bound {@code most} against its right side. */
    private static boolean cannotPay(double most, double right) {
        double left = most + Math.abs(most) * 1e-12 + 1e-300;
        return left <= right;
    }

    /** Works out the bound of row {@code key} = (s, type k, m) afresh, see {@link #rowCannotPay}. */
    private void workOutBound(RowBound b, int key, int k, double[] sale, double trip, long tripBits) {
        double[] cost = optionCost[key];
        double[] days = travelDays[key / (TYPES * METHODS)];
        double most = Double.NEGATIVE_INFINITY;
        int arg = -1;
        for (int d = 0; d < cost.length; d++) {
            if (!Double.isNaN(cost[d])) { // never marked
                double v = (sale[d] - cost[d]) - trip * (1 + days[d]) * (1 - 3e-9);
                if (v > most || Double.isNaN(v)) {
                    most = v;
                    arg = d;
                    if (Double.isNaN(v)) {
                        break; // no bound
                    }
                }
            }
        }
        b.most = most;
        b.arg = arg;
        b.argSale = arg < 0 ? 0 : Double.doubleToRawLongBits(sale[arg]);
        b.current = true;
        b.salesRise = salesRises[k];
        b.trip = tripBits;
    }

    // ------------------------------------------------------------------ routes

    /** Per-day cost of being in each province with victims, given a gang's beliefs about risk. */
    public double[] dayCosts(Gang g) {
        return dayCosts(g, new double[net.size()]);
    }

    /**
     * {@link #dayCosts}(g) in an array shared by every plan and route of this model: valid until
     * the next call (one plan at a time per model; a plan's route search reads it meanwhile).
     */
    public double[] planDayCosts(Gang g) {
        if (dayCostScratch == null || dayCostScratch.length != net.size()) {
            dayCostScratch = new double[net.size()];
        }
        return dayCosts(g, dayCostScratch);
    }

    private double[] dayCosts(Gang g, double[] c) {
        double aversion = riskAversion(g);
        double trip = tripCostPerDay();
        for (int i = 0; i < c.length; i++) {
            c[i] = trip + aversion * g.belief(i);
        }
        return c;
    }

    /** Cost of the cheapest risk-priced route from {@code from} to every province. */
    public double[] routeCosts(double[] dayCost, int from) {
        return routes.costs(from, dayCost, params.getSpeedKmPerDay(), null);
    }

    /**
     * A search of risk-priced routes from {@code from}, to be run only as far as needed (see
     * {@link Routes.Search}). One per model, reused: valid until the next call.
     */
    public Routes.Search routeSearch(double[] dayCost, int from) {
        if (search == null) {
            search = routes.search();
        }
        search.start(from, dayCost, params.getSpeedKmPerDay(), null);
        return search;
    }

    /**
     * A lower bound of the cost of any route from a to b when no day cost is negative: the day
     * charged at a, plus the fewest days of travel from a to b at the least day cost anywhere.
     * Lowered by a relative 1e-9, far more than the rounding of the route's own sum (at most ~60
     * roundings of 2^-53 each), so it stays below the cost a search computes, not only below the
     * exact one.
     */
    public double routeFloor(double startDayCost, double leastDayCost, int a, int b) {
        if (params.getSpeedKmPerDay() != travelSpeed) {
            return Double.NEGATIVE_INFINITY; // the days were counted at another speed: no bound
        }
        return routeFloor(startDayCost, travelDays[a][b], leastDayCost);
    }

    /** {@link #routeFloor} with the fewest days of travel given: the same arithmetic. */
    public static double routeFloor(double startDayCost, double days, double leastDayCost) {
        return (startDayCost + days * leastDayCost) * (1 - 1e-9);
    }

    /**
     * The fewest days of travel from a to every province, as {@link #routeFloor} reads them
     * (shared: do not modify); null when they were counted at another speed than today's, and
     * there is then no floor.
     */
    public double[] floorDays(int a) {
        return params.getSpeedKmPerDay() != travelSpeed ? null : travelDays[a];
    }

    /**
     * A lower bound of every route cost from {@code from}: the day charged at the start, when no
     * province's day cost is negative (routes only add to it); minus infinity otherwise.
     */
    public static double cheapestRoute(double[] dayCost, int from) {
        return Routes.noneNegative(dayCost) ? dayCost[from] : Double.NEGATIVE_INFINITY;
    }

    public int[] route(Gang g, int from, int to) {
        return routes.path(from, to, planDayCosts(g), params.getSpeedKmPerDay());
    }

    public int legDays(int a, int b) {
        return routes.legDays(a, b, params.getSpeedKmPerDay());
    }

    /**
     * Where a gang stuck with an unsold victim should try next: the destination other than
     * {@code from} of highest expected sale less the cost of the cheapest route there (the first
     * in index order among equals; {@code from} when none is worth anything).
     *
     * <p>The routes are searched only as far as the answer needs (issue 9): provinces are settled
     * cheapest first, and once the best expected sale anywhere, less the least any route not yet
     * found can cost ({@link Routes.Search#frontier}), is strictly below the best value found,
     * no province left can beat that value or tie with it, and the search stops (about 10 of 31
     * provinces settled instead of all, measured at scale 0.3). That bound needs no day cost
     * negative; else every province is settled, as before. IEEE subtraction is monotone, so the
     * bound holds for the values as computed: the answer is exactly the full search's.
     */
    public int bestMarket(Gang g, int from, VictimType t) {
        if (fullSearch == null) {
            fullSearch = routes.search();
        }
        double[] dayCost = planDayCosts(g);
        // The same values as expectedSale(d, t), kept between calls; NaN if one is NaN (no stop).
        double[] sale = expectedSales(t);
        double most = bestExpectedSale(t);
        boolean nonNegative = Routes.noneNegative(dayCost);
        // The same costs as routeCosts, in arrays kept from one call to the next (read here only).
        Routes.Search s = fullSearch;
        s.start(from, dayCost, params.getSpeedKmPerDay(), null);
        int best = from;
        double bestValue = Double.NEGATIVE_INFINITY;
        while (s.settleNext()) {
            int u = s.lastSettled();
            double v = sale[u] - s.cost(u);
            // As a scan in index order with ">" chooses: the higher value, or the lower index of
            // two equal ones (never a value of -infinity, nor NaN).
            if (u != from && (v > bestValue || (v == bestValue && bestValue > Double.NEGATIVE_INFINITY && u < best))) {
                bestValue = v;
                best = u;
            }
            if (nonNegative && most - s.frontier() < bestValue) {
                break;
            }
        }
        return best;
    }
}
