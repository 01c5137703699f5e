package org.crackdown.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.DayQueue;
import org.crackdown.model.Parameters;

/**
 * Where victims meet buyers, province by province: who is waiting, what they would pay, and the
 * price index (the going rate) sellers and would-be buyers go by, which moves at the day's end
 * with the balance of buyers and victims coming to the market. Prices are bargained sale by sale
 * around it and respond to supply and demand: when buyers are many and victims few, sellers meet high bidders and take most
 * of the surplus; when victims are many, sellers compete and prices fall to what they will take.
 * Buyers learn the risks of buying (prosecution, losing the victim to a rescue) from what police do.
 *
 * <p>Storage is built so that a day's work grows with the day's events, not with the number of
 * buyers waiting (issue 9): each province and victim type keeps its buyers in a max-heap by bid,
 * so the highest bidder is found in O(log n); buyers also wait in one queue by the day they give
 * up, so expiry touches only those who give up today. A buyer who wants two types (a couple who
 * would take a boy or a girl) sits in both heaps; once bought for or gone, the other heap drops
 * them when they reach its top (lazy deletion), and a heap is compacted when half of it is such
 * dead entries, so memory stays proportional to buyers waiting. Which buyer is chosen, and so every
 * output, is the same as a scan of all waiting buyers (bids are continuous draws; see
 * EquivalenceTest).
 */
public final class Market implements java.io.Serializable {

    private static final int TYPES = VictimType.values().length;
    private static final VictimType[] TYPES_BY_ORDINAL = VictimType.values();

    /** Highest bid first; equal bids (continuous draws: practically never) go to the later arrival, for determinism. */
    private static final Comparator<Waiting> BY_BID_DESC = (Comparator<Waiting> & java.io.Serializable) (a, b) -> {
        int c = Double.compare(b.bid, a.bid);
        return c != 0 ? c : Long.compare(b.seq, a.seq);
    };

    /** One buyer's place in one heap: the bid for that type, and whether the buyer is still waiting. */
    private static final class Waiting implements java.io.Serializable {
        final Buyer buyer;
        final double bid;
        final long seq;
        final Entry entry;

        Waiting(Entry entry, double bid, long seq) {
            this.buyer = entry.buyer;
            this.bid = bid;
            this.seq = seq;
            this.entry = entry;
        }
    }

    /** A waiting buyer; {@code gone} once bought for or given up, so other heaps can drop it. */
    private static final class Entry implements java.io.Serializable {
        final Buyer buyer;
        boolean gone;

        Entry(Buyer buyer) {
            this.buyer = buyer;
        }
    }

    /** Per province and type: buyers who want that type, best bid on top, with dead entries. */
    private final PriorityQueue<Waiting>[][] bids;
    /** Dead entries still sitting in each heap (compacted when they are half of it). */
    private final int[][] dead;
    /**
     * Per province and type, the highest bid of a buyer still waiting (negative infinity if none),
     * where {@link #topKnown}: kept from a sale that did not happen, until a buyer of that heap
     * enters or leaves. Gangs selling in a market try again every day, most often in vain (at
     * scale 0.3, 89% of sales tried find no bid high enough); with the kept bid such a try fails
     * at once, and a gang can tell it would without reading its victims ({@link #knownBelow}).
     * Heaps are ordered by (bid, arrival), so which buyer a sale goes to does not depend on when
     * dead entries are dropped. A cache, not model state.
     */
    private transient double[][] topBid;
    private transient boolean[][] topKnown;
    /** Waiting buyers by the day they give up. */
    private final DayQueue<Entry> byGiveUp = new DayQueue<>();
    private final int[] waitingCount;
    private long arrivals;
    private final int[][] waitingByType;
    private final double[][] priceIndex;
    /** Buyers' perceived yearly hazard that a household holding a bought victim is prosecuted, per province. */
    private final double[] prosecutionRate;
    /** Buyers' perceived yearly hazard that police find a bought victim and take her or him away. */
    private final double[] recoveryRate;
    private final int[] monthProsecutions;
    /**
     * How often the waiting count, the averaged flows or the price index of each (province, type)
     * has changed, and of all of them (the day's end moves the flows and the index together): lets a reader keep figures derived from them until they change (Prospects'
     * expected sales). Not model state: counts from 0 again when read from a checkpoint.
     */
    private transient int[] stamps;
    private transient long changes;
    /**
     * Per province and type, the market's flows as traders see them: buyers entering and victims
     * brought to it for sale a day, averaged over market.tightness_days. Reservations, bargaining power and the drift of the going rate go by
     * these averages, not by single events or by today's integer counts, which at small scale are
     * mostly 0 or 1 and made prices depend on scale (issue 10, part 7; docs/calibration.md, "Scale").
     * Flows, not stocks, are compared, because buyers wait months and victims are on offer for days.
     */
    private final double[][] buyersIn;
    private final double[][] victimsIn;
    private final double[][] meanBuyersIn;
    private final double[][] meanVictimsIn;
    private long marketDays;

