package org.crackdown.policy;

import org.crackdown.agent.Gang;
import org.crackdown.agent.Victim;

/**
 * A file on a police desk: a missing-person report, a tip, a lead from a bust, or what police
 * found themselves (a gang stopped with victims, a victim found with a buyer). It names the gang
 * and victim behind it when there are any; a false tip has neither, and only costs investigators'
 * time until it is checked. Every file but a false tip is a registered case (li an); solving it
 * is a later, separate event.
 *
 * <p>Accessors keep the names of the record this used to be. The desk position is mutable so the
 * {@link CaseBook} can take a case off its province's desk in constant time.
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
    private final Victim victim;
    private final int openedDay;
    /** Index in the province's desk while open; -1 once closed. */
    int slot = -1;

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
        this.victim = victim;
        this.openedDay = openedDay;
    }

    public long id() { return id; }
    public Kind kind() { return kind; }
    public int province() { return province; }
    public boolean child() { return child; }
    public Gang gang() { return gang; }
    public Victim victim() { return victim; }
    public int openedDay() { return openedDay; }

    /** Whether this is a registered trafficking case (everything but a false tip). */
    public boolean genuine() {
        return kind != Kind.FALSE_TIP;
    }

    public boolean isOpen() {
        return slot >= 0;
    }

    @Override
    public String toString() {
        return "Case " + id + " (" + kind + ", province " + province + ", day " + openedDay + ")";
    }
}
