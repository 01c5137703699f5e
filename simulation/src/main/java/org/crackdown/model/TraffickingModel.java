package org.crackdown.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.RuralFamilies;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.format.CodeVersion;
import org.crackdown.market.Demand;
import org.crackdown.market.Market;
import org.crackdown.policy.Enforcement;
import org.crackdown.policy.JointOperations;
import org.crackdown.policy.PoliceForce;
import org.crackdown.space.DemographicHistory;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.Routes;
import org.crackdown.space.SexRatioHistory;
import org.crackdown.trade.Prospects;
import org.crackdown.trade.Sourcing;
import org.crackdown.trade.TradeWorld;

import ec.util.MersenneTwisterFast;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;

/**
 * The model: China's provinces, their families, buyers, gangs and police, one day per step.
 *
 * <p>The day is a fixed sequence of named processes ({@link #processes()}), scheduled on MASON's
 * Schedule with their position as ordering; this list is the ODD process overview in code.
 * All randomness comes from {@link #random}, seeded once from the run's seed.
 *
 * <p>Longer than ~400 lines on purpose: it is the one place where the world's parts are wired
 * together and the day's processes are listed in order, and it implements {@link TradeWorld} (the
 * small interface gangs see). Most process bodies delegate to their own class (market, trade,
 * policy, demand); splitting the wiring would scatter the ODD's process overview. The lists of
 * gangs in play (by home, on a trip, gone today) are kept here too, with the bookkeeping that
 * keeps a day's cost proportional to its events (issue 9, docs/performance.md); moving them into
 * a roster class of their own is the next seam if this file grows further.
 */
public class TraffickingModel extends SimState implements TradeWorld {

    private static final long serialVersionUID = 1L;

    /** Days of wake-up lists kept in a ring (a power of two above gangs.replan_days' usual values). */
    private static final int WAKE_RING = 64;

    /** Log-scale spread of gangs' risk aversion around gangs.risk_aversion (a factor of 2 is one SD). */
    private static final double RISK_AVERSION_SPREAD = Math.log(2);

    /** A new gang's funds, in RMB of 2011 (a gang's money is reported in the GUI, not decided on). */
    private static final double STARTING_FUNDS = 20_000;

    /** A named step of the daily cycle. */
    public record Process(String name, Steppable step) {
    }

    /** Not final: a fork continues under its strategy's scenario ({@link #fork}). */
    private Scenario scenario;
    /** Code version that wrote this model to a checkpoint (empty until it is written). */
    private String savedBy = "";
    private final Parameters params;
    private final ProvinceNetwork net;
    private final Demography demography;
    private final Routes routes;
    private final Metrics metrics;
    /**
     * Days simulated before the scenario's start and not recorded (init.spin_up_days): the
     * agents' clock ({@link #dayIndex}) counts from the first of them, the run's days
     * ({@link #runDay}) from the start.
     */
    private final int spinUpDays;
    private final int totalDays;

    private RuralFamilies families;
    private Demand demand;
    private Market market;
    private PoliceForce police;
    private Enforcement enforcement;
    private JointOperations joint;
    private List<Gang> gangs;
    /** The same gangs by home province, each list in formation order, for linking new gangs. */
    private List<Gang>[] gangsByHome;
    /**
     * Gangs in play per home province (the active ones in {@link #gangsByHome}), so a new gang
     * picks its partners without copying its neighbourhood's lists. Rebuilt when read from a
     * checkpoint.
     */
    private transient int[] activeByHome;
    private final List<Stoppable> scheduled = new ArrayList<>();
    private int nextTimeline;
    private int day;
    private long nextGangId;
    /** Gangs gone since the lists were last cleared of them. */
    private int gangsEnded;
    /**
     * The same gangs, in the order they went: found in the lists by id (the lists are in
     * formation order), so clearing them does not read every gang. Null when read from a
     * checkpoint: the lists are then cleared by a scan.
     */
    private transient List<Gang> ended;
    /**
     * Gangs on a trip after their step yesterday: a superset of those on a trip when today's gangs
     * step begins (only a gang's own step starts a trip), all the day's outlook needs to count.
     * Null (count every gang) before the first step and when read from a checkpoint.
     */
    private transient List<Gang> onTripAfterStep;
    /**
     * Scratch of the daily round, kept from one day to the next so that stepping the gangs does
     * not allocate three lists of every awake gang a day (issue 9, session 8): the shuffled order,
     * and yesterday's round and list of gangs on a trip, cleared and refilled as today's.
     */
    private transient Gang[] orderScratch;
    /**
     * The round reads the first fields of the next {@value} gangs together ({@link Gang#touch})
     * before stepping them, and keeps what it read in {@link #touchSink} (so the reads are not
     * compiled away). The order of the round and every draw are unchanged.
     */
    private static final int TOUCH_BLOCK = 32;
    private transient int touchSink;
    /**
     * What each gang of {@link #loadsOf} (today's list of gangs on a trip after their step, then
     * {@link #onTripAfterStep}) brings to its destination, in the list's order, as {@code
     * Prospects.newDay} counts it: the destination (-1 once the gang is gone) and its load
     * ({@code Prospects.load}). The morning count then reads these instead of every gang.
     */
    private transient List<Gang> loadsOf;
    private transient int loadCount;
    private transient int[] loadDestination;
    private transient long[] loadKind;
    private transient ArrayList<Gang> spareRound;
    private transient ArrayList<Gang> spareOnTrip;
    /**
     * Gangs in the daily round (issue 9): those stepped yesterday that did not go to sleep. An
     * idle gang that found nothing worth doing is taken out of the round until its next plan day
     * (nothing changes for it meanwhile but its count of idle days), so a day steps and shuffles
     * only the gangs that act. In yesterday's shuffled order (the next shuffle makes any order
     * fair); written to checkpoints with the model, so a restored run steps the same gangs in the
     * same order. Null until the first step after start.
     */
    private ArrayList<Gang> round;
    /** Asleep gangs by the day they rejoin the round (their next plan day), by day modulo {@link #WAKE_RING}. */
    private ArrayList<Gang>[] wakeRing;
    /** Asleep gangs due back {@link #WAKE_RING} or more days ahead (only with gangs.replan_days that long). */
    private java.util.TreeMap<Integer, ArrayList<Gang>> wakeLater;
    /** Asleep gangs per home province (an idle gang is at home), present there every day. */
    private int[] asleepAt;
    /** Gangs formed since the gangs last stepped: they join the round the next day. */
    private ArrayList<Gang> formedSinceStep;
    private Sourcing sourcing;
    private Prospects prospects;
    /**
     * What the trade pays: the yearly trading profit (sales less what victims cost, less running
     * costs) that gangs based in a province earn on average, as would-be traffickers hear of it
     * (by specialisation: 0 women, 1 children).
     */
    private double[][] outlook;
    /** This month's trading profit of gangs, by home province and specialisation. */
    private double[][] monthProfit;
    /** Perceived yearly hazard that a gang member is arrested, per home province. */
    private double[] arrestHazard;
    /** Gang-days stepped since the start (for `crackdown bench`: work done per simulated year). */
    private long gangSteps;

