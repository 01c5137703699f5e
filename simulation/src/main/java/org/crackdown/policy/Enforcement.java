package org.crackdown.policy;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.Victim;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.model.TraffickingModel;

import ec.util.MersenneTwisterFast;

/**
 * What police do to the trade: stop gangs on the road and at the border, investigate cases to
 * bust gangs, trace victims to buyers, prosecute buyers, match children by DNA, and take tips.
 * Everything police achieve is counted here.
 */
public final class Enforcement {

    /** Why a gang was caught: decides how rescued victims are counted. */
    public enum Cause { PATROL, INVESTIGATION }

    private final TraffickingModel model;
    private final PoliceForce police;
    private final CaseBook cases;
    /** Victims living with buyers, per province (rescued ones are dropped lazily). */
    private final List<List<Victim>> heldByBuyers = new ArrayList<>();
    /** Children with buyers whose parents' DNA is on file, per province (also lazy). */
    private final List<List<Victim>> sampledChildren = new ArrayList<>();
    /**
     * Gang-days of evidence behind the public picture of a province, at national scale (multiplied
     * by {@code scale}, since gang-days are): a month with little traffic through a province moves
     * beliefs about it little.
     */
    private static final double RISK_PRIOR_DAYS = 60;

    /** This month's stops and busts, and gang-days with victims, per province: the public risk signal. */
    private final double[] monthStops;
    private final double[] monthExposure;
    private final double[] publicRisk;
    /** Share of cases solved, as traffickers perceive it; starts at one in two. */
    private double publicClearance = 0.5;
    private double monthOpened;
    private double monthSolved;

    public Enforcement(TraffickingModel model, PoliceForce police, int provinces) {
        this.model = model;
        this.police = police;
        this.cases = new CaseBook(provinces);
        for (int i = 0; i < provinces; i++) {
            heldByBuyers.add(new ArrayList<>());
            sampledChildren.add(new ArrayList<>());
        }
        monthStops = new double[provinces];
        monthExposure = new double[provinces];
        publicRisk = new double[provinces];
    }

    public CaseBook cases() {
        return cases;
    }

    // ------------------------------------------------------------------ patrol and border

    /** Daily chance that patrols in a province stop a gang carrying victims. */
    public double interceptionHazard(int province, Parameters p) {
        PoliceUnit u = police.unit(province);
        double perMillion = model.demography().population(model.network().get(province), p) / 1e6;
        if (perMillion <= 0) {
            return 0;
        }
        return 1 - Math.exp(-p.getInterceptionEfficiency() * u.patrol(p) / perMillion);
    }

    /** A gang with victims spends a day in a province: patrols may stop it. */
    public void patrol(Gang g, int province, Parameters p, MersenneTwisterFast r) {
        model.metrics().increment(Measure.TRANSIT_DAYS, province);
        if (r.nextDouble() < interceptionHazard(province, p)) {
            bust(g, province, Cause.PATROL, p, r);
        }
    }

    /**
     * Border control stops couriers bringing a victim in: the victim is rescued, one courier
     * arrested, and the gang learns that crossing here is dangerous.
     */
    public void borderStop(Gang g, Victim v, int province, Parameters p, MersenneTwisterFast r) {
        Metrics m = model.metrics();
        rescue(v, province, Measure.RESCUED_IN_TRANSIT, p);
        m.increment(Measure.SUSPECTS_ARRESTED, province);
        solved(v.type().isChild(), province);
        monthStops[province]++;
        g.learnDanger(province, p.getLearningRate());
        if (g.arrest(1.0 / Math.max(1, g.members()), r) > 0 && g.members() <= 0) {
            m.increment(Measure.GANGS_BUSTED, province);
            model.removeGang(g);
        }
    }

    /**
     * A missing-child alert worked: the public spots the child before the gang gets away. The
     * child is rescued where taken and the report case is solved; the gang escapes.
     */
    public void alertRecovery(Victim v, int province, Parameters p) {
        rescue(v, province, Measure.RESCUED_IN_TRANSIT, p);
        solved(true, province);
        cases.closeVictim(v);
    }

    // ------------------------------------------------------------------ busts

