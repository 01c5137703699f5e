package org.crackdown.policy;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.agent.Gang;
import org.crackdown.model.JointOperation;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

import ec.util.MersenneTwisterFast;

/**
 * Joint cross-provincial operations directed by the Ministry (china-facts.md s2: Jul 2011, 14
 * provinces, 369 suspects; Nov 2011, 10 provinces, >5,000 police, 608 suspects; Mar 2012, >7,000
 * police in 14 provinces broke up four rings; Mar 2013, 20 provinces, 5 gangs). Operations are
 * dated in the scenario or, at {@code joint.per_year}, started by police themselves.
 *
 * <p>An operation works in a set of provinces (named, or the province with most open cases and
 * its neighbours) and goes after rings one at a time: the gang there that police have most open
 * cases against, and the partners linked to it in those provinces, breadth first up to {@code
 * joint.link_depth} links away. The mobilised officers take the ring's gangs down one by one;
 * when none of them is at large any more the ring counts as broken up and the operation turns to
 * the next ring (the next most-reported gang it has not reached yet), until it ends or has taken
 * down {@code joint.max_gangs} x scale gangs (its reach). So how many rings, suspects and
 * children an operation yields comes out of officers, days, efficiency and the rings' sizes; a
 * busted gang gives leads to its other partners like any bust, but those are left to ordinary
 * investigation.
 */
public final class JointOperations implements java.io.Serializable {

    /** A running operation and what it has done so far. */
    public static final class Operation implements java.io.Serializable {
        private final String name;
        private final int startDay;
        private final int endDay;
        private final Set<Integer> provinces;
        private final double officers;
        private final int reach;
        private final List<Gang> ring = new ArrayList<>();
        /** Every gang of every ring this operation has gone after (so no ring is targeted twice). */
        private final Set<Gang> reached = new java.util.HashSet<>();
        private int ringsBroken;
        private int busted;
        private int arrested;
        private int rescued;

        Operation(String name, int startDay, int endDay, Set<Integer> provinces, double officers, int reach) {
            this.name = name;
            this.startDay = startDay;
            this.endDay = endDay;
            this.provinces = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(provinces));
            this.officers = officers;
            this.reach = reach;
        }