    public TraffickingModel(Scenario scenario, long seed) {
        super(seed);
        random = new ModelRandom(seed); // MASON's generator, with a ziggurat for its Gaussians
        this.scenario = scenario;
        this.params = scenario.parameters().copy();
        this.net = ProvinceNetwork.china();
        this.demography = new Demography(net, SexRatioHistory.china(), DemographicHistory.china());
        this.routes = new Routes(net);
        this.metrics = new Metrics(net.size(), scenario.measureFrom(), scenario.measureTo());
        this.spinUpDays = params.getSpinUpDays();
        this.totalDays = spinUpDays + (int) scenario.days();
    }

    /** MASON's console reseeds through here: the model keeps its own generator class. */
    @Override
    public void setSeed(long seed) {
        super.setSeed(seed);
        random = new ModelRandom(seed);
    }

    // ================================================================ the daily cycle

    /** The processes of one day, in the order they run. */
    public List<Process> processes() {
        return List.of(
                new Process("calendar: timeline changes, police allocation and campaigns", s -> beginDay()),
                new Process("families: births, and poor families open to selling a newborn",
                        s -> families.step(day, year(), params, random)),
                new Process("demand: would-be buyers appear and decide whether to risk buying",
                        s -> demand.arrive(day, year(), params, market, metrics, random)),
                new Process("gangs: plan, acquire, move, sell (patrols may stop them)", s -> stepGangs()),
                new Process("police: investigations solve cases and bust gangs",
                        s -> enforcement.investigate(params, random)),
                new Process("buyers' households: held victims escape, are let go, die or grow up",
                        s -> enforcement.heldExits()),
                new Process("police: buyer enforcement and DNA matching", s -> enforcement.searchBuyers(params, random)),
                new Process("police: joint cross-provincial operations take down one ring each",
                        s -> joint.step(day, enforcement.cases(), enforcement, metrics, params, random)),
                new Process("market: buyers who waited too long give up", s -> expireBuyers()),
                new Process("gangs: would-be traffickers weigh the trade's profit against outside income and sanctions",
                        s -> gangEntry()),
                new Process("record: month-end levels; next day", s -> endDay()));
    }

    @Override
    public void start() {
        super.start();
        day = 0;
        nextTimeline = 0;
        nextGangId = 1;
        gangSteps = 0;
        families = new RuralFamilies(net, demography);
        demand = new Demand(net, demography);
        market = new Market(net.size(), params, demography.priceLevelIn(year(), params));
        police = new PoliceForce(net, demography);
        enforcement = new Enforcement(this, police, net.size());
        joint = new JointOperations(net, scenario.operations(), origin());
        gangs = new ArrayList<>();
        ended = new ArrayList<>();
        onTripAfterStep = null;
        round = null;
        formedSinceStep = null;
        gangsByHome = newGangIndex(net.size());
        activeByHome = new int[net.size()];
        prospects = new Prospects(net, routes, demography, families, market, enforcement, params);
        sourcing = new Sourcing(net, prospects, families, enforcement, metrics, params);
        outlook = new double[net.size()][2];
        monthProfit = new double[net.size()][2];
        arrestHazard = new double[net.size()];
        applyTimeline(scenario.start().minusDays(1));
        demography.setYear(year(), params);
        police.allocate(params);
        police.applyCampaigns(scenario.campaigns(), today(), params);
        enforcement.initPublicRisk(params);
        // Nobody has seen the market before the first month ends: gangs stay, recruits wait.
        for (double[] o : outlook) {
            java.util.Arrays.fill(o, Double.NaN);
        }
        int n = (int) Math.round(params.getInitialGangs() * params.getScale());
        for (int k = 0; k < n; k++) {
            formGang(sourceProvince(), 2 + Rng.poisson(random, Math.max(0, params.getMembersMean() - 2)), null);
        }
        casesOpenAtStart = 0;
        settled = null;
        if (params.isSettledStocks()) {
            settled = org.crackdown.policy.SettledStart.settle(this, () -> demand.yearlyBuyers(year(), params, market, random),
                    gangs, params, random);
            casesOpenAtStart = settled.openCases();
        }
        scheduled.clear();
        List<Process> ps = processes();
        spinUp(ps);
        for (int i = 0; i < ps.size(); i++) {
            scheduled.add(schedule.scheduleRepeating(Schedule.EPOCH, i, ps.get(i).step(), 1.0));
        }
    }