    /**
     * A gang is broken up: members arrested, the victims it holds rescued, victims it sold traced
     * to buyers, leads to the gangs it dealt with, and some escaped members re-form a gang.
     */
    public void bust(Gang g, int province, Cause cause, Parameters p, MersenneTwisterFast r) {
        if (!g.active()) {
            return;
        }
        Metrics m = model.metrics();
        m.increment(Measure.GANGS_BUSTED, province);
        monthStops[province]++;
        // Out of play first, so nothing below can bust it twice; ending it unlinks it from its
        // partners, so note them first for the leads.
        List<Gang> partners = new ArrayList<>(g.partners());
        model.removeGang(g);
        m.add(Measure.SUSPECTS_ARRESTED, province, g.arrest(p.getArrestShare(), r));
        Measure how = cause == Cause.PATROL ? Measure.RESCUED_IN_TRANSIT : Measure.RESCUED_AT_BUST;
        List<Victim> held = g.releaseVictims();
        if (cause == Cause.PATROL && !held.isEmpty()) {
            solved(held.stream().anyMatch(v -> v.type().isChild()), province);
        }
        for (Victim v : held) {
            rescue(v, province, how, p);
        }
        // Some of its other open cases are solved with it, and the victims they name are traced.
        for (Case c : cases.closeLinked(g, p.getLinkedCaseProbability(), r)) {
            monthSolved++;
            solved(c.child(), c.province());
            if (c.victim() != null && c.victim().status() == Victim.Status.WITH_BUYER) {
                rescueFromBuyer(c.victim(), p, r);
            }
        }
        for (Victim v : g.soldLedger()) {
            if (v.status() == Victim.Status.WITH_BUYER && r.nextDouble() < p.getTraceSoldProbability()) {
                rescueFromBuyer(v, p, r);
            }
        }
        for (Gang partner : partners) {
            if (partner.active() && r.nextDouble() < p.getLeadProbability()) {
                open(Case.Kind.LEAD, partner.home(), false, partner, null);
            }
        }
        int escaped = g.members();
        if (escaped >= 2 && r.nextDouble() < p.getReformProbability()) {
            double[] belief = g.beliefs();
            Gang reformed = model.formGang(g.home(), escaped, belief);
            reformed.learnDanger(province, p.getLearningRate());
        }
    }

    private void rescue(Victim v, int province, Measure how, Parameters p) {
        Metrics m = model.metrics();
        v.rescued();
        m.increment(how, province);
        m.increment(v.type().isChild() ? Measure.CHILDREN_RESCUED : Measure.WOMEN_RESCUED, province);
        police.observeOrigin(v.origin());
        if (v.reunitable(p.isDnaEnabled())) {
            m.increment(Measure.CHILDREN_REUNITED, v.origin());
        }
    }

    private void rescueFromBuyer(Victim v, Parameters p, MersenneTwisterFast r) {
        int province = v.buyer().province();
        rescue(v, province, Measure.RESCUED_FROM_BUYER, p);
        police.observeDestination(province);
        if (r.nextDouble() < p.getProsecutionProbability()) {
            model.metrics().increment(Measure.BUYERS_PROSECUTED, province);
            model.market().prosecuted(province);
        }
    }

    private void solved(boolean child, int province) {
        Metrics m = model.metrics();
        m.increment(Measure.CASES_SOLVED, province);
        m.increment(child ? Measure.CHILD_CASES_SOLVED : Measure.WOMEN_CASES_SOLVED, province);
    }

    // ------------------------------------------------------------------ cases

    public Case open(Case.Kind kind, int province, boolean child, Gang g, Victim v) {
        model.metrics().increment(Measure.CASES_OPENED, province);
        if (kind != Case.Kind.FALSE_TIP) {
            monthOpened++;
        }
        police.observeReport(province);
        if (v != null && kind == Case.Kind.MISSING_REPORT) {
            police.observeOrigin(v.origin());
        }
        return cases.open(kind, province, child, g, v, model.dayIndex());
    }

    /** A victim was sold: she or he now lives with the buyer; the public may tip police off. */
    public void onSale(Gang g, Victim v, int province, Parameters p, MersenneTwisterFast r) {
        heldByBuyers.get(province).add(v);
        if (v.type().isChild() && v.parentsSampled()) {
            sampledChildren.get(province).add(v);
        }
        if (!p.isTipsEnabled()) {
            return;
        }
        if (r.nextDouble() < p.getTipsReach()) {
            model.metrics().increment(Measure.TIPS, province);
            open(Case.Kind.TIP, province, v.type().isChild(), g, v);
        }
        double acc = Math.max(1e-3, p.getTipsAccuracy());
        int falseTips = Rng.poisson(r, p.getTipsReach() * (1 - acc) / acc);
        for (int k = 0; k < falseTips; k++) {
            model.metrics().increment(Measure.TIPS, province);
            open(Case.Kind.FALSE_TIP, province, v.type().isChild(), null, null);
        }
    }

