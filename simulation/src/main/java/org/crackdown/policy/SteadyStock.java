package org.crackdown.policy;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;

import ec.util.MersenneTwisterFast;

/**
 * The spin-up's restock ({@code init.restock_days}): sets the stock of victims held by buyers to
 * the steady state of the flows the running model shows, so the spin-up need not wait for it.
 *
 * <p>Why: the settled start sizes that stock from the buyers who would enter at the starting
 * prices, a first guess. The market finds its own prices and flows within a year or two, but the
 * stock follows only as fast as victims leave it: women escape, are released or die at about 8%
 * a year and are rescued at about as much, so the women's stock took a decade to fill and the
 * trade crept up with it (buyers read the risk of rescue and prosecution over the households
 * holding victims; docs/calibration.md, session 12).
 *
 * <p>How: windows of w days ({@code init.restock_days}) split each province's stock of each victim
 * type into the young, sold within the window, and the old. At steady state the old part is
 * F x E[min(Exp(mu), T - w)]: F the yearly flow of victims growing old (held victims that cross
 * age w), mu their yearly exit hazard, T the findable period of a child (none for a woman). Both
 * are measured on the window that just ended. F is the young of now times the share of the
 * window before's young still held now (all of whom crossed age w in this window): the flow of
 * now, not the survivors of last year's smaller one. mu is
 * the {@code held.*} rates plus the rescues of old victims over the mean old stock. Rescue is
 * measured on the old alone because it depends on age: recent sales are traced from busted
 * gangs' ledgers and reported cases, old ones are found mostly by searches and DNA. The old part
 * is then topped up with victims of ages drawn from the steady density e^(-mu a) on [w, T), each
 * obtained as a victim sold in the window was (origin and method copied from one of them), or
 * thinned by taking victims chosen at random out of it. Victims added are in no gang's ledger
 * and have no open case (sold more than a window ago; reports expire after a year by default); a
 * reported abducted child joins the DNA database or its backlog.
 */
public final class SteadyStock implements java.io.Serializable {

    /** Ids of the victims added: negative, below those of the settled start. */
    private long nextId;
    private final int windowDays;
    /** Old stock (held longer than the window) per province and type at the start of the window. */
    private final int[][] oldAtWindowStart;
    /** Young stock (held less than the window) per province and type at the start of the window. */
    private final int[][] youngAtWindowStart;
    /** Victims added and taken out over all restocks. */
    private int added;
    private int removed;

    /** Starts the first window today ({@code today} on the agents' clock). */
    public SteadyStock(Enforcement enf, int provinces, int today, int windowDays, long lowestIdInUse) {
        this.nextId = Math.min(0, lowestIdInUse) - 1;
        this.windowDays = windowDays;
        this.oldAtWindowStart = new int[provinces][VictimType.values().length];
        this.youngAtWindowStart = new int[provinces][VictimType.values().length];
        for (int i = 0; i < provinces; i++) {
            for (Victim v : enf.heldList(i)) {
                if (v.status() == Victim.Status.WITH_BUYER) {
                    (today - v.acquiredDay() >= windowDays ? oldAtWindowStart : youngAtWindowStart)[i][v.type().ordinal()]++;
                }
            }
        }
        enf.clearRestockCounts(windowDays);
    }

    /** Restocks at the end of a window ending today ({@code today} on the agents' clock), then starts the next. */
    public void restock(Enforcement enf, int today, Parameters p, MersenneTwisterFast r) {
        double w = windowDays / 365.0;
        VictimType[] types = VictimType.values();
        for (int i = 0; i < oldAtWindowStart.length; i++) {
            List<List<Victim>> young = byType(types.length);
            List<List<Victim>> old = byType(types.length);
            int[] crossed = new int[types.length];
            for (Victim v : enf.heldList(i)) {
                if (v.status() != Victim.Status.WITH_BUYER) {
                    continue;
                }
                int age = today - v.acquiredDay();
                int t = v.type().ordinal();
                (age < windowDays ? young : old).get(t).add(v);
                if (age >= windowDays && age < 2 * windowDays) {
                    crossed[t]++;
                }
            }
            for (VictimType t : types) {
                List<Victim> y = young.get(t.ordinal());
                List<Victim> o = old.get(t.ordinal());
                // The young of the window before crossed age w in this one (all who stayed): the
                // share that stayed, applied to the young of now, is the flow growing old from now.
                int youngBefore = youngAtWindowStart[i][t.ordinal()];
                double growingOld = youngBefore > 0 ? (double) crossed[t.ordinal()] / youngBefore * y.size() / w : 0;
                double meanOld = 0.5 * (oldAtWindowStart[i][t.ordinal()] + o.size());
                double rescue = meanOld > 0 ? enf.rescuedSinceRestock(i, t) / w / meanOld : 0;
                double mu = SteadyRecovery.otherExits(t, p) + rescue;
                double span = SteadyRecovery.findableYears(t, p) - w;
                int target = o.size(); // left alone: no sale to copy, no old part, or no steady state
                if (!y.isEmpty() && youngBefore > 0 && span > 0 && (mu > 0 || span < Double.POSITIVE_INFINITY)) {
                    target = (int) Math.round(growingOld * SteadyRecovery.stay(mu, span));
                }
                for (int k = o.size(); k < target; k++) {
                    Victim like = y.get(r.nextInt(y.size()));
                    double u = r.nextDouble();
                    double years = w + (mu > 0 ? -Math.log1p(u * Math.expm1(-mu * span)) / mu : u * span);
                    boolean reported = SettledStart.reportedByFamily(like.method(), p, r);
                    SettledStart.holdPastSale(enf, nextId--, t, like.origin(), like.originLabel(), like.method(),
                            reported, i, today, (int) Math.floor(years * 365), p, r);
                    added++;
                }
                for (int k = target; k < o.size(); k++) {
                    // A partial shuffle: the one leaving is chosen at random among those not yet gone.
                    int j = k + r.nextInt(o.size() - k);
                    Victim gone = o.get(j);
                    o.set(j, o.get(k));
                    enf.leftBeforeRun(gone);
                    removed++;
                }
                oldAtWindowStart[i][t.ordinal()] = target;
                youngAtWindowStart[i][t.ordinal()] = y.size();
            }
        }
        enf.clearRestockCounts(windowDays);
    }

    private static List<List<Victim>> byType(int n) {
        List<List<Victim>> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    public int added() {
        return added;
    }

    public int removed() {
        return removed;
    }
}
