package org.crackdown.agent;

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

    /** Methods open for a victim type. */
    public static AcquisitionMethod[] forType(VictimType t) {
        return t.isChild() ? new AcquisitionMethod[] {ABDUCTION, PURCHASE, CROSS_BORDER}
                : new AcquisitionMethod[] {DECEPTION, CROSS_BORDER};
    }
}
