package org.crackdown.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.Victim;
import org.crackdown.model.Parameters;

import ec.util.MersenneTwisterFast;

/**
 * Open investigations, province by province. Investigators share their time over the cases on
 * their desk: with few cases each takes about {@code police.min_case_days}; with many, each case's
 * daily chance of being taken up falls as capacity / cases. A case taken up is solved if it has a
 * trail and shelved if not ({@code police.case_lead_share}); shelved cases take no more time but
 * stay open for a bust or a find to solve. Unsolved cases go cold after
 * {@code police.case_expiry_days}.
 *
 * <p>A day's work costs time in proportion to what happens, not to the open files: each province
 * keeps its open cases on a desk (taken off in constant time), and in a queue by the day they
 * were opened, so cold cases are found at its front. The cases solved today are drawn by skipping
 * along the desk with geometric gaps, which gives every case the same independent daily chance.
 * Cases are also indexed by gang (and gangs by home province) and by victim, so that a bust, a
 * joint operation or a found child reaches its cases without scanning every file. Indexes keyed
 * by agents are only looked up, or iterated in insertion order, so identity hashing cannot make
 * runs differ.
 */
public final class CaseBook implements java.io.Serializable {

    private final List<List<Case>> desk = new ArrayList<>();
    private final List<ArrayDeque<Case>> byAge = new ArrayList<>();
    private final Map<Gang, List<Case>> byGang = new HashMap<>();
    /** Transient: written through the model's {@link org.crackdown.agent.VictimTable}. */
    private transient Map<Victim, List<Case>> byVictim = new HashMap<>();
    /** Gangs with at least one open case, by their home province, in the order they became known. */
    private final List<Set<Gang>> knownGangs = new ArrayList<>();
    private long nextId = 1;
    /** Per province, open cases taken off the desk for want of a trail. */
    private final int[] shelved;
    /** Reports behind genuine cases that went cold since {@link #takeReportsGoneCold()} was last called. */
    private double reportsGoneCold;

    public CaseBook(int provinces) {
        shelved = new int[provinces];
        for (int i = 0; i < provinces; i++) {
            desk.add(new ArrayList<>());
            byAge.add(new ArrayDeque<>());
            knownGangs.add(new LinkedHashSet<>());
        }
    }

    public Case open(Case.Kind kind, int province, boolean child, Gang gang, Victim victim, int today) {
        Case c = new Case(nextId++, kind, province, child, gang, victim, today);
        List<Case> d = desk.get(province);
        c.slot = d.size();
        d.add(c);
        byAge.get(province).addLast(c);
        if (gang != null) {
            byGang.computeIfAbsent(gang, g -> new ArrayList<>()).add(c);
            knownGangs.get(gang.home()).add(gang);
        }
        if (victim != null) {
            byVictim.computeIfAbsent(victim, v -> new ArrayList<>()).add(c);
        }
        return c;
    }

    /** A report police link to an open case: the case now names this victim too (no new case). */
    public void merge(Case c, Victim victim) {
        c.merged();
        if (victim != null && c.isOpen()) {
            c.victims().add(victim);
            byVictim.computeIfAbsent(victim, v -> new ArrayList<>()).add(c);
        }
    }

    /** The oldest open case against this gang (the one a new report about it is merged into), or null. */
    public Case oldestCaseAgainst(Gang g) {
        List<Case> l = byGang.get(g);
        return l == null ? null : l.get(0);
    }

    /** Open cases of a province: on the desk or shelved. */
    public int openCases(int province) {
        return desk.get(province).size() + shelved[province];
    }

    /** Cases on a province's desk: those investigators share their time over. */
    public int casesWorked(int province) {
        return desk.get(province).size();
    }

    /** Closes a case (solved, or gone cold), on the desk or shelved. */
    private void close(Case c) {
        if (!c.isOpen()) {
            return;
        }
        if (c.slot >= 0) {
            offDesk(c);
        } else {
            shelved[c.province()]--;
        }
        c.closed();
        if (unindex(byGang, c.gang(), c)) {
            knownGangs.get(c.gang().home()).remove(c.gang());
        }
        for (Victim v : c.victims()) {
            unindex(byVictim, v, c);
        }
    }

    /** A case taken up and found to have no trail: off the desk, still open. */
    void shelve(Case c) {
        if (c.isOpen() && c.slot >= 0) {
            offDesk(c);
            shelved[c.province()]++;
        }
    }

    private void offDesk(Case c) {
        List<Case> d = desk.get(c.province());
        Case last = d.remove(d.size() - 1);
        if (last != c) {
            d.set(c.slot, last);
            last.slot = c.slot;
        }
        c.slot = -1;
    }

    /** Removes c from key's list; true if key has no open case left. */
    private static <K> boolean unindex(Map<K, List<Case>> index, K key, Case c) {
        if (key == null) {
            return false;
        }
        List<Case> list = index.get(key);
        if (list != null) {
            list.remove(c);
            if (list.isEmpty()) {
                index.remove(key);
                return true;
            }
        }
        return false;
    }