    /** A market whose prices start at the parameters' amounts (price level 1: RMB of 2011). */
    public Market(int provinces, Parameters p) {
        this(provinces, p, 1);
    }

    /** A market whose prices start at the parameters' amounts times the start's price level. */
    @SuppressWarnings("unchecked")
    public Market(int provinces, Parameters p, double priceLevel) {
        bids = new PriorityQueue[provinces][TYPES];
        dead = new int[provinces][TYPES];
        waitingCount = new int[provinces];
        waitingByType = new int[provinces][TYPES];
        priceIndex = new double[provinces][TYPES];
        prosecutionRate = new double[provinces];
        recoveryRate = new double[provinces];
        monthProsecutions = new int[provinces];
        buyersIn = new double[provinces][TYPES];
        victimsIn = new double[provinces][TYPES];
        meanBuyersIn = new double[provinces][TYPES];
        meanVictimsIn = new double[provinces][TYPES];
        for (int i = 0; i < provinces; i++) {
            for (VictimType t : VictimType.values()) {
                bids[i][t.ordinal()] = new PriorityQueue<>(BY_BID_DESC);
                priceIndex[i][t.ordinal()] = startingPrice(p, t) * priceLevel;
            }
        }
    }

    /**
     * Where a province's price index starts, in RMB of 2011: the median willingness to pay of the
     * type at national income. Prices then move with sales during the burn-in; nothing holds them to a range.
     */
    public static double startingPrice(Parameters p, VictimType t) {
        return switch (t) {
            case BOY -> p.getWtpBoy();
            case GIRL -> p.getWtpGirl();
            case WOMAN -> p.getWtpWoman();
        };
    }

    public void enter(Buyer b) {
        Entry e = new Entry(b);
        long seq = arrivals++;
        for (VictimType t : TYPES_BY_ORDINAL) {
            if (b.wants(t)) {
                bids[b.province()][t.ordinal()].add(new Waiting(e, b.willingnessToPay(t), seq));
                forgetTop(b.province(), t.ordinal());
                buyersIn[b.province()][t.ordinal()]++;
                waitingByType[b.province()][t.ordinal()]++;
                changed(b.province(), t.ordinal());
            }
        }
        waitingCount[b.province()]++;
        byGiveUp.add(b.giveUpDay(), e);
    }

    /** The buyer stops waiting (bought, or gave up): counts drop now, heap entries lazily. */
    private void leave(Entry e) {
        Buyer b = e.buyer;
        e.gone = true;
        for (VictimType t : TYPES_BY_ORDINAL) {
            if (b.wants(t)) {
                waitingByType[b.province()][t.ordinal()]--;
                changed(b.province(), t.ordinal());
                forgetTop(b.province(), t.ordinal());
                if (++dead[b.province()][t.ordinal()] * 2 > bids[b.province()][t.ordinal()].size()) {
                    compact(b.province(), t.ordinal());
                }
            }
        }
        waitingCount[b.province()]--;
    }

    /** A buyer of heap (province, t) entered or left: its top bid is not known any more. */
    private void forgetTop(int province, int t) {
        if (topKnown != null) {
            topKnown[province][t] = false;
        }
    }

