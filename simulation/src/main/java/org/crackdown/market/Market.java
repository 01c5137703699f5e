package org.crackdown.market;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;

/**
 * Where victims meet buyers, province by province: who is waiting, what they would pay, and the
 * price index sellers use. Prices respond to supply and demand through who is left to buy: when
 * buyers are many and victims few, sellers meet high bidders and raise their asks.
 */
public final class Market {

    private static final int TYPES = VictimType.values().length;

    private final List<List<Buyer>> waiting = new ArrayList<>();
    private final int[][] waitingByType;
    private final double[][] priceIndex;
    /** Buyers' perceived yearly chance of being prosecuted while holding a bought victim, per province. */
    private final double[] perceivedRisk;
    private final int[] monthProsecutions;

    public Market(int provinces, Parameters p) {
        waitingByType = new int[provinces][TYPES];
        priceIndex = new double[provinces][TYPES];
        perceivedRisk = new double[provinces];
        monthProsecutions = new int[provinces];
        for (int i = 0; i < provinces; i++) {
            waiting.add(new ArrayList<>());
            for (VictimType t : VictimType.values()) {
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
        waiting.get(b.province()).add(b);
        for (VictimType t : VictimType.values()) {
            if (b.wants(t)) {
                waitingByType[b.province()][t.ordinal()]++;
            }
        }
    }

    private void leave(Buyer b) {
        for (VictimType t : VictimType.values()) {
            if (b.wants(t)) {
                waitingByType[b.province()][t.ordinal()]--;
            }
        }
    }

    /** Removes buyers whose patience ran out; returns how many gave up in each province. */
    public int[] expire(int today) {
        int[] gaveUp = new int[waiting.size()];
        for (int p = 0; p < waiting.size(); p++) {
            List<Buyer> list = waiting.get(p);
            int w = 0;
            for (Buyer b : list) {
                if (b.giveUpDay() <= today) {
                    leave(b);
                    gaveUp[p]++;
                } else {
                    list.set(w++, b);
                }
            }
            list.subList(w, list.size()).clear();
        }
        return gaveUp;
    }

    public int waiting(int province, VictimType t) {
        return waitingByType[province][t.ordinal()];
    }

    public int waiting(int province) {
        return waiting.get(province).size();
    }

    public int totalWaiting() {
        int n = 0;
        for (List<Buyer> l : waiting) {
            n += l.size();
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
    public record Sale(Buyer buyer, double price) {
    }

    /**
     * Sells one victim of type {@code t} to the waiting buyer who bids most, if that bid reaches
     * the seller's floor. The price splits the difference between the ask and the bid, capped
     * by the bid. Returns null when no buyer would pay the floor.
     */
    public Sale sell(int province, VictimType t, double ask, double floor, Parameters p) {
        List<Buyer> list = waiting.get(province);
        int best = -1;
        double bestBid = floor;
        for (int i = 0; i < list.size(); i++) {
            double bid = list.get(i).willingnessToPay(t);
            if (bid >= bestBid && bid > 0) {
                best = i;
                bestBid = bid;
            }
        }
        if (best < 0) {
            return null;
        }
        Buyer b = list.get(best);
        // Order does not matter in a province's list, so swap-remove keeps this O(1).
        list.set(best, list.get(list.size() - 1));
        list.remove(list.size() - 1);
        leave(b);
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