    /** A day of investigation in every province. */
    public void investigate(Parameters p, MersenneTwisterFast r) {
        for (Case c : cases.investigate(police.units(), model.dayIndex(), p, r)) {
            if (!c.genuine()) {
                continue;
            }
            monthSolved++;
            solved(c.child(), c.province());
            Gang g = c.gang();
            if (g != null && g.active() && r.nextDouble() < p.getBustProbability()) {
                bust(g, c.province(), Cause.INVESTIGATION, p, r);
            }
            Victim v = c.victim();
            if (v != null && v.status() == Victim.Status.WITH_BUYER) {
                rescueFromBuyer(v, p, r);
            }
        }
    }

    /**
     * A day of searching buyers' homes (buyer-enforcement officers) and of DNA matching (DNA
     * officers, only while the database runs). Finds are proportional to officers while such
     * victims are common, and saturate as they become rare.
     */
    public void searchBuyers(Parameters p, MersenneTwisterFast r) {
        for (PoliceUnit u : police.units()) {
            int i = u.province();
            double officers = u.buyerOfficers(p);
            find(heldByBuyers.get(i), Rng.poisson(r, rate(officers, p.getBuyerSearchEfficiency(), heldByBuyers.get(i).size())), p, r);
            if (p.isDnaEnabled()) {
                double dna = u.dnaOfficers(p);
                find(sampledChildren.get(i), Rng.poisson(r, rate(dna, p.getDnaSearchEfficiency(), sampledChildren.get(i).size())), p, r);
            }
        }
    }

    private static double rate(double officers, double perOfficerYear, int held) {
        if (held == 0 || officers <= 0) {
            return 0;
        }
        double capacity = officers * perOfficerYear / 365.0;
        return capacity * held / (held + 50.0 * officers);
    }

    private void find(List<Victim> pool, int n, Parameters p, MersenneTwisterFast r) {
        for (int k = 0; k < n && !pool.isEmpty(); ) {
            int idx = r.nextInt(pool.size());
            Victim v = pool.get(idx);
            pool.set(idx, pool.get(pool.size() - 1));
            pool.remove(pool.size() - 1);
            if (v.status() != Victim.Status.WITH_BUYER) {
                continue;
            }
            k++;
            solved(v.type().isChild(), v.buyer().province());
            rescueFromBuyer(v, p, r);
        }
    }

    // ------------------------------------------------------------------ public risk

    /** Daily chance of being stopped in a province, as traffickers learn it from what happens. */
    public double publicRisk(int province) {
        return publicRisk[province];
    }

    /** A gang spends a day in a province: one gang-day of exposure to its police. */
    public void present(int province) {
        monthExposure[province]++;
    }

    /** Starts the public picture at the true patrol hazard. */
    public void initPublicRisk(Parameters p) {
        for (int i = 0; i < publicRisk.length; i++) {
            publicRisk[i] = interceptionHazard(i, p);
        }
    }

    /** Share of reported cases that end solved, as traffickers perceive it. */
    public double publicClearance() {
        return publicClearance;
    }

    /**
     * Monthly: the month's stops and busts per gang-day present, and cases solved, become news.
     * What gangs saw happen is weighed against what anyone can see of police on the ground
     * (checkpoints, campaign publicity): the current patrol hazard, worth {@link #RISK_PRIOR_DAYS}
     * gang-days of evidence per unit of scale. So beliefs rise when a crackdown starts and fall back after it ends,
     * faster where traffic (and so news) is heavy.
     */
    public void updatePublicRisk(Parameters p) {
        if (monthOpened > 0) {
            publicClearance = 0.8 * publicClearance + 0.2 * Math.min(1, monthSolved / monthOpened);
        }
        monthOpened = 0;
        monthSolved = 0;
        for (int i = 0; i < publicRisk.length; i++) {
            double visible = interceptionHazard(i, p);
            double prior = RISK_PRIOR_DAYS * p.getScale();
            double observed = (monthStops[i] + prior * visible) / (monthExposure[i] + prior);
            publicRisk[i] = 0.7 * publicRisk[i] + 0.3 * Math.min(1, observed);
            monthStops[i] = 0;
            monthExposure[i] = 0;
        }
    }

    /** Victims currently living with buyers in a province (for the GUI and checks). */
    public int heldByBuyers(int province) {
        int n = 0;
        for (Victim v : heldByBuyers.get(province)) {
            if (v.status() == Victim.Status.WITH_BUYER) {
                n++;
            }
        }
        return n;
    }
}