    /**
     * True when a sale of type t in the province at a reservation of at least {@code ask} is
     * known to fail: the top bid kept since the heap last changed is below {@code ask}, or not
     * positive. False when that is not known (the heap would have to be read), or when it might
     * succeed. Reads and changes nothing.
     */
    public boolean knownBelow(int province, VictimType t, double ask) {
        if (topKnown == null || !topKnown[province][t.ordinal()]) {
            return false;
        }
        double kept = topBid[province][t.ordinal()];
        return kept < ask || kept <= 0;
    }

    /** Rebuilds a heap without its dead entries (amortised O(1) per departure). */
    private void compact(int province, int t) {
        PriorityQueue<Waiting> old = bids[province][t];
        List<Waiting> live = new ArrayList<>(old.size());
        for (Waiting w : old) {
            if (!w.entry.gone) {
                live.add(w);
            }
        }
        PriorityQueue<Waiting> fresh = new PriorityQueue<>(Math.max(1, live.size()), BY_BID_DESC);
        fresh.addAll(live);
        bids[province][t] = fresh;
        dead[province][t] = 0;
    }

    /** Removes buyers whose patience ran out; returns how many gave up in each province. */
    public int[] expire(int today) {
        int[] gaveUp = new int[waitingCount.length];
        for (Entry e = byGiveUp.pollDue(today); e != null; e = byGiveUp.pollDue(today)) {
            if (!e.gone) {
                leave(e);
                gaveUp[e.buyer.province()]++;
            }
        }
        return gaveUp;
    }

    public int waiting(int province, VictimType t) {
        return waitingByType[province][t.ordinal()];
    }

    public int waiting(int province) {
        return waitingCount[province];
    }

    public int totalWaiting() {
        int n = 0;
        for (int c : waitingCount) {
            n += c;
        }
        return n;
    }

    public int totalWaitingFor(VictimType t) {
        int n = 0;
        for (int[] w : waitingByType) {
            n += w[t.ordinal()];
        }
        return n;
    }

    public double priceIndex(int province, VictimType t) {
        return priceIndex[province][t.ordinal()];
    }

    /**
     * A seller's reservation today: what it expects to get by waiting for another buyer instead —
     * the province's price index, times the chance that waiting finds one (buyers of this type
     * waiting per victim on offer, {@code sellersHere}, at most 1), lowered by {@code patience}
     * (1 when it arrives, falling as days pass unsold and waiting costs it money and risk).
     */
    public double ask(int province, VictimType t, double patience) {
        double buyers = meanBuyersIn[province][t.ordinal()];
        double victims = meanVictimsIn[province][t.ordinal()];
        double chance = victims > 0 ? Math.min(1, buyers / victims) : buyers > 0 ? 1 : 0;
        return priceIndex[province][t.ordinal()] * chance * patience;
    }

    /** A victim of type t is brought to the province's market for sale (counted once per market it is offered in). */
    public void offered(int province, VictimType t) {
        victimsIn[province][t.ordinal()]++;
    }

    /** Buyers of type t entering a province's market a day, as traders see it (averaged over market.tightness_days). */
    public double buyerInflow(int province, VictimType t) {
        return meanBuyersIn[province][t.ordinal()];
    }

    /** Share of buyers among the buyers and victims coming to a province's market: the buyers' bargaining power. */
    double buyerShare(int province, int t) {
        double b = meanBuyersIn[province][t];
        double v = meanVictimsIn[province][t];
        return b + v > 0 ? b / (b + v) : 0.5;
    }

    /** A completed sale between a seller and a buyer. */
    public record Sale(Buyer buyer, double price) implements java.io.Serializable {
    }

