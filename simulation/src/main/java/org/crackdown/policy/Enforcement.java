package org.crackdown.policy;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimTable;
import org.crackdown.agent.VictimType;
import org.crackdown.model.DayQueue;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.model.TraffickingModel;

import ec.util.MersenneTwisterFast;

/**
 * What police do to the trade: stop gangs on the road and at the border, investigate cases to
 * bust gangs, trace victims to buyers, prosecute buyers, match children by DNA, and take tips.
 * Everything police achieve is counted here, the way the statistics count it: a report, genuine
 * tip, lead, stop or find about a gang with an open case may be merged into that case; otherwise
 * it is a registered case first, except missing reports police do not register at once (kept as
 * inquiries, registered only if solved, or turned away); solving is a separate event (at a bust,
 * when its victims are found, or by investigation); and each rescue is counted under the process
 * that made it.
 *
 * <p>Longer than ~400 lines on purpose: every way police find, count and solve is here so that the
 * counting rules (merge, register, solve, rescue by process) are applied in one place, as the
 * statistics apply them; the case book, joint operations and the settled start are their own
 * classes.
 *
 * <p>Victims sold to buyers form a stock, province by province, that police search and buyers
 * judge their risk against. It has exits besides rescue: women escape, buyers let victims go,
 * victims die, and bought children grow up out of being findable (the {@code held.*} rates).
 */
public final class Enforcement implements java.io.Serializable {

    /** Why a gang was caught: decides how rescued victims are counted. */
    public enum Cause { PATROL, INVESTIGATION }

    /** The process that rescued a victim: each has its own measure, and they add up to all rescues. */
    public enum RescueProcess {
        PATROL(Measure.RESCUED_BY_PATROL, Measure.RESCUED_IN_TRANSIT),
        ALERT(Measure.RESCUED_BY_ALERT, Measure.RESCUED_IN_TRANSIT),
        BUST(Measure.RESCUED_BY_BUST, Measure.RESCUED_AT_BUST),
        TRACING(Measure.RESCUED_BY_TRACING, Measure.RESCUED_FROM_BUYER),
        REPORT(Measure.RESCUED_BY_REPORT, Measure.RESCUED_FROM_BUYER),
        TIP(Measure.RESCUED_BY_TIP, Measure.RESCUED_FROM_BUYER),
        DNA(Measure.RESCUED_BY_DNA, Measure.RESCUED_FROM_BUYER),
        BUYER_SEARCH(Measure.RESCUED_BY_BUYER_SEARCH, Measure.RESCUED_FROM_BUYER);

        private final Measure measure;
        /** The older, coarser split (in transit / at a bust / from a buyer) kept for existing users. */
        private final Measure where;

        RescueProcess(Measure measure, Measure where) {
            this.measure = measure;
            this.where = where;
        }

        public Measure measure() { return measure; }
    }

    // The victims' lists and queue are transient: written through the model's VictimTable
    // (writeObject below), since victims are not serializable on their own.

    private final TraffickingModel model;
    private final PoliceForce police;
    private final CaseBook cases;
    /** Victims living with buyers, per province (rescued and departed ones are dropped lazily). */
    private transient List<List<Victim>> heldByBuyers = new ArrayList<>();
    private final int[] heldCount;
    /** Children with buyers whose parents' DNA is on file, per province (also lazy). */
    private transient List<List<Victim>> sampledChildren = new ArrayList<>();
    /**
     * Abducted children with buyers whose parents' DNA is not on file yet, per province (lazy):
     * the backlog from which parents come forward once the database runs (dna.backlog_uptake).
     */
    private transient List<List<Victim>> unsampledChildren = new ArrayList<>();
    /**
     * Rescues from buyers' households since the spin-up last restocked the held stock, of victims
     * held longer than its window, per province and victim type ({@link SteadyStock}).
     */
    private final int[][] rescuedSinceRestock;
    /** Age in days from which a rescued victim counts in rescuedSinceRestock (the window). */
    private int restockWindow = Integer.MAX_VALUE;
    /** Exits from buyers' households in date order (ties by sale order). */
    private transient DayQueue<Victim> exits = new DayQueue<>();
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
    /** Share of reports (and other files) solved, as traffickers perceive it; starts at one in two. */
    private double publicClearance = 0.5;
    /** This month's reports whose fate was decided: solved, and gone cold or turned away. */
    private double monthSolved;
    private double monthUnsolved;
    /**
     * Per province, the last interception hazard and its inputs (patrol officers, year, scale,
     * interception efficiency): a cache, not model state.
     */
    private transient double[][] hazardMemo;