    /**
     * Cases the settled start left open (reported before the run, so not among the run's
     * registered cases, but solvable during it): what the case accounting must allow for.
     */
    private int casesOpenAtStart;

    /** What the settled start put in place (null: the run started from empty stocks). */
    private org.crackdown.policy.SettledStart.Stocks settled;

    /** What the settled start put in place, or null if the run started from empty stocks. */
    public org.crackdown.policy.SettledStart.Stocks settledStart() {
        return settled;
    }

    /**
     * The days before the start (init.spin_up_days), simulated here with the inputs of the day
     * before the start (the timeline up to then; {@link #year}, so demography, holds at the start;
     * campaigns and operations are dated from the start on) and not recorded: the gang count, gangs' beliefs and
     * outlook, buyers waiting and prices settle from the settled start's first guesses, and the
     * first day's burst of initial gangs all planning at once falls before anything is recorded.
     */
    private void spinUp(List<Process> ps) {
        if (spinUpDays == 0) {
            return;
        }
        metrics.pauseRecording();
        int window = params.getRestockDays();
        org.crackdown.policy.SteadyStock restock = null;
        if (settled != null && window > 0) {
            restock = new org.crackdown.policy.SteadyStock(enforcement, net.size(), day, window, settled.lowestVictimId());
        }
        while (day < spinUpDays) {
            for (Process p : ps) {
                p.step().step(this);
            }
            if (spinUpWatcher != null) {
                spinUpWatcher.spinUpDay(day, spinUpDays, totalDays - spinUpDays);
            }
            // The stock held by buyers follows the market slowly: set it to the steady state of
            // the last window's flows, while a window remains for the market to answer.
            if (restock != null && day % window == 0 && day + window <= spinUpDays) {
                restock.restock(enforcement, day, params, random);
            }
        }
        metrics.resumeRecording();
    }

    /** Told of each spin-up day while the model starts (progress, cancellation); null: nobody. */
    private transient DayLoop.SpinUpListener spinUpWatcher;

    /**
     * Who is told of each day of the spin-up that {@link #start} simulates (a progress line, a
     * check for Ctrl-C): without it a run said nothing, and could not be stopped, for the
     * seconds of a national spin-up. Set before {@code start}; not part of the model's state.
     */
    public void watchSpinUp(DayLoop.SpinUpListener watcher) {
        this.spinUpWatcher = watcher;
    }

    /** Cases open when the run started (from the settled start; 0 from empty stocks). */
    public int casesOpenAtStart() {
        return casesOpenAtStart;
    }

    private void beginDay() {
        LocalDate today = today();
        metrics.beginDay(today);
        demography.setYear(year(), params);
        applyTimeline(today);
        if (today.getDayOfMonth() == 1 && day > 0) {
            police.allocate(params);
            enforcement.updatePublicRisk(params);
        }
        police.applyCampaigns(scenario.campaigns(), today, params);
        metrics.officersOnDuty(police.officersOnDuty() + joint.officers());
    }

    /** Applies every timeline change dated on or before {@code upTo} not yet applied. */
    private void applyTimeline(LocalDate upTo) {
        List<TimelineChange> tl = scenario.timeline();
        while (nextTimeline < tl.size() && !tl.get(nextTimeline).date().isAfter(upTo)) {
            tl.get(nextTimeline).values().forEach((k, v) -> ParamRegistry.find(k)
                    .orElseThrow(() -> new IllegalStateException("unknown key in timeline: " + k)).set(params, v));
            nextTimeline++;
        }
    }

