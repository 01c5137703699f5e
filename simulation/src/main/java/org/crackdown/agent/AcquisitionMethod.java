package org.crackdown.agent;

import java.util.List;

/** How a gang takes a victim into the trade. */
public enum AcquisitionMethod {
    /** A child taken from its family, often a left-behind child. */
    ABDUCTION,
    /** A child bought from poor parents. */
    PURCHASE,
    /** A woman lured by a false job or marriage offer. */
    DECEPTION,
    /** A woman or child brought across the Vietnam, Laos or Myanmar border. */
    CROSS_BORDER;

    private static final List<AcquisitionMethod> FOR_CHILDREN = List.of(ABDUCTION, PURCHASE, CROSS_BORDER);
    private static final List<AcquisitionMethod> FOR_WOMEN = List.of(DECEPTION, CROSS_BORDER);

    /** Methods open for a victim type (a shared, unmodifiable list: gangs ask for it every plan). */
    public static List<AcquisitionMethod> forType(VictimType t) {
        return t.isChild() ? FOR_CHILDREN : FOR_WOMEN;
    }

    private static final AcquisitionMethod[] CHILD_METHODS = FOR_CHILDREN.toArray(new AcquisitionMethod[0]);
    private static final AcquisitionMethod[] WOMAN_METHODS = FOR_WOMEN.toArray(new AcquisitionMethod[0]);

    /** As {@link #forType}, as a shared array (do not modify): a plan loops over it ~ten times. */
    public static AcquisitionMethod[] methodsFor(VictimType t) {
        return t.isChild() ? CHILD_METHODS : WOMAN_METHODS;
    }
}