    /**
     * Sells one victim of type {@code t} to the waiting buyer who bids most, if that bid reaches
     * the seller's reservation (its {@code ask} or, if higher, its {@code floor}: what the victim
     * cost it). Returns null when no buyer would pay that much.
     *
     * <p>The price is bargained: the seller gets its reservation plus a share of the surplus
     * (bid - reservation) equal to the buyers' share of the averaged flows of buyers and victims
     * coming to this market. Where many buyers come for few victims the price goes towards the top
     * bid; where many victims come for few buyers, it falls to what sellers will take. Nothing
     * else bounds it.
     *
     * <p>A sale does not move the going rate: only the balance of the averaged flows does
     * ({@link #endOfDay}). When each sale pulled the index towards its price, a simulated sale had
     * to weigh as much as the 1/scale real sales it stands for, so at scale 0.1 every sale moved
     * the index by 40% and the going rate followed the noise of single bargains; victims
     * trafficked per national equivalent were 39% higher at scale 0.1 than nationally, and fell
     * to within 1% once sales stopped moving the rate (docs/calibration.md, "Scale").
     */
    public Sale sell(int province, VictimType t, double ask, double floor) {
        double reservation = Math.max(ask, floor);
        int k = t.ordinal();
        if (topKnown != null && topKnown[province][k]) {
            // The same test as below, on the top bid kept since the heap last changed.
            double kept = topBid[province][k];
            if (kept < reservation || kept <= 0) {
                return null;
            }
        }
        PriorityQueue<Waiting> heap = bids[province][k];
        Waiting top = liveTop(province, k);
        if (top == null || top.bid < reservation || top.bid <= 0) {
            if (topKnown == null) {
                topKnown = new boolean[bids.length][TYPES];
                topBid = new double[bids.length][TYPES];
            }
            topBid[province][k] = top == null ? Double.NEGATIVE_INFINITY : top.bid;
            topKnown[province][k] = true;
            return null;
        }
        heap.poll();
        double bestBid = top.bid;
        Buyer b = top.buyer;
        // Polled already, so it is not counted among this heap's dead entries.
        dead[province][t.ordinal()]--;
        leave(top.entry);
        double buyerShare = buyerShare(province, t.ordinal());
        double price = reservation + buyerShare * (bestBid - reservation);
        return new Sale(b, price);
    }

    /**
     * End of the gangs' day: traders' picture of each market takes in the day's flows (buyers who
     * entered, victims brought for sale; averaged over market.tightness_days), and where the market
     * does not clear the going rate moves: up where more buyers come than victims, down where more
     * victims come than buyers, by at most market.price_adjustment a day (in proportion to
     * (buyers - victims) / (buyers + victims)); it rises only while a buyer waiting there would pay
     * more than it. So a province short of victims shows a rising price
     * and draws sellers, and a glut shows a falling one, which brings buyers back. Both go by
     * averaged flows, not by single events, so the drift is the same at every scale.
     */
    public void endOfDay(Parameters p) {
        // Averages start from zero and weigh the days seen so far equally until the window is
        // full, so the first weeks are not dominated by the first day's few events.
        marketDays++;
        double a = Math.max(1.0 / marketDays, 1 / p.getTightnessDays());
        double k = p.getPriceAdjustment();
        for (int i = 0; i < priceIndex.length; i++) {
            for (int t = 0; t < TYPES; t++) {
                meanBuyersIn[i][t] += a * (buyersIn[i][t] - meanBuyersIn[i][t]);
                meanVictimsIn[i][t] += a * (victimsIn[i][t] - meanVictimsIn[i][t]);
                buyersIn[i][t] = 0;
                victimsIn[i][t] = 0;
                double b = meanBuyersIn[i][t];
                double v = meanVictimsIn[i][t];
                if (b + v > 0) {
                    double push = (b - v) / (b + v);
                    // Excess demand is of buyers who would pay the going rate: once no buyer
                    // waiting bids that much, more buyers than victims no longer raises it. (Else,
                    // where buyers are priced out and no victims come, the averaged flows fade but
                    // keep their ratio, and the rate climbed without end.)
                    if (push > 0 && topWaitingBid(i, t) < priceIndex[i][t]) {
                        push = 0;
                    }
                    priceIndex[i][t] *= Math.exp(k * push);
                    changed(i, t);
                }
            }
        }
    }

    /** The highest bid among buyers waiting for type t in a province, or -infinity. */
    private double topWaitingBid(int province, int t) {
        Waiting top = liveTop(province, t);
        return top == null ? Double.NEGATIVE_INFINITY : top.bid;
    }