    private void stepGangs() {
        if (onTripAfterStep != null && loadsOf == onTripAfterStep) {
            prospects.newDay(day, loadCount, loadDestination, loadKind);
        } else {
            prospects.newDay(day, onTripAfterStep != null ? onTripAfterStep : gangs);
        }
        if (round == null) {
            startRound();
        }
        // Today's round: yesterday's, the gangs whose next plan day is today, and new gangs. Gangs
        // are read only in the shuffled loop (one visit each, when their step needs them anyway).
        ArrayList<Gang> woken = wakeRing[day & (WAKE_RING - 1)];
        ArrayList<Gang> later = wakeLater.isEmpty() ? null : wakeLater.remove(day);
        ArrayList<Gang> formed = formedSinceStep;
        formedSinceStep = new ArrayList<>();
        int n = round.size() + woken.size() + formed.size() + (later == null ? 0 : later.size());
        if (orderScratch == null || orderScratch.length < n) {
            orderScratch = new Gang[Math.max(n, 2 * (orderScratch == null ? 0 : orderScratch.length))];
        }
        Gang[] order = orderScratch;
        int k = 0;
        for (List<Gang> l : later == null ? List.of(round, woken, formed) : List.of(round, woken, later, formed)) {
            for (int i = 0, c = l.size(); i < c; i++) {
                order[k++] = l.get(i);
            }
        }
        woken.clear();
        gangSteps += n;
        shuffle(order, n);
        ArrayList<Gang> next = spareRound != null ? spareRound : new ArrayList<>(n);
        spareRound = null;
        next.clear();
        next.ensureCapacity(n);
        ArrayList<Gang> onTrip = spareOnTrip != null ? spareOnTrip : new ArrayList<>(n);
        spareOnTrip = null;
        onTrip.clear();
        loadsOf = onTrip;
        loadCount = 0;
        if (loadDestination == null || loadDestination.length < n) {
            loadDestination = new int[Math.max(n, 2 * (loadDestination == null ? 0 : loadDestination.length))];
            loadKind = new long[loadDestination.length];
        }
        int[] fellAsleep = new int[asleepAt.length];
        int touched = 0;
        for (int o = 0; o < n; o++) {
            if ((o & (TOUCH_BLOCK - 1)) == 0) {
                for (int i = o, end = Math.min(n, o + TOUCH_BLOCK); i < end; i++) {
                    touched += order[i].touch();
                }
            }
            Gang g = order[o];
            order[o] = null; // the scratch holds no gang past its day
            if (g.asleep()) {
                if (!g.active()) {
                    continue; // ended while asleep: counted out then
                }
                g.wake(day);
                asleepAt[g.home()]--;
            }
            g.step(this);
            if (!g.active()) {
                continue;
            }
            enforcement.present(g.location());
            if (g.onTrip()) {
                onTrip.add(g);
                // What tomorrow's outlook will count for it (Prospects.newDay), read while the
                // gang is at hand; only a bust (endGang) can change it before then.
                int d = g.destination();
                loadDestination[loadCount] = d;
                loadKind[loadCount++] = d >= 0 ? Prospects.load(g) : 0;
                next.add(g);
            } else if (g.state() == Gang.State.IDLE && g.nextPlanDay() > day + 1) {
                // Nothing to do before its next plan day: out of the round until then.
                g.sleep(day + 1);
                int back = g.nextPlanDay();
                if (back - day < WAKE_RING) {
                    wakeRing[back & (WAKE_RING - 1)].add(g);
                } else {
                    wakeLater.computeIfAbsent(back, d -> new ArrayList<>()).add(g);
                }
                fellAsleep[g.home()]++;
            } else {
                next.add(g);
            }
        }
        // Gangs asleep all day are at home; those that fell asleep today were counted above.
        for (int h = 0; h < asleepAt.length; h++) {
            if (asleepAt[h] > 0) {
                enforcement.present(h, asleepAt[h]);
            }
            asleepAt[h] += fellAsleep[h];
        }
        touchSink = touched;
        spareRound = round;
        round = next;
        if (onTripAfterStep instanceof ArrayList<Gang> old && old != gangs) {
            spareOnTrip = old;
        }
        onTripAfterStep = onTrip;
        market.endOfDay(params);
    }

    /** The first round after start: every gang in play, in formation order. */
    @SuppressWarnings("unchecked")
    private void startRound() {
        round = new ArrayList<>();
        wakeRing = new ArrayList[WAKE_RING];
        for (int i = 0; i < WAKE_RING; i++) {
            wakeRing[i] = new ArrayList<>();
        }
        wakeLater = new java.util.TreeMap<>();
        asleepAt = new int[net.size()];
        formedSinceStep = new ArrayList<>();
        for (Gang g : gangs) {
            if (g.active()) {
                round.add(g);
            }
        }
    }

    /** Gangs that step next day without waking (the round and gangs formed since), for tests. */
    List<Gang> roundForTest() {
        List<Gang> out = new ArrayList<>(round == null ? List.of() : round);
        out.addAll(formedSinceStep == null ? List.of() : formedSinceStep);
        return out;
    }

    /** The asleep gangs that rejoin the round on {@code day} (at most 63 days ahead), for tests. */
    List<Gang> wakingForTest(int day) {
        if (round == null) {
            return List.of();
        }
        return day - this.day < WAKE_RING ? wakeRing[day & (WAKE_RING - 1)] : wakeLater.getOrDefault(day, new ArrayList<>());
    }

    /** Asleep gangs per home province, for tests. */
    int[] asleepAtForTest() {
        return asleepAt == null ? new int[net.size()] : asleepAt.clone();
    }

    private void expireBuyers() {
        int[] gaveUp = market.expire(day);
        for (int i = 0; i < gaveUp.length; i++) {
            metrics.add(Measure.BUYERS_GAVE_UP, i, gaveUp[i]);
        }
    }

    /**
     * Groups of would-be traffickers appear, more in poor, populous provinces; each weighs the
     * trade's expected yearly profit from its home (the market outlook) against its members'
     * outside income and the expected sanction (arrest hazard x sentencing x sentence x how much a
     * year in prison costs them), and goes into the trade only if it pays.
     */
    private void gangEntry() {
        for (Province prov : net.provinces()) {
            int h = prov.index();
            double rate = params.getRecruitRate() * demography.population(prov, params) / 1e6 / 365.0
                    * Math.pow(demography.povertyIndex(prov), params.getPovertyElasticity());
            int n = Rng.poisson(random, rate);
            for (int k = 0; k < n; k++) {
                int members = 2 + Rng.poisson(random, Math.max(0, params.getMembersMean() - 2));
                boolean child = random.nextDouble() < childTradeShare();
                double z = Math.exp(params.getGangReservationSigma() * random.nextGaussian());
                double profit = outlook[h][child ? 1 : 0];
                if (Double.isNaN(profit) || profit <= outsideIncome(h, members, z)) {
                    continue;
                }
                if (profit <= outsideIncome(h, members, z) * (1 + sanctionYears(h))) {
                    metrics.increment(Measure.RECRUITS_DETERRED, h);
                    continue;
                }
                Gang g = newGang(h, members, null, child, z);
                metrics.increment(Measure.GANGS_FORMED, g.home());
            }
        }
    }

