package org.crackdown.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.crackdown.model.Demography;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

import ec.util.MersenneTwisterFast;

/**
 * The rural families of every province. Families are too many to simulate one by one, and most
 * never meet a trafficker; what matters is the newborn's sex, drawn from the province's sex ratio
 * at birth, and the few poor families who, with a newborn, would sell it. Those become individual
 * {@link SellingFamily} agents with their own reservation price, for brokers to find. Families
 * that lose a child to abduction are represented through the victim (report, DNA sample).
 */
public final class RuralFamilies implements java.io.Serializable {

    private final ProvinceNetwork net;
    private final Demography demography;
    private final List<ArrayDeque<SellingFamily>> open = new ArrayList<>();
    /** Open families per province and child type, kept with the pools: gangs ask this at every plan. */
    private final int[][] openCount;

    public RuralFamilies(ProvinceNetwork net, Demography demography) {
        this.net = net;
        this.demography = demography;
        for (int i = 0; i < net.size(); i++) {
            open.add(new ArrayDeque<>());
        }
        openCount = new int[net.size()][VictimType.values().length];
    }

    /** Today's rural births; poor families with a newborn decide whether they would sell. */
    public void step(int today, double year, Parameters p, MersenneTwisterFast r) {
        for (Province prov : net.provinces()) {
            int i = prov.index();
            ArrayDeque<SellingFamily> q = open.get(i);
            while (!q.isEmpty() && q.peekFirst().closesDay() <= today) {
                openCount[i][q.pollFirst().child().ordinal()]--;
            }
            int births = Rng.poisson(r, demography.ruralBirthsPerDay(prov, p));
            int boys = Rng.binomial(r, births, demography.boyShare(prov, year, p));
            int girls = births - boys;
            double q0 = Math.min(1, p.getSalePropensity() * Math.pow(demography.povertyIndex(prov), p.getPovertyElasticity()));
            int sellBoys = Rng.binomial(r, boys, q0);
            int sellGirls = Rng.binomial(r, girls, Math.min(1, q0 * p.getGirlSaleFactor()));
            for (int k = 0; k < sellBoys + sellGirls; k++) {
                VictimType child = k < sellBoys ? VictimType.BOY : VictimType.GIRL;
                double reservation = Rng.uniform(r, p.getReservationPriceMin(), p.getReservationPriceMax());
                q.addLast(new SellingFamily(i, child, reservation, today + p.getSaleWindowDays()));
                openCount[i][child.ordinal()]++;
            }
        }
    }

    /** Families open to an offer for a child of this sex in the province. */
    public int openFamilies(int province, VictimType child) {
        return openCount[province][child.ordinal()];
    }

    public int openFamilies(int province) {
        return open.get(province).size();
    }

    /**
     * A broker offers {@code offer} for a child of this sex: the first open family whose
     * reservation price the offer meets accepts, and leaves the pool. Null if none accepts.
     */
    public SellingFamily accept(int province, VictimType child, double offer) {
        Iterator<SellingFamily> it = open.get(province).iterator();
        while (it.hasNext()) {
            SellingFamily f = it.next();
            if (f.child() == child && f.reservationPrice() <= offer) {
                it.remove();
                openCount[province][child.ordinal()]--;
                return f;
            }
        }
        return null;
    }
}
