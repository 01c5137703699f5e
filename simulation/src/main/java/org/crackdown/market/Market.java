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
 * price index sellers and would-be buyers go by. Prices are bargained sale by sale and respond to
 * supply and demand: when buyers are many and victims few, sellers meet high bidders and take most
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
     * How often the waiting count or the price index of each (province, type) has changed, and of
     * all of them: lets a reader keep figures derived from them until they change (Prospects'
     * expected sales). Not model state: counts from 0 again when read from a checkpoint.
     */
    private transient int[] stamps;
    private transient long changes;

    @SuppressWarnings("unchecked")
    public Market(int provinces, Parameters p) {
        bids = new PriorityQueue[provinces][TYPES];
        dead = new int[provinces][TYPES];
        waitingCount = new int[provinces];
        waitingByType = new int[provinces][TYPES];
        priceIndex = new double[provinces][TYPES];
        prosecutionRate = new double[provinces];
        recoveryRate = new double[provinces];
        monthProsecutions = new int[provinces];
        for (int i = 0; i < provinces; i++) {
            for (VictimType t : VictimType.values()) {
                bids[i][t.ordinal()] = new PriorityQueue<>(BY_BID_DESC);
                priceIndex[i][t.ordinal()] = startingPrice(p, t);
            }
        }
    }

    /**
     * Where a province's price index starts: the median willingness to pay of the type at national
     * income. Prices then move with sales during the burn-in; nothing holds them to a range.
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
        for (VictimType t : VictimType.values()) {
            if (b.wants(t)) {
                bids[b.province()][t.ordinal()].add(new Waiting(e, b.willingnessToPay(t), seq));
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
        for (VictimType t : VictimType.values()) {
            if (b.wants(t)) {
                waitingByType[b.province()][t.ordinal()]--;
                changed(b.province(), t.ordinal());
                if (++dead[b.province()][t.ordinal()] * 2 > bids[b.province()][t.ordinal()].size()) {
                    compact(b.province(), t.ordinal());
                }
            }
        }
        waitingCount[b.province()]--;
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
    public double ask(int province, VictimType t, double sellersHere, double patience) {
        double buyers = waitingByType[province][t.ordinal()];
        double chance = Math.min(1, buyers / Math.max(1, sellersHere));
        return priceIndex[province][t.ordinal()] * chance * patience;
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
     * (bid - reservation) equal to the share of buyers among buyers and sellers of this type in
     * the province today ({@code sellersHere}, at least this one). Where buyers queue for few
     * victims the price goes to the top bid; where many victims are on offer to few buyers, it
     * falls to what sellers will take. Nothing else bounds it.
     */
    public Sale sell(int province, VictimType t, double ask, double floor, double sellersHere, Parameters p) {
        double reservation = Math.max(ask, floor);
        double buyersHere = waitingByType[province][t.ordinal()];
        PriorityQueue<Waiting> heap = bids[province][t.ordinal()];
        Waiting top = heap.peek();
        while (top != null && top.entry.gone) {
            heap.poll();
            dead[province][t.ordinal()]--;
            top = heap.peek();
        }
        if (top == null || top.bid < reservation || top.bid <= 0) {
            return null;
        }
        heap.poll();
        double bestBid = top.bid;
        Buyer b = top.buyer;
        // Polled already, so it is not counted among this heap's dead entries.
        dead[province][t.ordinal()]--;
        leave(top.entry);
        double buyerShare = buyersHere / (buyersHere + Math.max(1, sellersHere));
        double price = reservation + buyerShare * (bestBid - reservation);
        double w = eventWeight(p);
        priceIndex[province][t.ordinal()] = (1 - w) * priceIndex[province][t.ordinal()] + w * price;
        changed(province, t.ordinal());
        return new Sale(b, price);
    }

    /**
     * Weight of one simulated sale or quote in the price index. {@code market.price_memory} is the
     * weight of one real sale; at scale s a simulated sale stands for 1/s real ones, each of which
     * would have moved the index, so its weight is 1 - (1 - w)^(1/s). Without this the index
     * moved ten times more slowly per real sale at scale 0.1 than nationally (issue 10, part 7).
     */
    static double eventWeight(Parameters p) {
        return 1 - Math.pow(1 - p.getPriceMemory(), 1 / p.getScale());
    }

    /**
     * A seller found no buyer at its reservation today: its asking price is part of the going
     * rate buyers hear of, so the index moves towards it as it would towards a sale. In a glut
     * (victims waiting, no buyers) asks fall and the index with them, which brings buyers back.
     */
    public void unsold(int province, VictimType t, double ask, Parameters p) {
        double w = eventWeight(p);
        priceIndex[province][t.ordinal()] = (1 - w) * priceIndex[province][t.ordinal()] + w * ask;
        changed(province, t.ordinal());
    }

    /**
     * End of the gangs' day: where buyers of a type wait and no victim of that type is on offer
     * ({@code forSale}), their best bid is the going rate buyers and sellers hear of, and the
     * index moves towards it (weight market.price_memory a day). So a province with unserved
     * buyers shows a rising price and draws sellers, as a glut shows a falling one.
     */
    public void unserved(double[][] forSale, Parameters p) {
        double w = p.getPriceMemory();
        for (int i = 0; i < priceIndex.length; i++) {
            for (int t = 0; t < TYPES; t++) {
                if (forSale[i][t] > 0 || waitingByType[i][t] == 0) {
                    continue;
                }
                PriorityQueue<Waiting> heap = bids[i][t];
                Waiting top = heap.peek();
                while (top != null && top.entry.gone) {
                    heap.poll();
                    dead[i][t]--;
                    top = heap.peek();
                }
                if (top != null) {
                    priceIndex[i][t] = (1 - w) * priceIndex[i][t] + w * top.bid;
                    changed(i, t);
                }
            }
        }
    }

    private void changed(int province, int t) {
        if (stamps == null) {
            stamps = new int[waitingByType.length * TYPES];
        }
        stamps[province * TYPES + t]++;
        changes++;
    }

    /** Changes so far to any province's waiting counts or price indices (see {@link #stamp}). */
    public long changes() {
        return changes;
    }

    /**
     * Changes so far to the waiting count or price index of type t in a province: while it is the
     * same, so are {@link #waiting(int, VictimType)} and {@link #priceIndex}.
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
