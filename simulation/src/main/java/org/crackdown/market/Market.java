package org.crackdown.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;

/**
 * Where victims meet buyers, province by province: who is waiting, what they would pay, and the
 * price index sellers use. Prices respond to supply and demand through who is left to buy: when
 * buyers are many and victims few, sellers meet high bidders and raise their asks.
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
    private final PriorityQueue<Entry> byGiveUp = new PriorityQueue<>(
            Comparator.comparingInt((java.util.function.ToIntFunction<Entry> & java.io.Serializable) e -> e.buyer.giveUpDay()));
    private final int[] waitingCount;
    private long arrivals;
    private final int[][] waitingByType;
    private final double[][] priceIndex;
    /** Buyers' perceived yearly chance of being prosecuted while holding a bought victim, per province. */
    private final double[] perceivedRisk;
    private final int[] monthProsecutions;

    @SuppressWarnings("unchecked")
    public Market(int provinces, Parameters p) {
        bids = new PriorityQueue[provinces][TYPES];
        dead = new int[provinces][TYPES];
        waitingCount = new int[provinces];
        waitingByType = new int[provinces][TYPES];
        priceIndex = new double[provinces][TYPES];
        perceivedRisk = new double[provinces];
        monthProsecutions = new int[provinces];
        for (int i = 0; i < provinces; i++) {
            for (VictimType t : VictimType.values()) {
                bids[i][t.ordinal()] = new PriorityQueue<>(BY_BID_DESC);
                priceIndex[i][t.ordinal()] = (minPrice(p, t) + maxPrice(p, t)) / 2;
            }
        }
    }

    public static double minPrice(Parameters p, VictimType t) {
        return switch (t) {
            case BOY -> p.getBoyPriceMin();
            case GIRL -> p.getGirlPriceMin();
            case WOMAN -> p.getBridePriceMin();
        };
    }

    public static double maxPrice(Parameters p, VictimType t) {
        return switch (t) {
            case BOY -> p.getBoyPriceMax();
            case GIRL -> p.getGirlPriceMax();
            case WOMAN -> p.getBridePriceMax();
        };
    }

    public void enter(Buyer b) {
        Entry e = new Entry(b);
        long seq = arrivals++;
        for (VictimType t : VictimType.values()) {
            if (b.wants(t)) {
                bids[b.province()][t.ordinal()].add(new Waiting(e, b.willingnessToPay(t), seq));
                waitingByType[b.province()][t.ordinal()]++;
            }
        }
        waitingCount[b.province()]++;
        byGiveUp.add(e);
    }

    /** The buyer stops waiting (bought, or gave up): counts drop now, heap entries lazily. */
    private void leave(Entry e) {
        Buyer b = e.buyer;
        e.gone = true;
        for (VictimType t : VictimType.values()) {
            if (b.wants(t)) {
                waitingByType[b.province()][t.ordinal()]--;
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
        while (!byGiveUp.isEmpty() && byGiveUp.peek().buyer.giveUpDay() <= today) {
            Entry e = byGiveUp.poll();
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
     * What a seller asks today: the price index, raised when buyers outnumber sellers. Buyers are
     * counted per national equivalent (waiting / scale), as the sellers are real ones, so the ask
     * does not depend on the run's scale.
     */
    public double ask(int province, VictimType t, int sellersHere, Parameters p) {
        double buyers = waitingByType[province][t.ordinal()] / p.getScale();
        double scarcity = (buyers - sellersHere) / (buyers + sellersHere + 1);
        return priceIndex[province][t.ordinal()] * (1 + p.getScarcityMarkup() * scarcity);
    }

    /** A completed sale between a seller and a buyer. */
    public record Sale(Buyer buyer, double price) implements java.io.Serializable {
    }

    /**
     * Sells one victim of type {@code t} to the waiting buyer who bids most, if that bid reaches
     * the seller's floor. The price splits the difference between the ask and the bid, capped
     * by the bid. Returns null when no buyer would pay the floor.
     */
    public Sale sell(int province, VictimType t, double ask, double floor, Parameters p) {
        PriorityQueue<Waiting> heap = bids[province][t.ordinal()];
        Waiting top = heap.peek();
        while (top != null && top.entry.gone) {
            heap.poll();
            dead[province][t.ordinal()]--;
            top = heap.peek();
        }
        if (top == null || top.bid < floor || top.bid <= 0) {
            return null;
        }
        heap.poll();
        double bestBid = top.bid;
        Buyer b = top.buyer;
        // Polled already, so it is not counted among this heap's dead entries.
        dead[province][t.ordinal()]--;
        leave(top.entry);
        double price = Math.min(bestBid, (Math.max(ask, floor) + bestBid) / 2);
        double w = p.getPriceMemory();
        priceIndex[province][t.ordinal()] = (1 - w) * priceIndex[province][t.ordinal()] + w * price;
        return new Sale(b, price);
    }

    public void prosecuted(int province) {
        monthProsecutions[province]++;
    }

    public double perceivedRisk(int province) {
        return perceivedRisk[province];
    }

    /**
     * Monthly: buyers learn the yearly chance that a household holding a bought victim is
     * prosecuted, from last month's prosecutions over the households holding victims
     * ({@code held[i]}), half in their province, half nationally. Measured against the stock of
     * buyers, not against new sales, so that fewer sales do not by themselves make buying look
     * riskier.
     */
    public void learnRisk(int[] held) {
        double pros = 0;
        double stock = 0;
        for (int i = 0; i < held.length; i++) {
            pros += monthProsecutions[i];
            stock += held[i];
        }
        double national = stock > 0 ? Math.min(1, 12 * pros / stock) : 0;
        for (int i = 0; i < perceivedRisk.length; i++) {
            double local = held[i] > 0 ? Math.min(1, 12.0 * monthProsecutions[i] / held[i]) : national;
            double observed = 0.5 * local + 0.5 * national;
            perceivedRisk[i] = 0.8 * perceivedRisk[i] + 0.2 * observed;
            monthProsecutions[i] = 0;
        }
    }

}