    /** What a group's members would earn outside the trade in a year. */
    private double outsideIncome(int home, int members, double factor) {
        return members * params.getReservationIncome() * demography.priceLevel() * demography.incomeIndex(net.get(home)) * factor;
    }

    /**
     * Expected years of outside income a year in the trade costs through prison: the arrest hazard
     * members perceive, x the chance of being taken to court and sentenced there, x the mean
     * sentence, x how much a member dreads a year inside (in years of outside income).
     */
    private double sanctionYears(int home) {
        return arrestHazard[home] * params.getIndictmentShare() * params.getSentencedShare()
                * params.getSentenceYears() * params.getPrisonYearCost();
    }

    /**
     * Whether the trade still pays this gang more than its members' outside income and expected
     * sanction (checked when it plans its next trip); if not, it leaves the trade.
     */
    @Override
    public boolean worthStaying(Gang g) {
        double profit = outlook[g.home()][g.childSpecialist() ? 1 : 0];
        return Double.isNaN(profit) || profit > outsideIncome(g.home(), g.members(), g.reservationFactor()) * (1 + sanctionYears(g.home()));
    }

    /** A gang leaves the trade because it no longer pays. */
    @Override
    public void quit(Gang g) {
        metrics.increment(Measure.GANGS_QUIT, g.home());
        endGang(g);
    }

    /**
     * Month end: buyers and would-be traffickers learn from what police did this month. Buyers
     * learn prosecution and rescue hazards; traffickers learn the arrest hazard per member-year,
     * half from their province's busts, half from the nation's (weight gangs.learning_rate).
     * Then the market outlook is recomputed for recruits and gangs deciding whether to stay.
     */
    private void learnMonth() {
        int n = net.size();
        int[] held = new int[n];
        double[] recovered = new double[n];
        double[] arrests = new double[n];
        double[] members = new double[n];
        for (int i = 0; i < n; i++) {
            held[i] = enforcement.heldByBuyers(i);
            recovered[i] = metrics.monthSoFar(Measure.RESCUED_FROM_BUYER, i);
            arrests[i] = metrics.monthSoFar(Measure.SUSPECTS_ARRESTED, i);
        }
        for (Gang g : gangs) {
            if (g.active()) {
                members[g.home()] += g.members();
            }
        }
        market.learnRisk(held, recovered);
        learnProfit();
        double allArrests = java.util.Arrays.stream(arrests).sum();
        double allMembers = java.util.Arrays.stream(members).sum();
        double national = allMembers > 0 ? 12 * allArrests / allMembers : 0;
        double lr = params.getLearningRate();
        for (int i = 0; i < n; i++) {
            double local = members[i] > 0 ? 12 * arrests[i] / members[i] : national;
            arrestHazard[i] = (1 - lr) * arrestHazard[i] + lr * (0.5 * local + 0.5 * national);
        }
    }

    /**
     * Month end: the month's trading profit per gang, as a yearly rate, half from gangs of the
     * same home province and half nationally, updates what would-be traffickers and gangs think
     * the trade pays (weight gangs.profit_learning). The more gangs share the buyers, the less each
     * earns: that is what stops entry.
     */
    private void learnProfit() {
        int n = net.size();
        double[][] count = new double[n][2];
        for (Gang g : gangs) {
            if (g.active()) {
                count[g.home()][g.childSpecialist() ? 1 : 0]++;
            }
        }
        double lr = params.getProfitLearning();
        for (int spec = 0; spec < 2; spec++) {
            double profit = 0;
            double gangsOfKind = 0;
            for (int i = 0; i < n; i++) {
                profit += monthProfit[i][spec];
                gangsOfKind += count[i][spec];
            }
            if (gangsOfKind == 0) {
                // No gang of this kind traded this month anywhere: there is no news of what the
                // trade pays, and the last picture stands. (Learning 0 from no one made the end of
                // the last gang of a kind final: would-be traffickers then never saw a profit to
                // enter for, as in one of five seeds at four times the police budget, session 18.)
                continue;
            }
            double national = 12 * profit / gangsOfKind;
            for (int i = 0; i < n; i++) {
                double local = count[i][spec] > 0 ? 12 * monthProfit[i][spec] / count[i][spec] : national;
                double heard = 0.5 * local + 0.5 * national;
                outlook[i][spec] = Double.isNaN(outlook[i][spec]) ? heard : (1 - lr) * outlook[i][spec] + lr * heard;
                monthProfit[i][spec] = 0;
            }
        }
    }

    /** A gang's trading profit or loss (a sale's margin over what the victim cost; running costs). */
    @Override
    public void earned(Gang g, double amount) {
        monthProfit[g.home()][g.childSpecialist() ? 1 : 0] += amount;
    }