        public String name() { return name; }
        public int startDay() { return startDay; }
        public int endDay() { return endDay; }
        public Set<Integer> provinces() { return provinces; }
        public double officers() { return officers; }
        /** Most gangs the operation may take down. */
        public int reach() { return reach; }
        /** The ring it is working on now (empty until police know a gang in its provinces). */
        public List<Gang> ring() { return List.copyOf(ring); }
        /** Rings it has broken up: none of their gangs left at large. */
        public int ringsBroken() { return ringsBroken; }
        /** Gangs this operation has busted. */
        public int busted() { return busted; }
        /** Suspects arrested and victims rescued by its busts (compare china-facts.md s2 templates). */
        public int arrested() { return arrested; }
        public int rescued() { return rescued; }
    }

    private final ProvinceNetwork net;
    private final Map<Integer, List<JointOperation>> planned = new HashMap<>();
    private final List<Operation> running = new ArrayList<>();
    private final List<Operation> finished = new ArrayList<>();

    public JointOperations(ProvinceNetwork net) {
        this(net, List.of(), null);
    }

    /** With the scenario's dated operations; {@code runStart} is the date of day 0. */
    public JointOperations(ProvinceNetwork net, List<JointOperation> dated, LocalDate runStart) {
        this.net = net;
        for (JointOperation o : dated) {
            long day = java.time.temporal.ChronoUnit.DAYS.between(runStart, o.start());
            if (day >= 0 && day < Integer.MAX_VALUE) {
                planned.computeIfAbsent((int) day, d -> new ArrayList<>()).add(o);
            }
        }
    }

    public List<Operation> running() {
        return List.copyOf(running);
    }

    /** Operations that have ended, in the order they ended. */
    public List<Operation> finished() {
        return List.copyOf(finished);
    }

    /** Officers currently mobilised by operations (for officer-years). */
    public double officers() {
        double n = 0;
        for (Operation o : running) {
            n += o.officers();
        }
        return n;
    }

    /** A day: end the finished operations, start new ones, work the running ones. */
    public void step(int today, CaseBook cases, Enforcement enforcement, Metrics metrics, Parameters p,
                     MersenneTwisterFast r) {
        for (var it = running.iterator(); it.hasNext(); ) {
            Operation o = it.next();
            if (o.endDay() < today) {
                finished.add(o);
                it.remove();
            }
        }
        int end = today + p.getJointDurationDays() - 1;
        int reach = (int) Math.max(1, Math.round(p.getJointMaxGangs() * p.getScale()));
        for (JointOperation d : planned.getOrDefault(today, List.of())) {
            Set<Integer> area = d.provinces().isEmpty() ? area(busiest(cases), d.provinceCount()) : named(d.provinces());
            double officers = (d.officers() > 0 ? d.officers() : p.getJointOfficers()) * p.getScale();
            running.add(new Operation(d.name(), today, end, area, officers, reach));
            metrics.increment(Measure.JOINT_OPERATIONS, area.iterator().next());
        }
        int starts = Rng.poisson(r, p.getJointPerYear() / 365.0);
        for (int k = 0; k < starts; k++) {
            Set<Integer> area = area(busiest(cases), p.getJointProvinces());
            running.add(new Operation("joint-" + today + "-" + k, today, end, area, p.getJointOfficers() * p.getScale(), reach));
            metrics.increment(Measure.JOINT_OPERATIONS, area.iterator().next());
        }
        for (Operation o : running) {
            if (o.ring.isEmpty() && o.busted < o.reach()) {
                target(o, cases, p.getJointLinkDepth());
            }
            work(o, enforcement, metrics, p, r);
            if (!o.ring.isEmpty() && atLarge(o.ring).isEmpty()) {
                o.ringsBroken++;
                metrics.increment(Measure.JOINT_RINGS_BROKEN, o.ring.get(0).home());
                o.ring.clear();
            }
        }
    }

    /**
     * Picks the next ring: the active gang in the operation's provinces, not reached by it before,
     * with most reports in the open cases against it (merged ones included; the first known on
     * ties), then its partners there not reached before, breadth first, to the link depth. The
     * ring is what police know, not what they can take: the reach bounds the busts, so a ring cut
     * short by it is not broken up. With no such gang known yet, it tries again the next day.
     */
    static void target(Operation o, CaseBook cases, int linkDepth) {
        Gang first = null;
        int most = 0;
        for (int prov : sorted(o.provinces())) {
            for (Gang g : cases.knownGangs(prov)) {
                int n = cases.reportsAgainst(g);
                if (g.active() && n > most && !o.reached.contains(g)) {
                    first = g;
                    most = n;
                }
            }
        }
        if (first == null) {
            return;
        }
        Set<Gang> seen = new LinkedHashSet<>();
        ArrayDeque<Gang> queue = new ArrayDeque<>();
        ArrayDeque<Integer> depth = new ArrayDeque<>();
        seen.add(first);
        queue.add(first);
        depth.add(0);
        while (!queue.isEmpty()) {
            Gang g = queue.poll();
            int d = depth.poll();
            if (d >= linkDepth) {
                continue;
            }
            for (Gang partner : g.partners()) {
                if (partner.active() && o.provinces().contains(partner.home()) && !o.reached.contains(partner)
                        && seen.add(partner)) {
                    queue.add(partner);
                    depth.add(d + 1);
                }
            }
        }
        o.ring.addAll(seen);
        o.reached.addAll(seen);
    }

    private static List<Gang> atLarge(List<Gang> ring) {
        List<Gang> out = new ArrayList<>();
        for (Gang g : ring) {
            if (g.active()) {
                out.add(g);
            }
        }
        return out;
    }

    /** A day's work: each ring gang still at large falls with a chance that rises with officers per such gang. */
    private static void work(Operation o, Enforcement enforcement, Metrics metrics, Parameters p,
                             MersenneTwisterFast r) {
        List<Gang> atLarge = atLarge(o.ring);
        if (atLarge.isEmpty()) {
            return;
        }
        double chance = 1 - Math.exp(-p.getJointTakedownEfficiency() * o.officers() / atLarge.size());
        for (Gang g : atLarge) {
            if (o.busted < o.reach() && g.active() && r.nextDouble() < chance) {
                Enforcement.Busted b = enforcement.bust(g, g.home(), Enforcement.Cause.INVESTIGATION, p, r);
                o.busted++;
                o.arrested += b.arrested();
                o.rescued += b.rescued();
                metrics.increment(Measure.JOINT_GANGS_BUSTED, g.home());
                metrics.add(Measure.JOINT_SUSPECTS_ARRESTED, g.home(), b.arrested());
                metrics.add(Measure.JOINT_RESCUED, g.home(), b.rescued());
                metrics.add(Measure.JOINT_CHILDREN_RESCUED, g.home(), b.childrenRescued());
            }
        }
    }

    private static List<Integer> sorted(Set<Integer> s) {
        List<Integer> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    private Set<Integer> named(List<String> codes) {
        Set<Integer> out = new LinkedHashSet<>();
        for (Province prov : net.provinces()) {
            if (codes.contains(prov.code())) {
                out.add(prov.index());
            }
        }
        return out;
    }

    private int busiest(CaseBook cases) {
        int best = 0;
        for (int i = 1; i < net.size(); i++) {
            if (cases.openCases(i) > cases.openCases(best)) {
                best = i;
            }
        }
        return best;
    }

    /** The province and its neighbours, breadth first, until n provinces (in index order per ring). */
    private Set<Integer> area(int centre, int n) {
        Set<Integer> area = new LinkedHashSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(centre);
        area.add(centre);
        while (!queue.isEmpty() && area.size() < n) {
            Province p = net.get(queue.poll());
            for (int q : p.neighbours()) {
                if (area.size() < n && area.add(q)) {
                    queue.add(q);
                }
            }
        }
        return area;
    }
}
