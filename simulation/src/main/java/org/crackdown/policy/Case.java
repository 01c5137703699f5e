package org.crackdown.policy;

import org.crackdown.agent.Gang;
import org.crackdown.agent.Victim;

/**
 * A file on a police desk: a missing-person report, a tip, a lead from a bust, or a buyer found
 * holding a victim. It names the gang and victim behind it when there are any; a false tip has
 * neither, and only costs investigators' time.
 *
 * @param province province whose police work the case
 * @param child    whether it is a child case (else a woman case)
 * @param gang     the gang responsible, or null
 * @param victim   the victim concerned, or null
 */
public record Case(long id, Kind kind, int province, boolean child, Gang gang, Victim victim, int openedDay) {

    /** How the case reached the police. */
    public enum Kind { MISSING_REPORT, TIP, FALSE_TIP, LEAD }

    public boolean genuine() {
        return kind != Kind.FALSE_TIP;
    }
}