    private void endDay() {
        LocalDate today = today();
        boolean last = day + 1 >= totalDays;
        if (last || today.plusDays(1).getDayOfMonth() == 1) {
            recordMonthEnd();
            learnMonth();
            metrics.endMonth();
        }
        // Gone gangs leave the list of all gangs at the end of their last day (their home's list
        // they left at once, endGang; it is closed up here only if one was not found there).
        if (gangsEnded > 0) {
            boolean known = ended != null && ended.size() == gangsEnded;
            if (!known || !removeGone(gangs, ended)) {
                gangs.removeIf(g -> !g.active());
            }
            for (int h = 0; h < gangsByHome.length; h++) {
                if (gangsByHome[h].size() != activeByHome[h]) {
                    final int home = h;
                    if (!known || !removeGone(gangsByHome[h], ended.stream().filter(g -> g.home() == home).toList())) {
                        gangsByHome[h].removeIf(g -> !g.active());
                    }
                }
            }
            gangsEnded = 0;
            ended = new ArrayList<>();
        }
        day++;
        if (finished()) {
            for (Stoppable s : scheduled) {
                s.stop();
            }
        }
    }

    private void recordMonthEnd() {
        double[] inTransit = new double[net.size()];
        double[] active = new double[net.size()];
        for (Gang g : gangs) {
            if (g.active()) {
                active[g.home()]++;
                inTransit[g.location()] += g.victims().size();
            }
        }
        for (Province prov : net.provinces()) {
            int i = prov.index();
            var u = police.unit(i);
            metrics.setStock(Measure.VICTIMS_IN_TRANSIT, i, inTransit[i]);
            metrics.setStock(Measure.GANGS_ACTIVE, i, active[i]);
            metrics.setStock(Measure.BUYERS_WAITING, i, market.waiting(i));
            metrics.setStock(Measure.OPEN_CASES, i, enforcement.cases().openCases(i));
            metrics.setStock(Measure.HELD_BY_BUYERS, i, enforcement.heldByBuyers(i));
            metrics.setStock(Measure.OFFICERS_PATROL, i, u.patrol(params));
            metrics.setStock(Measure.OFFICERS_INVESTIGATION, i, u.investigators(params));
            metrics.setStock(Measure.OFFICERS_DNA, i, u.dnaOfficers(params));
            metrics.setStock(Measure.OFFICERS_BUYER, i, u.buyerOfficers(params));
        }
    }

