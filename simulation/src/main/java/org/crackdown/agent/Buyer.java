package org.crackdown.agent;

/**
 * A household or exploiter looking to buy a victim. Buyers decide whether to enter the market at
 * all (deterrence by prosecution risk), which victim types they would take and how much they would
 * pay, and give up after a while.
 */
public final class Buyer implements java.io.Serializable {

    /** Why someone wants to buy, which sets what they want and pay. */
    public enum Kind {
        /** A sonless or childless couple wanting a boy (some would take a girl). */
        CHILD_SEEKER,
        /** A bachelor's family squeezed out of the marriage market, wanting a bride. */
        BRIDE_SEEKER,
        /** A brothel, workshop or other exploiter in a city, wanting a woman. */
        COMMERCIAL
    }

    private final long id;
    private final Kind kind;
    private final int province;
    // The most this buyer pays for a boy, a girl and a woman (VictimType's order), as fields: an
    // array of three was an object of its own for every buyer, about 6% of what a national run
    // allocated (issue 9, session 31).
    private final double wtpBoy;
    private final double wtpGirl;
    private final double wtpWoman;
    private final int giveUpDay;

    /**
     * @param willingnessToPay most this buyer pays, per {@link VictimType} ordinal; 0 = does not want
     */
    public Buyer(long id, Kind kind, int province, double[] willingnessToPay, int giveUpDay) {
        this.id = id;
        this.kind = kind;
        this.province = province;
        if (willingnessToPay.length != 3) {
            throw new IllegalArgumentException("a willingness to pay per victim type (3), not " + willingnessToPay.length);
        }
        this.wtpBoy = willingnessToPay[VictimType.BOY.ordinal()];
        this.wtpGirl = willingnessToPay[VictimType.GIRL.ordinal()];
        this.wtpWoman = willingnessToPay[VictimType.WOMAN.ordinal()];
        this.giveUpDay = giveUpDay;
    }

    public long id() { return id; }
    public Kind kind() { return kind; }
    public int province() { return province; }
    public int giveUpDay() { return giveUpDay; }

    public boolean wants(VictimType t) {
        return willingnessToPay(t) > 0;
    }

    public double willingnessToPay(VictimType t) {
        return switch (t) {
            case BOY -> wtpBoy;
            case GIRL -> wtpGirl;
            case WOMAN -> wtpWoman;
        };
    }
}
