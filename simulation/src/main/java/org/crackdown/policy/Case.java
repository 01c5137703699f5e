package org.crackdown.policy;

import org.crackdown.agent.Gang;
import org.crackdown.agent.Victim;

/**
 * A file on a police desk: a missing-person report, a tip, a lead from a bust, or what police
 * found themselves (a gang stopped with victims, a victim found with a buyer). It names the gang
 * and victims behind it when there are any; a false tip has neither, and only costs investigators'
 * time until it is checked. A case is a criminal event, not a victim: reports police link to a
 * gang they already have a case against are merged into it (serial-case merging, chuan bing an),
 * so one case may name several victims. Every file but a false tip and an unregistered inquiry is
 * a registered case (li an); a missing report police did not register at once (the pre-2009
 * practice of "no registration without solving") is an inquiry, registered only if it is solved.
 * Solving is a later, separate event.
 *
 * <p>Accessors keep the names of the record this used to be. The desk position is mutable so the
 * {@link CaseBook} can take a case off its province's desk in constant time. A case taken up and
 * found to have no trail is shelved: off the desk, so it no longer takes investigators' time, but
 * open, so a bust or a found victim can still solve it, until it goes cold.
 */
public final class Case implements java.io.Serializable {

    /** How the case reached the police. */
    public enum Kind {
        /** Parents or family reported a missing child or woman. */
        MISSING_REPORT,
        /** A member of the public reported a sale that did happen. */
        TIP,
        /** A tip about nothing: checked, never registered. */
        FALSE_TIP,
        /** A bust pointed at a gang the busted one traded with. */
        LEAD,
        /** Patrols or border control stopped a gang with a victim. */
        STOP,
        /** A victim was found living with a buyer (buyer search, DNA match). */
        FIND
    }

    private final long id;
    private final Kind kind;
    private final int province;
    private final boolean child;
    private final Gang gang;
    /** Victims the case names (reports merged into it add theirs); found ones are struck off. */
    private transient java.util.List<Victim> victims = new java.util.ArrayList<>(1); // written through VictimTable
    private final int openedDay;
    /** Whether the case is on the register; an inquiry becomes registered when it is solved. */
    private boolean registered;
    /** Reports, tips, leads and stops this case stands for: the first and those merged into it. */
    private int reports = 1;
    /** Whether investigators can follow a trail from it; if not, only a bust or a find closes it. */
    private boolean trail = true;
    /** Index in the province's desk while investigators work it; -1 once shelved or closed. */
    int slot = -1;
    private boolean open = true;

    /**
     * @param province province whose police work the case
     * @param child    whether it is a child case (else a woman case)
     * @param gang     the gang responsible, or null
     * @param victim   the victim concerned, or null
     */
    public Case(long id, Kind kind, int province, boolean child, Gang gang, Victim victim, int openedDay) {
        this.id = id;
        this.kind = kind;
        this.province = province;
        this.child = child;
        this.gang = gang;
        if (victim != null) {
            victims.add(victim);
        }
        this.openedDay = openedDay;
        this.registered = kind != Kind.FALSE_TIP;
    }

    public long id() { return id; }
    public Kind kind() { return kind; }
    public int province() { return province; }
    public boolean child() { return child; }
    public Gang gang() { return gang; }
    /** The first victim the case names, or null. */
    public Victim victim() { return victims.isEmpty() ? null : victims.get(0); }
    /** Every victim the case still names (merged reports included, found ones struck off). */
    public java.util.List<Victim> victims() { return victims; }
    public int openedDay() { return openedDay; }

    /** Whether this is about a real trafficking act (everything but a false tip). */
    public boolean genuine() {
        return kind != Kind.FALSE_TIP;
    }

    /** Whether the case is on the register (not a false tip, nor an inquiry not yet solved). */
    public boolean registered() {
        return registered;
    }

    /** Police keep the report as an inquiry, registered only when solved (before 2009: bu po bu li). */
    void unregistered() {
        registered = false;
    }

    /** Reports, tips, leads and stops this case stands for (1 + those merged into it). */
    public int reports() {
        return reports;
    }

    void merged() {
        reports++;
    }

    /**
     * Whether investigating the case can solve it. A case without a trail (no witness, no
     * contact, no trace of the gang) is shelved once taken up, and stays open until its gang is
     * caught some other way, its victims are found, or it goes cold.
     */
    public boolean hasTrail() {
        return trail;
    }

    void noTrail() {
        trail = false;
    }

    /** An inquiry is solved and so registered. */
    void register() {
        registered = true;
    }

    /** Whether the case is still open (worked on the desk, or shelved for want of a trail). */
    public boolean isOpen() {
        return open;
    }

    void closed() {
        open = false;
    }

    @Override
    public String toString() {
        return "Case " + id + " (" + kind + ", province " + province + ", day " + openedDay + ")";
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        org.crackdown.agent.VictimTable.writeAll(out, victims);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        victims = org.crackdown.agent.VictimTable.readList(in);
    }
}
