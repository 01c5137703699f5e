package org.crackdown.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.market.Market;
import org.crackdown.model.Parameters;
import org.crackdown.trade.Prospects;
import org.crackdown.trade.TradeWorld;
import org.crackdown.trade.TripChoice;

import ec.util.MersenneTwisterFast;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A trafficking gang: a handful of members with a home base, money, beliefs about where police
 * are dangerous, and at most a few victims at a time. Each day it carries on with its trip:
 *
 * <ol>
 *   <li><b>plan</b> (when idle): first, whether the trade still pays more than its members'
 *       outside income and expected sanction (if not, it quits); then what to traffic (boy, girl,
 *       woman), how to get the victim (abduction, purchase from parents, deception, across the
 *       border), where (home or a neighbouring province: gangs go where victims are), where to
 *       sell, by the expected profit net of costs and of the risk it believes lies on the route;</li>
 *   <li><b>acquire</b>: travel to the source province, then try for up to two weeks or until full;</li>
 *   <li><b>transit</b> along the cheapest route once risk is priced in (displacement: a province
 *       that has become dangerous is avoided if a detour pays);</li>
 *   <li><b>sell</b> at the destination to the highest bidder, lowering the floor as days pass,
 *       trying another market if nobody buys;</li>
 *   <li><b>return</b> home.</li>
 * </ol>
 * Police may stop it wherever it holds victims; a bust is handled by {@link org.crackdown.policy.Enforcement#bust}.
 */
public final class Gang implements Steppable {

    private static final long serialVersionUID = 1L;

    /** What the gang is doing. */
    public enum State { IDLE, ACQUIRING, TRANSIT, SELLING, RETURNING, GONE }

    /** Longest a gang tries to fill up before leaving with what it has. */
    public static final int ACQUIRE_DAYS = 14;
    private static final VictimType[] TYPES = VictimType.values();
    /** Bits per victim type in {@link #held}: counts up to 2^21 - 1 each (a gang holds a handful). */
    private static final int HELD_BITS = 21;
    private static final int HELD_MASK = (1 << HELD_BITS) - 1;
    static {
        if (TYPES.length * HELD_BITS > 64) {
            throw new ExceptionInInitializerError("Gang.held packs at most 3 victim types");
        }
    }

    private final long id;
    private final int home;
    /** Gangs specialise: in children (boys and girls) or in women. */
    private final boolean childSpecialist;
    /** This gang's risk aversion relative to gangs.risk_aversion. */
    private final double aversionFactor;
    /** Its members' outside options relative to gangs.reservation_income (lognormal across gangs). */
    private final double reservationFactor;
    private final int formedDay;
    private final double[] belief;
    /**
     * The ways of obtaining victims this gang will not use, one bit per {@link AcquisitionMethod}
     * ordinal: none by default (0 also when read back from a checkpoint); a broker will not
     * kidnap, a border ring will only bring women across the border (gangs.broker_gang_share,
     * gangs.border_ring_share; docs/ODD.md, "Gang trip").
     */
    private int excluded;
    /**
     * Transient: written depth-first, a network of thousands of gangs overflows the stack, so the
     * model writes the links to checkpoints as a table (TraffickingModel.writeObject).
     */
    private transient List<Gang> partners = new ArrayList<>();
    /** Transient: written through the model's {@link VictimTable}, as is {@link #sold}. */
    private transient List<Victim> victims = new ArrayList<>();
    /**
     * How many of {@link #victims} are of each type, kept with the list, {@link #HELD_BITS} bits per
     * type in the gang itself (no list or array to reach): the morning count of the victims heading
     * to each market ({@code Prospects.newDay}) and the selling gang's look at the market read
     * these instead of every victim.
     */
    private long held;
    /**
     * How many victims it holds ({@link #victims}' size), kept in the gang itself: the daily
     * checks of every gang on a trip (full yet? anyone to expose to patrols?) then read no list,
     * whose memory was a cache miss away (issue 9: 5% of a national run on {@code victims.size()}).
     */
    private int holding;
    /** Whether a victim held was bought at a NaN price (then no sale can be ruled out from the market alone). */
    private boolean oddBasis;
    private transient ArrayDeque<Victim> sold = new ArrayDeque<>();
    /** What each victim held cost, in the order of {@link #victims} (the first {@link #holding}; unboxed). */
    private double[] costBasis = new double[4];

    private int members;
    private double money;
    private State state = State.IDLE;
    private int location;
    private int daysInState;
    /** Whether the victims have been counted in this market's flow of victims for sale. */
    private boolean announced;
    private VictimType targetType;
    private AcquisitionMethod method;
    private int destination;
    /** Province where it acquires victims on this trip. */
    private int source;
    private int[] route = new int[0];
    private int routePos;
    private int legDaysLeft;
    /** Day index before which an idle gang that found nothing worth doing does not plan again. */
    private int nextPlanDay;
    /**
     * First day the model did not step this idle gang (it waits for {@link #nextPlanDay} off the
     * daily round, see {@link #asleep}), or -1 while it is stepped daily.
     */
    private int asleepFrom = -1;

    public Gang(long id, int home, boolean childSpecialist, double aversionFactor, double reservationFactor,
                int members, double money, double[] belief, int formedDay) {
        this.id = id;
        this.home = home;
        this.source = home;
        this.childSpecialist = childSpecialist;
        this.aversionFactor = aversionFactor;
        this.reservationFactor = reservationFactor;
        this.location = home;
        this.members = members;
        this.money = money;
        this.belief = belief.clone();
        this.formedDay = formedDay;
    }

    public long id() { return id; }
    public int home() { return home; }
    public int location() { return location; }
    public int members() { return members; }
    public double money() { return money; }
    public State state() { return state; }
    public boolean active() { return state != State.GONE; }
    public List<Victim> victims() { return victims; }
    /** How many victims of type t the gang holds (the victims of that type in {@link #victims}). */
    public int held(VictimType t) { return heldOf(held, t.ordinal()); }
    /** The counts of victims held by type, packed as {@link #heldOf} reads them (never negative). */
    public long heldCounts() { return held; }
    /** How many victims of the type of ordinal {@code t} the packed counts {@code counts} (see {@link #heldCounts}) hold. */
    public static int heldOf(long counts, int t) { return (int) (counts >>> (HELD_BITS * t)) & HELD_MASK; }
    public Iterable<Victim> soldLedger() { return sold; }

    /** A sale made before the run started (a settled start): the ledger keeps the {@code depth} latest. */
    public void rememberPastSale(Victim v, int depth) {
        sold.addLast(v);
        while (sold.size() > depth) {
            sold.removeFirst();
        }
    }
    public List<Gang> partners() { return partners; }
    public double[] beliefs() { return belief.clone(); }
    /** Believed daily risk of being stopped or busted in province q. */
    public double belief(int q) { return belief[q]; }
    /** RMB this gang would give up to avoid one expected bust. */
    /** Its risk aversion in RMB of 2011 (Prospects.riskAversion gives it in today's RMB). */
    public double riskAversion(Parameters p) { return p.getRiskAversion() * aversionFactor; }
    public int formedDay() { return formedDay; }
    /** Its members' outside income relative to gangs.reservation_income. */
    public double reservationFactor() { return reservationFactor; }
    /** Province where it acquires (or last acquired) victims. */
    public int source() { return source; }
    public boolean childSpecialist() { return childSpecialist; }
    /** Whether this gang obtains victims by method m at all (see {@link #restrictTo}). */
    public boolean uses(AcquisitionMethod m) { return (excluded & (1 << m.ordinal())) == 0; }

    /**
     * Limits the gang to some ways of obtaining victims, for good: a broker, with ties to families
     * who would sell, who does not kidnap; a ring with partners across the border that brings
     * women only that way.
     */
    public void restrictTo(java.util.Set<AcquisitionMethod> allowed) {
        int m = 0;
        for (AcquisitionMethod a : allowed) {
            m |= 1 << a.ordinal();
        }
        excluded = ~m;
    }
    /** Province the gang is heading for (acquiring for, carrying to, selling in), or -1. */
    public int destination() {
        return state == State.ACQUIRING || state == State.TRANSIT || state == State.SELLING ? destination : -1;
    }
    /** The type of victim it is after on this trip, or null when idle or going home. */
    public VictimType targetType() { return destination() >= 0 ? targetType : null; }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        VictimTable.writeAll(out, victims);
        VictimTable.writeAll(out, sold);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        partners = new ArrayList<>(); // filled by the model, from its table of links
        victims = VictimTable.readAll(in, new ArrayList<>());
        sold = VictimTable.readAll(in, new ArrayDeque<>());
    }

    public void link(Gang other) {
        if (other != this && !partners.contains(other)) {
            partners.add(other);
            other.partners.add(this);
        }
    }

    /** Members lost to arrest; returns how many were arrested. */
    public int arrest(double share, MersenneTwisterFast r) {
        int n = 0;
        for (int i = 0; i < members; i++) {
            if (r.nextDouble() < share) {
                n++;
            }
        }
        members -= n;
        return n;
    }

    /** Victims taken from the gang (rescued); the gang keeps going if it has members left. */
    public List<Victim> releaseVictims() {
        List<Victim> out = new ArrayList<>(victims);
        victims.clear();
        held = 0;
        holding = 0;
        oddBasis = false;
        return out;
    }

    /** The gang is broken up or dissolves: it stops acting and is dropped from partners' links. */
    public void end() {
        state = State.GONE;
        for (Gang g : partners) {
            g.partners.remove(this);
        }
        partners.clear();
    }

    /** After losing victims but not the gang: go home and start over. */
    public void regroup() {
        if (!victims.isEmpty()) {
            throw new IllegalStateException("gang " + id + " regroups holding victims");
        }
        if (state != State.GONE) {
            enter(location == home ? State.IDLE : State.RETURNING);
            if (state == State.RETURNING) {
                legDaysLeft = 1;
            }
        }
    }

    /** A lesson learned the hard way: province {@code p} is dangerous. */
    public void learnDanger(int p, double learningRate) {
        belief[p] = (1 - learningRate) * belief[p] + learningRate * 1.0;
    }

    /**
     * The day an idle gang that found nothing worth doing plans again: until then a day changes
     * nothing for it but its count of idle days, so the model may leave it out of the daily round
     * ({@link #sleep}) instead of stepping it.
     */
    public int nextPlanDay() { return nextPlanDay; }

    /**
     * Reads a field from each part of the gang's object (its first fields, the middle, its
     * references) and returns a number made of them: the model calls it on the next few dozen
     * gangs of the shuffled round in one tight loop, whose reads do not wait on each other, so
     * that their memory arrives together rather than one gang at a time as each is stepped (the
     * first read of each gang was 6-9% of a national run, issue 9). Changes nothing.
     */
    public int touch() {
        int read = (int) id + asleepFrom;
        if (state == State.IDLE) {
            // An idle gang in the round plans: its beliefs are read first then.
            double[] b = belief;
            for (int q = 0; q < b.length; q += 8) {
                read += (int) Double.doubleToRawLongBits(b[q]);
            }
        }
        return read;
    }

    /** Whether the model has left this idle gang out of the daily round until its next plan day. */
    public boolean asleep() { return asleepFrom >= 0; }

    /** Left out of the daily round from day {@code from} (it is idle, at home, with nothing to do). */
    public void sleep(int from) {
        if (state != State.IDLE) {
            throw new IllegalStateException("gang " + id + " put to sleep while " + state);
        }
        asleepFrom = from;
    }

    /** Back in the daily round on day {@code today}: the days it was left out count as idle days. */
    public void wake(int today) {
        daysInState += today - asleepFrom;
        asleepFrom = -1;
    }

    @Override
    public void step(SimState state) {
        TradeWorld w = (TradeWorld) state;
        if (this.state == State.GONE) {
            return;
        }
        daysInState++;
        Parameters p = w.params();
        if (this.state != State.IDLE) {
            double cost = w.prospects().tripCostPerDay();
            money -= cost;
            w.earned(this, -cost);
        }
        switch (this.state) {
            case IDLE -> {
                if (w.dayIndex() >= nextPlanDay) {
                    plan(w, p);
                }
            }
            case ACQUIRING -> acquire(w, p);
            case TRANSIT -> move(w, p);
            case SELLING -> sell(w, p);
            case RETURNING -> {
                if (--legDaysLeft <= 0) {
                    location = home;
                    enter(State.IDLE);
                }
            }
            default -> throw new AssertionError(this.state);
        }
        // Only a gang on a trip holds victims: they are taken on while acquiring, and all are
        // sold or lost before it heads home. The state is checked first so that the victim lists
        // of the many idle gangs are not read every day.
        if (onTrip() && holding > 0) {
            w.exposeToPatrol(this, location);
        }
    }

    /** Acquiring, in transit or selling: the only states in which a gang holds victims or has a destination. */
    public boolean onTrip() {
        return state == State.ACQUIRING || state == State.TRANSIT || state == State.SELLING;
    }

    private void enter(State s) {
        state = s;
        daysInState = 0;
        if (s == State.SELLING) {
            announced = false;
        }
    }

    // ------------------------------------------------------------------ plan

    private void plan(TradeWorld w, Parameters p) {
        if (!w.worthStaying(this)) {
            w.quit(this);
            return;
        }
        // Learn the latest public picture of enforcement (news of busts, word of mouth).
        double lr = p.getLearningRate();
        for (int q = 0; q < belief.length; q++) {
            belief[q] = (1 - lr) * belief[q] + lr * w.publicRisk(q);
        }
        Prospects outlook = w.prospects();
        TripChoice.Trip trip = TripChoice.best(this, outlook, p, w.rng());
        if (trip == null) {
            // Half a year (gangs.idle_days_before_leaving) without a trip worth making and its
            // members are better off at other work, whatever the trade pays others at home.
            if (daysInState > p.getIdleDaysBeforeLeaving()) {
                w.quit(this);
                return;
            }
            nextPlanDay = w.dayIndex() + p.getReplanDays();
            return;
        }
        targetType = trip.type();
        method = trip.method();
        destination = trip.destination();
        source = trip.source();
        outlook.committed(destination, targetType, p.getCapacity());
        enter(State.ACQUIRING);
        legDaysLeft = outlook.travelDays(home, source);
    }

    // ------------------------------------------------------------------ acquire

    private void acquire(TradeWorld w, Parameters p) {
        if (legDaysLeft > 0) {
            // Still on the way to the source province.
            if (--legDaysLeft == 0) {
                location = source;
                daysInState = 0;
            }
            return;
        }
        TradeWorld.Acquisition got = w.tryAcquire(this, targetType, method);
        if (state == State.GONE) {
            return;
        }
        if (got != null) {
            victims.add(got.victim());
            held += 1L << (HELD_BITS * got.victim().type().ordinal());
            if (holding == costBasis.length) {
                costBasis = java.util.Arrays.copyOf(costBasis, 2 * holding);
            }
            costBasis[holding++] = got.price();
            oddBasis |= Double.isNaN(got.price());
        }
        boolean full = holding >= p.getCapacity();
        if (full || daysInState >= ACQUIRE_DAYS) {
            if (holding == 0) {
                goHome(w, p);
            } else {
                depart(w, p, source, destination);
            }
        }
    }

    private void depart(TradeWorld w, Parameters p, int from, int to) {
        destination = to;
        route = w.prospects().route(this, from, to);
        routePos = 0;
        location = from;
        legDaysLeft = 0;
        enter(route.length <= 1 ? State.SELLING : State.TRANSIT);
    }

    // ------------------------------------------------------------------ transit

    private void move(TradeWorld w, Parameters p) {
        if (legDaysLeft <= 0) {
            if (routePos + 1 >= route.length) {
                location = destination;
                enter(State.SELLING);
                return;
            }
            int next = route[routePos + 1];
            legDaysLeft = w.prospects().legDays(route[routePos], next);
            routePos++;
            location = next;
        }
        legDaysLeft--;
        if (legDaysLeft <= 0 && routePos + 1 >= route.length) {
            enter(State.SELLING);
        }
    }

    private void goHome(TradeWorld w, Parameters p) {
        if (location == home) {
            enter(State.IDLE);
        } else {
            legDaysLeft = Math.max(1, w.prospects().travelDays(location, home));
            enter(State.RETURNING);
        }
    }

    // ------------------------------------------------------------------ sell

    /**
     * Whether the market shows, without reading the victims, that none of them would sell today:
     * for every type held, the best bid it knows of is below what a seller asks for that type
     * (the reservation of each victim is the ask or, if higher, what it cost; never lower unless
     * a cost is NaN). Then each sale tried would fail at once and change nothing, so none is tried.
     */
    private boolean cannotSell(Market market, double discount) {
        if (oddBasis || holding == 0) {
            return false;
        }
        for (int t = 0; t < TYPES.length; t++) {
            if (held(TYPES[t]) > 0 && !market.knownBelow(location, TYPES[t], market.ask(location, TYPES[t], discount))) {
                return false;
            }
        }
        return true;
    }

    private void sell(TradeWorld w, Parameters p) {
        Market market = w.market();
        // The floor falls from cost towards half of it as days pass unsold.
        double patience = p.getSellPatienceDays();
        double discount = Math.max(0.5, 1 - 0.5 * daysInState / patience);
        if (!announced) {
            // The victims come to this market: part of its flow of victims for sale.
            for (Victim v : victims) {
                market.offered(location, v.type());
            }
            announced = true;
        }
        for (int i = cannotSell(market, discount) ? -1 : victims.size() - 1; i >= 0; i--) {
            Victim v = victims.get(i);
            double ask = market.ask(location, v.type(), discount);
            double floor = costBasis[i] * discount;
            Market.Sale sale = market.sell(location, v.type(), ask, floor);
            if (sale != null) {
                victims.remove(i);
                held -= 1L << (HELD_BITS * v.type().ordinal());
                double paid = costBasis[i];
                System.arraycopy(costBasis, i + 1, costBasis, i, holding - 1 - i);
                if (--holding == 0) {
                    oddBasis = false;
                }
                money += sale.price();
                w.earned(this, sale.price() - paid);
                sold.addLast(v);
                // Only the most recent sales can be traced after a bust (police.trace_depth).
                while (sold.size() > p.getTraceDepth()) {
                    sold.removeFirst();
                }
                w.sold(this, v, sale, location);
            }
        }
        // The count, not victims.isEmpty(): on most selling days no sale is tried and the list is not read.
        if (holding == 0) {
            goHome(w, p);
        } else if (daysInState >= patience) {
            int next = w.prospects().bestMarket(this, location, victims.get(0).type());
            if (next != location) {
                depart(w, p, location, next);
            } else {
                daysInState = 0;
            }
        }
    }
}
