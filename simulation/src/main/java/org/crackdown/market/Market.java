package org.crackdown.market;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;

/**
 * Where victims meet buyers, province by province: who is waiting, what they would pay, and the
 * price index sellers and would-be buyers go by. Prices are bargained sale by sale and respond to
 * supply and demand: when buyers are many and victims few, sellers meet high bidders and take most
 * of the surplus; when victims are many, sellers compete and prices fall to what they will take.
 * Buyers learn the risks of buying (prosecution, losing the victim to a rescue) from what police do.
 */
public final class Market {

    private static final int TYPES = VictimType.values().length;

    private final List<List<Buyer>> waiting = new ArrayList<>();
    private final int[][] waitingByType;
    private final double[][] priceIndex;
    /** Buyers' perceived yearly hazard that a household holding a bought victim is prosecuted, per province. */
    private final double[] prosecutionRate;
    /** Buyers' perceived yearly hazard that police find a bought victim and take her or him away. */
    private final double[] recoveryRate;
    private final int[] monthProsecutions;

    public Market(int provinces, Parameters p) {
        waitingByType = new int[provinces][TYPES];
        priceIndex = new double[provinces][TYPES];
        prosecutionRate = new double[provinces];
        recoveryRate = new double[provinces];
        monthProsecutions = new int[provinces];
        for (int i = 0; i < provinces; i++) {
            waiting.add(new ArrayList<>());
            for (VictimType t : VictimType.values()) {
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
    public record Sale(Buyer buyer, double price) {
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
        List<Buyer> list = waiting.get(province);
        int best = -1;
        double bestBid = reservation;
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
        double buyerShare = buyersHere / (buyersHere + Math.max(1, sellersHere));
        double price = reservation + buyerShare * (bestBid - reservation);
        double w = p.getPriceMemory();
        priceIndex[province][t.ordinal()] = (1 - w) * priceIndex[province][t.ordinal()] + w * price;
        return new Sale(b, price);
    }

    /**
     * A seller found no buyer at its reservation today: its asking price is part of the going
     * rate buyers hear of, so the index moves towards it as it would towards a sale. In a glut
     * (victims waiting, no buyers) asks fall and the index with them, which brings buyers back.
     */
    public void unsold(int province, VictimType t, double ask, Parameters p) {
        double w = p.getPriceMemory();
        priceIndex[province][t.ordinal()] = (1 - w) * priceIndex[province][t.ordinal()] + w * ask;
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