    /** The best-bidding buyer still waiting for type t in a province (gone ones at the top are dropped), or null. */
    private Waiting liveTop(int province, int t) {
        PriorityQueue<Waiting> heap = bids[province][t];
        Waiting top = heap.peek();
        while (top != null && top.entry.gone) {
            heap.poll();
            dead[province][t]--;
            top = heap.peek();
        }
        return top;
    }

    /**
     * A settled start (docs/ODD.md s5): the averaged flows begin at {@code perDay} buyers entering
     * and as many victims brought for sale a day, a market in balance at its starting price, as if
     * a full averaging window had already been seen; without it they begin at zero, and traders
     * see no buyers anywhere until the first weeks have been averaged.
     */
    public void startFlows(int province, VictimType t, double perDay, Parameters p) {
        meanBuyersIn[province][t.ordinal()] = perDay;
        meanVictimsIn[province][t.ordinal()] = perDay;
        marketDays = Math.max(marketDays, (long) Math.ceil(p.getTightnessDays()));
        changed(province, t.ordinal());
    }

    private void changed(int province, int t) {
        if (stamps == null) {
            stamps = new int[waitingByType.length * TYPES];
        }
        stamps[province * TYPES + t]++;
        changes++;
    }

    /** Changes so far to any province's waiting counts, averaged flows or price indices (see {@link #stamp}). */
    public long changes() {
        return changes;
    }

    /**
     * Changes so far to the waiting count, averaged flows or price index of type t in a province:
     * while it is the same, so are {@link #waiting(int, VictimType)}, {@link #buyerInflow} and
     * {@link #priceIndex}.
     */
    public int stamp(int province, VictimType t) {
        return stamps == null ? 0 : stamps[province * TYPES + t.ordinal()];
    }

    public void prosecuted(int province) {
        monthProsecutions[province]++;
    }

    /** Perceived yearly hazard of prosecution for a household holding a bought victim. */
    public double prosecutionRate(int province) {
        return prosecutionRate[province];
    }

    /**
     * Starts buyers' perceived yearly hazards in a province at what a settled start estimates
     * (rescue, and prosecution of the household), as if learnt over the years before the run.
     */
    public void startRisk(int province, double recovery, double prosecution) {
        recoveryRate[province] = recovery;
        prosecutionRate[province] = prosecution;
    }

    /** Perceived yearly hazard of losing a bought victim to a police rescue. */
    public double recoveryRate(int province) {
        return recoveryRate[province];
    }

    /**
     * Month end: buyers learn the yearly hazards that a household holding a bought victim is
     * prosecuted, and that police take the victim away, from this month's prosecutions and
     * rescues from buyers ({@code recovered[i]}) over the households holding victims
     * ({@code held[i]}), half in their province, half nationally (weight 0.2 a month: news of
     * prosecutions travels slowly). Measured against the stock of buyers, not against new sales,
     * so that fewer sales do not by themselves make buying look riskier.
     */
    public void learnRisk(int[] held, double[] recovered) {
        double pros = 0;
        double rec = 0;
        double stock = 0;
        for (int i = 0; i < held.length; i++) {
            pros += monthProsecutions[i];
            rec += recovered[i];
            stock += held[i];
        }
        double nationalPros = stock > 0 ? 12 * pros / stock : 0;
        double nationalRec = stock > 0 ? 12 * rec / stock : 0;
        for (int i = 0; i < prosecutionRate.length; i++) {
            double localPros = held[i] > 0 ? 12.0 * monthProsecutions[i] / held[i] : nationalPros;
            double localRec = held[i] > 0 ? 12.0 * recovered[i] / held[i] : nationalRec;
            prosecutionRate[i] = 0.8 * prosecutionRate[i] + 0.2 * (0.5 * localPros + 0.5 * nationalPros);
            recoveryRate[i] = 0.8 * recoveryRate[i] + 0.2 * (0.5 * localRec + 0.5 * nationalRec);
            monthProsecutions[i] = 0;
        }
    }

}