    /**
     * A gang was busted: each open case against it, in any province, is solved with it with
     * probability {@code p} (one gang often answers for several cases). Returns those cases, in
     * the order they were opened; the others stay open and may still be solved from other
     * evidence.
     */
    public List<Case> closeLinked(Gang g, double p, MersenneTwisterFast r) {
        List<Case> against = byGang.get(g);
        if (against == null) {
            return List.of();
        }
        List<Case> solved = new ArrayList<>();
        for (Case c : new ArrayList<>(against)) {
            if (r.nextDouble() < p) {
                solved.add(c);
                close(c);
            }
        }
        return solved;
    }

    /**
     * A victim has been found: she or he is struck off the open cases that name her or him; a case
     * left naming no one is closed as solved. Returns those solved cases (a case about several
     * victims, merged from several reports, stays open until its gang is caught, an investigation
     * solves it, or its last victim is found).
     */
    public List<Case> closeVictim(Victim v) {
        List<Case> about = byVictim.remove(v);
        if (about == null) {
            return List.of();
        }
        List<Case> out = new ArrayList<>(about.size());
        for (Case c : about) {
            c.victims().remove(v);
            if (c.victims().isEmpty()) {
                close(c);
                out.add(c);
            }
        }
        return out;
    }

    /** Whether any open case names this victim. */
    public boolean isNamed(Victim v) {
        return byVictim.containsKey(v);
    }

    /** Whether police have at least one open case against this gang. */
    public boolean hasOpenCase(Gang g) {
        return byGang.containsKey(g);
    }

    /** Open cases against this gang. */
    public int casesAgainst(Gang g) {
        List<Case> l = byGang.get(g);
        return l == null ? 0 : l.size();
    }

    /** Reports behind the open cases against this gang (each case's own and those merged into it). */
    public int reportsAgainst(Gang g) {
        List<Case> l = byGang.get(g);
        int n = 0;
        if (l != null) {
            for (Case c : l) {
                n += c.reports();
            }
        }
        return n;
    }

    /** Gangs based in a province that police have an open case against, in the order they became known. */
    public Iterable<Gang> knownGangs(int homeProvince) {
        return knownGangs.get(homeProvince);
    }

    /** Works every province's cases for a day; returns the cases closed by it (solved or, for false tips, dismissed). */
    public List<Case> investigate(List<PoliceUnit> units, int today, Parameters p, MersenneTwisterFast r) {
        List<Case> solved = new ArrayList<>();
        for (PoliceUnit u : units) {
            int i = u.province();
            expire(i, today, p.getCaseExpiryDays());
            List<Case> d = desk.get(i);
            if (d.isEmpty()) {
                continue;
            }
            double capacity = u.investigators(p) * p.getInvestigationEfficiency();
            double h = capacity / (d.size() + capacity * p.getMinCaseDays());
            int from = solved.size();
            pick(d, h, r, solved);
            // A case without a trail yields nothing when taken up: it is shelved.
            int kept = from;
            for (int k = from; k < solved.size(); k++) {
                Case c = solved.get(k);
                if (c.hasTrail()) {
                    close(c);
                    solved.set(kept++, c);
                } else {
                    shelve(c);
                }
            }
            solved.subList(kept, solved.size()).clear();
        }
        return solved;
    }

    /** Cases older than the expiry go cold; closed ones met at the front of the queue are dropped. */
    private void expire(int province, int today, int expiryDays) {
        ArrayDeque<Case> q = byAge.get(province);
        while (!q.isEmpty()) {
            Case c = q.peekFirst();
            if (c.isOpen() && today - c.openedDay() < expiryDays) {
                return;
            }
            q.pollFirst();
            if (c.isOpen() && c.genuine()) {
                reportsGoneCold += c.reports();
            }
            close(c);
        }
    }

    /** Reports behind genuine cases gone cold since the last call, which resets the count. */
    public double takeReportsGoneCold() {
        double n = reportsGoneCold;
        reportsGoneCold = 0;
        return n;
    }

    /**
     * Adds to {@code out} each case of {@code d} independently with probability h, in desk order:
     * the gaps between chosen cases are geometric, so only the chosen ones cost a draw.
     */
    static void pick(List<Case> d, double h, MersenneTwisterFast r, List<Case> out) {
        if (h <= 0) {
            return;
        }
        if (h >= 1) {
            out.addAll(d);
            return;
        }
        double logMiss = Math.log1p(-h);
        double next = -1;
        while (true) {
            next += 1 + Math.floor(Math.log1p(-r.nextDouble()) / logMiss);
            if (next >= d.size()) {
                return;
            }
            out.add(d.get((int) next));
        }
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        out.writeInt(byVictim.size());
        for (Map.Entry<Victim, List<Case>> e : byVictim.entrySet()) {
            org.crackdown.agent.VictimTable.write(out, e.getKey());
            out.writeObject(e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        byVictim = new HashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
        for (int i = 0; i < n; i++) {
            Victim v = org.crackdown.agent.VictimTable.read(in);
            byVictim.put(v, (List<Case>) in.readObject());
        }
    }
}