    public Enforcement(TraffickingModel model, PoliceForce police, int provinces) {
        this.model = model;
        this.police = police;
        this.cases = new CaseBook(provinces);
        for (int i = 0; i < provinces; i++) {
            heldByBuyers.add(new ArrayList<>());
            sampledChildren.add(new ArrayList<>());
            unsampledChildren.add(new ArrayList<>());
        }
        heldCount = new int[provinces];
        rescuedSinceRestock = new int[provinces][VictimType.values().length];
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
        // Asked for every gang-day with victims, and its inputs change at most daily: the last
        // value per province is reused while every input is the same (so the same number).
        double patrol = u.patrol(p);
        double year = model.demography().year();
        double scale = p.getScale();
        double efficiency = p.getInterceptionEfficiency();
        if (hazardMemo == null) {
            hazardMemo = new double[heldCount.length][];
        }
        double[] memo = hazardMemo[province];
        if (memo != null && memo[0] == patrol && memo[1] == year && memo[2] == scale && memo[3] == efficiency) {
            return memo[4];
        }
        double perMillion = model.demography().population(model.network().get(province), p) / 1e6;
        double hazard = perMillion <= 0 ? 0 : 1 - Math.exp(-efficiency * patrol / perMillion);
        hazardMemo[province] = new double[] {patrol, year, scale, efficiency, hazard};
        return hazard;
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
     * arrested, a case registered against the gang (solved later, and it may lead to the gang),
     * and the gang learns that crossing here is dangerous.
     */
    public void borderStop(Gang g, Victim v, int province, Parameters p, MersenneTwisterFast r) {
        Metrics m = model.metrics();
        rescue(v, province, RescueProcess.PATROL, p);
        m.increment(Measure.SUSPECTS_ARRESTED, province);
        prosecute(province, 1, p, r);
        open(Case.Kind.STOP, province, v.type().isChild(), g, null);
        monthStops[province]++;
        g.learnDanger(province, p.getLearningRate());
        if (g.arrest(1.0 / Math.max(1, g.members()), r) > 0 && g.members() <= 0) {
            m.increment(Measure.GANGS_BUSTED, province);
            model.removeGang(g);
        }
    }

    /**
     * A missing-child alert worked: the public spots the child before the gang gets away. The
     * child is rescued where taken, which solves the report case opened just before; the gang
     * escapes.
     */
    public void alertRecovery(Victim v, int province, Parameters p) {
        rescue(v, province, RescueProcess.ALERT, p);
    }

    // ------------------------------------------------------------------ busts

    /**
     * A gang is broken up: members arrested, the victims it holds rescued, victims it sold traced
     * to buyers, leads to the gangs it dealt with, and some escaped members re-form a gang. A gang
     * stopped by patrols had no case against it for the victims it carried unless their families
     * had reported them: the stop registers one, to be solved later.
     */
    public Busted bust(Gang g, int province, Cause cause, Parameters p, MersenneTwisterFast r) {
        if (!g.active()) {
            return new Busted(0, 0, 0);
        }
        Metrics m = model.metrics();
        m.increment(Measure.GANGS_BUSTED, province);
        monthStops[province]++;
        // Out of play first, so nothing below can bust it twice; ending it unlinks it from its
        // partners, so note them first for the leads.
        List<Gang> partners = new ArrayList<>(g.partners());
        model.removeGang(g);
        int arrested = g.arrest(p.getArrestShare(), r);
        m.add(Measure.SUSPECTS_ARRESTED, province, arrested);
        prosecute(province, arrested, p, r);
        int rescued = 0;
        int children = 0;
        RescueProcess how = cause == Cause.PATROL ? RescueProcess.PATROL : RescueProcess.BUST;
        List<Victim> held = g.releaseVictims();
        boolean onFile = false;
        boolean child = false;
        for (Victim v : held) {
            onFile |= rescue(v, province, how, p);
            rescued++;
            child |= v.type().isChild();
            children += v.type().isChild() ? 1 : 0;
        }
        // Some of its other open cases are solved with it, and the victims they name are traced.
        for (Case c : cases.closeLinked(g, p.getLinkedCaseProbability(), r)) {
            solved(c);
            for (Victim v : rescueNamed(c, p, r)) {
                rescued++;
                children += v.type().isChild() ? 1 : 0;
            }
        }
        if (cause == Cause.PATROL && !held.isEmpty() && !onFile) {
            open(Case.Kind.STOP, province, child, g, null);
        }
        for (Victim v : g.soldLedger()) {
            if (v.status() == Victim.Status.WITH_BUYER && r.nextDouble() < p.getTraceSoldProbability()) {
                rescueFromBuyer(v, RescueProcess.TRACING, p, r);
                rescued++;
                children += v.type().isChild() ? 1 : 0;
            }
        }
        // A lead is a case against the partner for the trade it is in: a child-trafficking case
        // if it deals in children (until session 9 every lead was counted as a women's case).
        for (Gang partner : partners) {
            if (partner.active() && r.nextDouble() < p.getLeadProbability()) {
                open(Case.Kind.LEAD, partner.home(), partner.childSpecialist(), partner, null);
            }
        }
        int escaped = g.members();
        if (escaped >= 2 && r.nextDouble() < p.getReformProbability()) {
            double[] belief = g.beliefs();
            Gang reformed = model.formGang(g.home(), escaped, belief);
            reformed.learnDanger(province, p.getLearningRate());
        }
        return new Busted(arrested, rescued, children);
    }

    /**
     * The members arrested together are one prosecution. The procuratorate takes it to court as a
     * trafficking case with courts.indictment_share (the others are released for want of
     * evidence, charged with lesser crimes, or tried within another case); in court each is
     * sentenced with courts.sentenced_share, and a case that sentences at least one of them is a
     * trafficking case concluded by the courts (the unit of the court statistics, china-facts s2:
     * 7,719 cases and 12,963 people sentenced in 2010-2014). The first step sets how many cases
     * there are, the second how many people each sentences. Counted when the arrests are made: the
     * months a trial takes are not modelled, and what is compared is a five-year mean and a ratio.
     * Both shares price the sanction that deters recruits (TraffickingModel.sanctionYears).
     */
    private void prosecute(int province, int arrested, Parameters p, MersenneTwisterFast r) {
        if (arrested <= 0 || r.nextDouble() >= p.getIndictmentShare()) {
            return;
        }
        int sentenced = 0;
        for (int i = 0; i < arrested; i++) {
            if (r.nextDouble() < p.getSentencedShare()) {
                sentenced++;
            }
        }
        if (sentenced > 0) {
            Metrics m = model.metrics();
            m.increment(Measure.COURT_CASES_CONCLUDED, province);
            m.add(Measure.PEOPLE_SENTENCED, province, sentenced);
        }
    }

    /**
     * What a bust achieved: members arrested, and victims rescued by it (held, named in its cases,
     * traced), of whom {@code childrenRescued} children.
     */
    public record Busted(int arrested, int rescued, int childrenRescued) implements java.io.Serializable {
    }

    /** A solved case's victims still with buyers are found; returns them. */
    private List<Victim> rescueNamed(Case c, Parameters p, MersenneTwisterFast r) {
        List<Victim> found = new ArrayList<>();
        for (Victim v : new ArrayList<>(c.victims())) {
            if (v.status() == Victim.Status.WITH_BUYER) {
                rescueFromBuyer(v, process(c), p, r);
                found.add(v);
            }
        }
        return found;
    }

    /** How a victim named by a solved case is counted when found with a buyer. */
    private static RescueProcess process(Case c) {
        return c.kind() == Case.Kind.TIP ? RescueProcess.TIP : RescueProcess.REPORT;
    }

    /**
     * A victim is freed and counted under the process that found her or him, and struck off the
     * open cases that name her or him (a family's report, a tip); a case left naming no one is
     * solved by it. Returns whether any open case named the victim.
     */
    private boolean rescue(Victim v, int province, RescueProcess how, Parameters p) {
        Metrics m = model.metrics();
        if (v.status() == Victim.Status.WITH_BUYER) {
            heldCount[v.buyerProvince()]--;
            if (model.dayIndex() - v.acquiredDay() >= restockWindow) {
                rescuedSinceRestock[v.buyerProvince()][v.type().ordinal()]++;
            }
        }
        v.rescued();
        m.increment(how.measure, province);
        m.increment(how.where, province);
        m.increment(v.type().isChild() ? Measure.CHILDREN_RESCUED : Measure.WOMEN_RESCUED, province);
        police.observeOrigin(v.origin());
        if (v.reunitable(p.isDnaEnabled())) {
            m.increment(Measure.CHILDREN_REUNITED, v.origin());
        }
        boolean named = cases.isNamed(v);
        for (Case c : cases.closeVictim(v)) {
            solved(c);
        }
        return named;
    }

    private boolean rescueFromBuyer(Victim v, RescueProcess how, Parameters p, MersenneTwisterFast r) {
        int province = v.buyerProvince();
        boolean onFile = rescue(v, province, how, p);
        police.observeDestination(province);
        if (r.nextDouble() < p.getProsecutionProbability()) {
            model.metrics().increment(Measure.BUYERS_PROSECUTED, province);
            model.market().prosecuted(province);
        }
        return onFile;
    }

    /**
     * A case is solved: counted where it was registered. An inquiry (a report police had not
     * registered) is registered now, as bu po bu li had it: registered because solved.
     */
    private void solved(Case c) {
        if (!c.genuine()) {
            return;
        }
        Metrics m = model.metrics();
        if (!c.registered()) {
            c.register();
            m.increment(Measure.CASES_REGISTERED, c.province());
        }
        monthSolved += c.reports();
        m.increment(Measure.CASES_SOLVED, c.province());
        m.increment(c.child() ? Measure.CHILD_CASES_SOLVED : Measure.WOMEN_CASES_SOLVED, c.province());
    }

    // ------------------------------------------------------------------ cases

    /**
     * Something reaches the police: a family's missing report, a tip, a lead, a stop or a find.
     * If it concerns a gang police already have an open case against, they may link it to that
     * case (serial-case merging, {@code police.merge_probability}): the case names one more victim
     * and no case is opened. Otherwise a file is opened. A missing report is registered at once
     * with {@code police.child_registration} or {@code police.woman_registration}; if not, police
     * keep it as an inquiry ({@code police.inquiry_probability}), registered only if it is solved,
     * or turn it away. Every other file but a false tip is registered at once. Returns the case
     * that now holds the report, or null if it was turned away.
     */
    public Case open(Case.Kind kind, int province, boolean child, Gang g, Victim v) {
        Metrics m = model.metrics();
        Parameters p = model.params();
        MersenneTwisterFast r = model.rng();
        police.observeReport(province);
        if (v != null && kind == Case.Kind.MISSING_REPORT) {
            police.observeOrigin(v.origin());
        }
        if (kind == Case.Kind.FALSE_TIP) {
            m.increment(Measure.CASES_OPENED, province);
            return cases.open(kind, province, child, null, null, model.dayIndex());
        }
        if (g != null) {
            Case known = cases.oldestCaseAgainst(g);
            if (known != null && r.nextDouble() < p.getMergeProbability()) {
                cases.merge(known, v);
                m.increment(Measure.CASES_MERGED, province);
                return known;
            }
        }
        boolean register = true;
        if (kind == Case.Kind.MISSING_REPORT) {
            double registration = child ? p.getChildRegistration() : p.getWomanRegistration();
            if (registration < 1 && r.nextDouble() >= registration) {
                m.increment(Measure.REPORTS_UNREGISTERED, province);
                if (r.nextDouble() >= p.getInquiryProbability()) {
                    monthUnsolved++;
                    return null;
                }
                register = false;
            }
        }
        m.increment(Measure.CASES_OPENED, province);
        if (register) {
            m.increment(Measure.CASES_REGISTERED, province);
        }
        Case c = cases.open(kind, province, child, g, v, model.dayIndex());
        if (!register) {
            c.unregistered();
        }
        // A gang stopped with its victims is evidence in hand; anything else must be traced.
        if (kind != Case.Kind.STOP && !drawTrail(p, r)) {
            c.noTrail();
        }
        return c;
    }

    /** Whether a case to be traced has a trail (police.case_lead_share); no draw when all do. */
    static boolean drawTrail(Parameters p, MersenneTwisterFast r) {
        double share = p.getCaseLeadShare();
        return share >= 1 || r.nextDouble() < share;
    }

    /** A victim was sold: she or he now lives with the buyer; the public may tip police off. */
    public void onSale(Gang g, Victim v, int province, Parameters p, MersenneTwisterFast r) {
        heldByBuyers.get(province).add(v);
        heldCount[province]++;
        fileForDna(v, province);
        scheduleExit(v, p, r);
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

    /**
     * A victim sold {@code daysAgo} days before the run started (a settled start): she or he joins
     * the stock of the buyer's province with the exits still ahead (a child grows up out of being
     * findable {@code held.child_findable_years} after the sale, so that much sooner).
     */
    void holdSince(Victim v, int daysAgo, Parameters p, MersenneTwisterFast r) {
        int province = v.buyerProvince();
        heldByBuyers.get(province).add(v);
        heldCount[province]++;
        fileForDna(v, province);
        scheduleExit(v, daysAgo, p, r);
    }

    /**
     * A victim the spin-up's restock takes out of the stock (she or he had left the household
     * before the run, {@link SteadyStock}): no longer held, its scheduled exit void.
     */
    void leftBeforeRun(Victim v) {
        v.leftBuyer();
        heldCount[v.buyerProvince()]--;
    }

    /** Victims with buyers in a province, with departed ones not yet dropped (check the status). */
    List<Victim> heldList(int province) {
        return heldByBuyers.get(province);
    }

    /** Rescues from households of a province and type since the last restock, of victims held longer than the window. */
    int rescuedSinceRestock(int province, VictimType t) {
        return rescuedSinceRestock[province][t.ordinal()];
    }

    /** Starts a new restock window of {@code windowDays} days. */
    void clearRestockCounts(int windowDays) {
        restockWindow = windowDays;
        for (int i = 0; i < rescuedSinceRestock.length; i++) {
            java.util.Arrays.fill(rescuedSinceRestock[i], 0);
        }
    }

    /** A child now with a buyer: matchable if the parents' DNA is on file, else (if abducted) in the backlog. */
    private void fileForDna(Victim v, int province) {
        if (!v.type().isChild()) {
            return;
        }
        if (v.parentsSampled()) {
            sampledChildren.get(province).add(v);
        } else if (v.method() == AcquisitionMethod.ABDUCTION) {
            unsampledChildren.get(province).add(v);
        }
    }

    /**
     * A day of parents of children abducted before their samples were on file coming forward
     * (the database took historical cases): each such parent gives a sample at the yearly hazard
     * dna.backlog_uptake, so the children become matchable gradually, not all on the day the
     * database opens. Drawn as a binomial thinning of the province's backlog list; a draw that
     * finds the child no longer with a buyer only drops it from the list.
     */
    private void backlogComesForward(int province, Parameters p, MersenneTwisterFast r) {
        List<Victim> pool = unsampledChildren.get(province);
        if (pool.isEmpty() || p.getDnaBacklogUptake() <= 0) {
            return;
        }
        int n = Rng.binomial(r, pool.size(), -Math.expm1(-p.getDnaBacklogUptake() / 365.0));
        for (int k = 0; k < n; k++) {
            Victim v = takeAtRandom(pool, r);
            if (v.status() == Victim.Status.WITH_BUYER) {
                v.sampleParents();
                sampledChildren.get(province).add(v);
            }
        }
    }

    /** Starts the perceived share of reports solved at the share a settled start expects. */
    void startClearance(double share) {
        publicClearance = share;
    }

    /**
     * Draws when and how a victim just sold will leave the buyer's household if police do not
     * come first: escape (women), release, or death at constant rates, competing with a child's
     * growing up after {@code held.child_findable_years}. Rates are those at the day of sale.
     */
    private void scheduleExit(Victim v, Parameters p, MersenneTwisterFast r) {
        scheduleExit(v, 0, p, r);
    }

    /** As above for a victim sold {@code daysAgo} days ago (the constant-rate exits have no memory). */
    private void scheduleExit(Victim v, int daysAgo, Parameters p, MersenneTwisterFast r) {
        boolean child = v.type().isChild();
        double escape = child ? 0 : p.getHeldEscapeRate();
        double total = escape + p.getHeldReleaseRate() + p.getHeldDeathRate();
        double days = total > 0 ? -Math.log1p(-r.nextDouble()) / total * 365.0 : Double.POSITIVE_INFINITY;
        double u = r.nextDouble() * total;
        Measure cause = u < escape ? Measure.HELD_ESCAPED
                : u < escape + p.getHeldReleaseRate() ? Measure.HELD_RELEASED : Measure.HELD_DIED;
        double grownUp = child ? p.getHeldChildFindableYears() * 365.0 - daysAgo : Double.POSITIVE_INFINITY;
        if (grownUp <= days) {
            days = grownUp;
            cause = Measure.HELD_GREW_UP;
        }
        if (Double.isInfinite(days)) {
            return;
        }
        long day = model.dayIndex() + (long) Math.ceil(Math.max(1, days));
        if (day < Integer.MAX_VALUE) {
            v.dueToLeave(cause);
            exits.add((int) day, v);
        }
    }

    /** Daily: victims still with buyers whose time has come leave the stock. */
    public void heldExits() {
        int today = model.dayIndex();
        for (Victim v = exits.pollDue(today); v != null; v = exits.pollDue(today)) {
            if (v.status() != Victim.Status.WITH_BUYER) {
                continue;
            }
            int province = v.buyerProvince();
            v.leftBuyer();
            heldCount[province]--;
            model.metrics().increment(v.wayOut(), province);
        }
    }

    /** A day of investigation in every province. */
    public void investigate(Parameters p, MersenneTwisterFast r) {
        for (Case c : cases.investigate(police.units(), model.dayIndex(), p, r)) {
            if (!c.genuine()) {
                continue;
            }
            solved(c);
            Gang g = c.gang();
            if (g != null && g.active() && r.nextDouble() < p.getBustProbability()) {
                bust(g, c.province(), Cause.INVESTIGATION, p, r);
            }
            rescueNamed(c, p, r);
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
            find(heldByBuyers.get(i), Rng.poisson(r, rate(officers, p.getBuyerSearchEfficiency(), heldByBuyers.get(i).size(), p)),
                    RescueProcess.BUYER_SEARCH, p, r);
            if (p.isDnaEnabled()) {
                backlogComesForward(i, p, r);
                double dna = u.dnaOfficers(p);
                find(sampledChildren.get(i), Rng.poisson(r, rate(dna, p.getDnaSearchEfficiency(), sampledChildren.get(i).size(), p)),
                        RescueProcess.DNA, p, r);
            }
        }
    }

    /** One victim drawn at random from a pool and removed from it (the last one fills its place). */
    private static Victim takeAtRandom(List<Victim> pool, MersenneTwisterFast r) {
        int idx = r.nextInt(pool.size());
        Victim v = pool.get(idx);
        pool.set(idx, pool.get(pool.size() - 1));
        pool.remove(pool.size() - 1);
        return v;
    }

    private static double rate(double officers, double perOfficerYear, int held, Parameters p) {
        if (held == 0 || officers <= 0) {
            return 0;
        }
        double capacity = officers * perOfficerYear / 365.0;
        return capacity * held / (held + p.getSearchSaturation() * officers);
    }

    /**
     * Officers find n victims in a pool (drawn at random; those no longer with buyers are dropped
     * on the way). A find solves the cases already open about the victim; if there were none, it
     * registers one, which is solved later.
     */
    private void find(List<Victim> pool, int n, RescueProcess how, Parameters p, MersenneTwisterFast r) {
        for (int k = 0; k < n && !pool.isEmpty(); ) {
            Victim v = takeAtRandom(pool, r);
            if (v.status() != Victim.Status.WITH_BUYER) {
                continue;
            }
            k++;
            int province = v.buyerProvince();
            if (!rescueFromBuyer(v, how, p, r)) {
                open(Case.Kind.FIND, province, v.type().isChild(), null, null);
            }
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

    /** {@code gangs} gangs spend the day in a province (idle ones at home, not stepped). */
    public void present(int province, int gangs) {
        monthExposure[province] += gangs;
    }

    /** Starts the public picture at the true patrol hazard. */
    public void initPublicRisk(Parameters p) {
        for (int i = 0; i < publicRisk.length; i++) {
            publicRisk[i] = interceptionHazard(i, p);
        }
    }

    /**
     * Share of reports that end solved, as traffickers perceive it: of the reports whose fate was
     * decided (solved, gone cold, or turned away at the desk), those solved; a case counts for all
     * the reports merged into it.
     */
    public double publicClearance() {
        return publicClearance;
    }

    /**
     * Monthly: the month's stops and busts per gang-day present, and cases solved, become news.
     * What gangs saw happen in a province is weighed against what the month showed nationally,
     * worth {@link #RISK_PRIOR_DAYS} gang-days of evidence per unit of scale: with little news from a province,
     * traffickers take it to be like anywhere else. Nothing is read from the police schedule: a
     * campaign changes beliefs only through the stops and busts it makes, so beliefs rise as a
     * crackdown gets going and fall back after it ends (a province avoided by everyone drifts
     * back to the national picture), faster where traffic (and so news) is heavy.
     */
    public void updatePublicRisk(Parameters p) {
        // A cohort measure: of the reports whose fate was decided this month, the share solved.
        // (Solved per report opened in the month would fall whenever reports surge, e.g. when a
        // tip channel opens, though no case had become less likely to be solved.)
        monthUnsolved += cases.takeReportsGoneCold();
        double decided = monthSolved + monthUnsolved;
        if (decided > 0) {
            publicClearance = 0.8 * publicClearance + 0.2 * monthSolved / decided;
        }
        monthSolved = 0;
        monthUnsolved = 0;
        // What the month showed nationally: the stops per gang-day anywhere, against the average
        // belief (itself worth RISK_PRIOR_DAYS gang-days per province).
        double stops = 0;
        double exposure = 0;
        double believed = 0;
        for (int i = 0; i < publicRisk.length; i++) {
            stops += monthStops[i];
            exposure += monthExposure[i];
            believed += publicRisk[i] / publicRisk.length;
        }
        double prior = RISK_PRIOR_DAYS * p.getScale();
        double n = publicRisk.length * prior;
        double national = (stops + n * believed) / (exposure + n);
        for (int i = 0; i < publicRisk.length; i++) {
            double observed = (monthStops[i] + prior * national) / (monthExposure[i] + prior);
            publicRisk[i] = 0.7 * publicRisk[i] + 0.3 * Math.min(1, observed);
            monthStops[i] = 0;
            monthExposure[i] = 0;
        }
    }

    /** Victims currently living with buyers in a province. */
    public int heldByBuyers(int province) {
        return heldCount[province];
    }

    /** Victims currently living with buyers, all provinces. */
    public int heldByBuyers() {
        int n = 0;
        for (int c : heldCount) {
            n += c;
        }
        return n;
    }

    // ------------------------------------------------------------------ saved models

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        // Pools drawn from at random, whose departed victims are dropped when drawn (find,
        // backlogComesForward, SteadyStock read their status only): those go as stand-ins.
        for (List<List<Victim>> lists : List.of(heldByBuyers, sampledChildren, unsampledChildren)) {
            out.writeInt(lists.size());
            for (List<Victim> l : lists) {
                VictimTable.writeAllHeld(out, l);
            }
        }
        // The queue of exits is such a pool too: departed victims' exits are dropped unread when due.
        exits.writeTo(out, VictimTable.poolItems(true));
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        heldByBuyers = readLists(in);
        sampledChildren = readLists(in);
        unsampledChildren = readLists(in);
        exits = new DayQueue<>();
        exits.readFrom(in, VictimTable.poolItems(false));
    }

    private static List<List<Victim>> readLists(java.io.ObjectInputStream in) throws java.io.IOException {
        int n = in.readInt();
        List<List<Victim>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(VictimTable.readList(in));
        }
        return lists;
    }
}