    /** Fisher-Yates with the model's generator (Collections.shuffle would need a java.util.Random). */
    private void shuffle(Gang[] a, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Gang g = a[i];
            a[i] = a[j];
            a[j] = g;
        }
    }

    // ================================================================ gangs: formation and exit

    /** Draws a gang's home: poor, populous provinces produce more traffickers. */
    private int sourceProvince() {
        double[] w = new double[net.size()];
        double total = 0;
        for (Province prov : net.provinces()) {
            w[prov.index()] = prov.population() * Math.pow(demography.povertyIndex(prov), params.getPovertyElasticity());
            total += w[prov.index()];
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            x -= w[i];
            if (x <= 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    /**
     * A new gang at {@code home}; it links to up to two gangs based in the same or a neighbouring
     * province (the network that leads and joint operations follow).
     */
    public Gang formGang(int home, int members, double[] belief) {
        boolean child = random.nextDouble() < childTradeShare();
        double z = Math.exp(params.getGangReservationSigma() * random.nextGaussian());
        return newGang(home, members, belief, child, z);
    }

    private Gang newGang(int home, int members, double[] belief, boolean childSpecialist, double reservationFactor) {
        double[] b = belief;
        if (b == null) {
            b = new double[net.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = enforcement.publicRisk(i);
            }
        }
        // Gangs differ in how much risk they take: a lognormal spread around the parameter.
        double aversion = Math.exp(RISK_AVERSION_SPREAD * random.nextGaussian());
        Gang g = new Gang(nextGangId++, home, childSpecialist, aversion, reservationFactor, members,
                STARTING_FUNDS * demography.priceLevel(), b, day);
        // Up to two partners drawn from the gangs in play at home and next door, as from one
        // list of them (home's gangs, then each neighbour's, in formation order) without the
        // first pick: the same draws and choices as building that list, without building it.
        Province at = net.get(home);
        int near = activeByHome[home];
        for (int k = 0, c = at.neighbourCount(); k < c; k++) {
            near += activeByHome[at.neighbour(k)];
        }
        if (near > 0) {
            int first = random.nextInt(near);
            g.link(activeNear(at, first));
            if (near > 1) {
                int second = random.nextInt(near - 1);
                g.link(activeNear(at, second < first ? second : second + 1));
            }
        }
        // What it will do, drawn only where a share is set, so that without them the random
        // numbers are those of the model before (docs/ODD.md, "Gang trip").
        if (childSpecialist && params.getBrokerGangShare() > 0 && random.nextDouble() < params.getBrokerGangShare()) {
            g.restrictTo(java.util.EnumSet.complementOf(java.util.EnumSet.of(AcquisitionMethod.ABDUCTION)));
        } else if (!childSpecialist && params.getBorderRingShare() > 0 && reachesBorder(home)
                && random.nextDouble() < params.getBorderRingShare()) {
            g.restrictTo(java.util.EnumSet.of(AcquisitionMethod.CROSS_BORDER));
        }
        gangs.add(g);
        if (formedSinceStep != null) {
            formedSinceStep.add(g);
        }
        gangsByHome[home].add(g);
        activeByHome[home]++;
        return g;
    }

    /** Whether a gang based in {@code home} can acquire in a province with a trade border (home or a neighbour). */
    private boolean reachesBorder(int home) {
        for (int s : prospects.sourcesFrom(home)) {
            if (net.get(s).tradeBorder()) {
                return true;
            }
        }
        return false;
    }

    /** The k-th gang in play (from 0) of home's gangs followed by each neighbour's. */
    private Gang activeNear(Province home, int k) {
        for (int i = -1, c = home.neighbourCount(); i < c; i++) {
            int q = i < 0 ? home.index() : home.neighbour(i);
            List<Gang> l = gangsByHome[q];
            if (k >= activeByHome[q]) {
                k -= activeByHome[q];
            } else if (l.size() == activeByHome[q]) {
                return l.get(k); // nobody gone since the list was last cleared
            } else {
                for (Gang o : l) {
                    if (o.active() && k-- == 0) {
                        return o;
                    }
                }
            }
        }
        throw new IllegalStateException("fewer gangs in play near " + home.code() + " than counted");
    }

    /**
     * Chance that a new gang goes into the child trade rather than the trade in women: the child
     * trade's share of the value buyers are waiting to pay, kept between 0.2 and 0.8 (gangs copy
     * what pays, but know the trade they know).
     */
    private double childTradeShare() {
        double child = 0;
        double women = 0;
        for (int i = 0; i < net.size(); i++) {
            for (VictimType t : VictimType.values()) {
                double v = market.waiting(i, t) * market.priceIndex(i, t);
                if (t.isChild()) {
                    child += v;
                } else {
                    women += v;
                }
            }
        }
        return child + women > 0 ? Math.min(0.8, Math.max(0.2, child / (child + women))) : 0.5;
    }

    /**
     * Removes {@code gone} from {@code list}, a list in formation order (increasing ids), keeping
     * the order of the rest: each is found by a binary search on ids, then taken out, so only
     * ~log n gangs are read per gone one instead of every gang. False, with the list
     * unchanged, if one of them is not found there.
     */
    private static boolean removeGone(List<Gang> list, List<Gang> gone) {
        if (gone.isEmpty()) {
            return false;
        }
        int[] at = new int[gone.size()];
        for (int k = 0; k < at.length; k++) {
            at[k] = indexIn(list, gone.get(k));
            if (at[k] < 0) {
                return false;
            }
        }
        java.util.Arrays.sort(at);
        // Taken out from the last to the first, each an ArrayList.remove: one block move of the
        // list's tail (a native copy), no array allocated. (Until session 31 the list was copied
        // out to an array, closed up there and added back through a trimmed copy: three arrays a
        // day, a third of all a national run allocated and a third of its young collections;
        // closing up element by element with set instead cost more CPU than it saved, issue 9.)
        for (int k = at.length - 1; k >= 0; k--) {
            list.remove(at[k]);
        }
        return true;
    }

    /** Where g is in {@code list}, a list in formation order (increasing ids), by a binary search on ids; -1 if not there. */
    private static int indexIn(List<Gang> list, Gang g) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long id = list.get(mid).id();
            if (id < g.id()) {
                lo = mid + 1;
            } else if (id > g.id()) {
                hi = mid - 1;
            } else {
                return list.get(mid) == g ? mid : -1;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static List<Gang>[] newGangIndex(int provinces) {
        List<Gang>[] index = new List[provinces];
        for (int i = 0; i < provinces; i++) {
            index[i] = new ArrayList<>();
        }
        return index;
    }

    private void endGang(Gang g) {
        if (g.active()) {
            if (g.asleep()) {
                asleepAt[g.home()]--; // it stays in its wake-up list and is dropped there
            }
            gangsEnded++;
            activeByHome[g.home()]--;
            // Out of its home's list at once (a few hundred gangs: one search, one block move), so
            // that gangs formed later today pick partners by index (activeNear) instead of
            // reading every gang of the neighbourhood to skip the gone ones (2.8% of a national
            // run, session 12). The order of the rest, and so every pick, is unchanged.
            int at = indexIn(gangsByHome[g.home()], g);
            if (at >= 0) {
                gangsByHome[g.home()].remove(at);
            }
            if (ended != null) {
                ended.add(g);
            }
            if (g.onTrip() && loadsOf != null) {
                // Counts nothing from now on (a bust: the rare case, so a scan).
                for (int i = 0; i < loadCount; i++) {
                    if (loadsOf.get(i) == g) {
                        loadDestination[i] = -1;
                        break;
                    }
                }
            }
        }
        g.end();
    }

    /** Removes a gang from play (busted, broken up at the border). */
    public void removeGang(Gang g) {
        endGang(g);
    }

    // ================================================================ the gangs' world (TradeWorld)

    @Override
    public Acquisition tryAcquire(Gang g, VictimType t, AcquisitionMethod m) {
        return sourcing.tryAcquire(g, t, m, day, random);
    }

    /** A gang carrying victims spends the day in a province. */
    @Override
    public void exposeToPatrol(Gang g, int province) {
        enforcement.patrol(g, province, params, random);
    }

    /** A sale happened: count it and let the buyer's neighbourhood see it. */
    @Override
    public void sold(Gang g, Victim v, Market.Sale sale, int province) {
        v.soldTo(sale.buyer());
        metrics.sale(v.type(), v.origin(), v.originLabel(), province, net.get(province).code(), sale.price());
        enforcement.onSale(g, v, province, params, random);
    }

    /** Public picture of enforcement risk in a province (daily chance of being stopped). */
    @Override
    public double publicRisk(int province) {
        return enforcement.publicRisk(province);
    }

    // ================================================================ checkpoints and forks

    @Override
    public void preCheckpoint() {
        super.preCheckpoint();
        savedBy = CodeVersion.current();
    }

    /**
     * The links between gangs go to a checkpoint as a table of positions in the list of gangs (in
     * each gang's own order), not as references: see Gang's partners. The victims, wherever they
     * are held, go through a {@link org.crackdown.agent.VictimTable} open while the fields are
     * written.
     */
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        try (org.crackdown.agent.VictimTable victims = org.crackdown.agent.VictimTable.forWriting()) {
            out.defaultWriteObject();
        }
        List<Gang> gangs = this.gangs == null ? List.of() : this.gangs; // null: a model never started
        java.util.Map<Gang, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < gangs.size(); i++) {
            position.put(gangs.get(i), i);
        }
        int[][] links = new int[gangs.size()][];
        for (int i = 0; i < links.length; i++) {
            List<Gang> partners = gangs.get(i).partners();
            links[i] = new int[partners.size()];
            for (int j = 0; j < links[i].length; j++) {
                Integer p = position.get(partners.get(j));
                if (p == null) {
                    throw new java.io.NotSerializableException("gang " + gangs.get(i).id() + " is linked to gang "
                            + partners.get(j).id() + ", which is not in play");
                }
                links[i][j] = p;
            }
        }
        out.writeObject(links);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        try (org.crackdown.agent.VictimTable victims = org.crackdown.agent.VictimTable.forReading()) {
            in.defaultReadObject();
        }
        int[][] links = (int[][]) in.readObject();
        if (gangsByHome != null) {
            activeByHome = new int[gangsByHome.length];
            for (int h = 0; h < gangsByHome.length; h++) {
                for (Gang g : gangsByHome[h]) {
                    activeByHome[h] += g.active() ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < links.length; i++) {
            for (int p : links[i]) {
                gangs.get(i).partners().add(gangs.get(p));
            }
        }
    }

    /** The code version that wrote this model to the checkpoint it was read from ("" if never written). */
    public String savedBy() {
        return savedBy;
    }

    /**
     * Continues this model, at the start of today (before today is simulated), under {@code next},
     * a scenario that agrees with the current one on everything that has happened so far; from
     * now on the draws come from a generator seeded with {@code streamSeed}, so what follows does
     * not depend on which forks ran before or in what order.
     *
     * @throws IllegalArgumentException if {@code next} differs from the current scenario before today
     */
    public void fork(Scenario next, long streamSeed) {
        String why = ScenarioPrefix.difference(scenario, next, today());
        if (why != null) {
            throw new IllegalArgumentException("cannot continue this run under scenario " + next.name() + ": " + why);
        }
        scenario = next;
        random = new ModelRandom(streamSeed);
    }

    // ================================================================ accessors

    public Scenario scenario() { return scenario; }
    /** Current parameter values (the timeline and the GUI change them during a run). */
    @Override
    public Parameters params() { return params; }
    public ProvinceNetwork network() { return net; }
    public Demography demography() { return demography; }
    public Metrics metrics() { return metrics; }
    @Override
    public Market market() { return market; }
    @Override
    public Prospects prospects() { return prospects; }
    public PoliceForce police() { return police; }
    public Enforcement enforcement() { return enforcement; }
    public JointOperations jointOperations() { return joint; }
    public RuralFamilies families() { return families; }
    /** Gangs in play (busted ones are removed at the end of each day). */
    public List<Gang> gangs() { return Collections.unmodifiableList(gangs); }
    @Override
    public MersenneTwisterFast rng() { return random; }

    /** Gang-days stepped since the start: the agent steps behind the run's cost. */
    public long gangSteps() { return gangSteps; }

    /** The agents' clock: days since the spin-up began (since the start without one), 0 on the first day. */
    @Override
    public int dayIndex() { return day; }
    /** Days on the agents' clock up to the end, spin-up included. */
    public int totalDays() { return totalDays; }
    /** Days since the scenario's start, 0 on its first day (negative during the spin-up). */
    public int runDay() { return day - spinUpDays; }
    /** Days from the scenario's start to its end. */
    public int runDays() { return totalDays - spinUpDays; }
    /** Days simulated before the start and not recorded (init.spin_up_days). */
    public int spinUpDays() { return spinUpDays; }
    public LocalDate today() { return origin().plusDays(day); }
    public boolean finished() { return day >= totalDays; }

    /** The date of day 0 on the agents' clock: the start, less the spin-up. */
    private LocalDate origin() {
        return scenario.start().minusDays(spinUpDays);
    }

    /**
     * Fractional calendar year of today, for the demographic inputs and sex-ratio history; during
     * the spin-up it stays at the start, so the spin-up runs on the start's inputs.
     */
    public double year() {
        LocalDate t = day < spinUpDays ? scenario.start() : today();
        return t.getYear() + (t.getDayOfYear() - 1) / (double) t.lengthOfYear();
    }

    /** Days between two dates (helper for the GUI and outputs). */
    public static long daysBetween(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }

    /** Runs a model from start to end ({@link DayLoop#run(TraffickingModel)}). */
    public static void runToEnd(TraffickingModel m) {
        DayLoop.run(m);
    }
}
