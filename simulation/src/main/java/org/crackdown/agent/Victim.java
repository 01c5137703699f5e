package org.crackdown.agent;

/**
 * A trafficked woman or child, from acquisition to sale and, perhaps, rescue. Victims do not
 * decide; their state records where they are and who holds them, which is what police find.
 *
 * <p>Not serializable on purpose: a saved model writes its victims through {@link VictimTable}.
 */
public final class Victim {

    /** Where a victim is: LEFT_BUYER means out of the buyer's household other than by rescue (escape, release, death, grown up). */
    public enum Status { WITH_GANG, WITH_BUYER, RESCUED, LEFT_BUYER }

    private static final VictimType[] TYPES = VictimType.values();
    private static final AcquisitionMethod[] METHODS = AcquisitionMethod.values();
    private static final Status[] STATUSES = Status.values();

    private final long id;
    // Type, method and status as their ordinals (a byte each, not a reference each): with the two
    // ints of saving below a victim stays 56 bytes (issue 9, session 32).
    private final byte type;
    private final int origin;
    private final String originLabel;
    private final byte method;
    private final int acquiredDay;
    private boolean parentsSampled;
    private byte status = (byte) Status.WITH_GANG.ordinal();
    /**
     * The province of the household that bought her or him (-1 before a sale): all that is read of
     * the buyer after the sale, so the buyer (and its bids) is not kept alive for the decades a
     * victim may stay there (issue 9, session 12: ~80 bytes per victim held, at national scale
     * hundreds of thousands).
     */
    private int buyerProvince = -1;
    /**
     * How she or he is due to leave the buyer's household unless rescued first, once that is
     * drawn (Enforcement keeps the day; null if never): kept here rather than in an object of
     * its own per victim held (24 bytes each; a victim's fields leave room for it).
     */
    private org.crackdown.model.Measure wayOut;
    /**
     * Which {@link VictimTable} last wrote this victim, and the number it gave it: bookkeeping of
     * saving, not of the model. Kept here because an identity map of a national model's million
     * victims cost the save more than writing them (issue 9, session 32).
     */
    int writtenBy;
    int writtenAs;

    /**
     * @param origin         province index where the victim entered the trade
     * @param originLabel    ISO code of that province, or the foreign country for cross-border victims
     * @param parentsSampled whether the parents' DNA is in the national database
     */
    public Victim(long id, VictimType type, int origin, String originLabel, AcquisitionMethod method,
                  int acquiredDay, boolean parentsSampled) {
        this.id = id;
        this.type = (byte) type.ordinal();
        this.origin = origin;
        this.originLabel = originLabel;
        this.method = (byte) method.ordinal();
        this.acquiredDay = acquiredDay;
        this.parentsSampled = parentsSampled;
    }

    /** A victim as it was written to a saved model ({@link VictimTable}). */
    Victim(long id, VictimType type, int origin, String originLabel, AcquisitionMethod method, int acquiredDay,
           boolean parentsSampled, Status status, int buyerProvince, org.crackdown.model.Measure wayOut) {
        this(id, type, origin, originLabel, method, acquiredDay, parentsSampled);
        this.status = (byte) status.ordinal();
        this.buyerProvince = buyerProvince;
        this.wayOut = wayOut;
    }

    public long id() { return id; }
    public VictimType type() { return TYPES[type]; }
    public int origin() { return origin; }
    public String originLabel() { return originLabel; }
    public AcquisitionMethod method() { return METHODS[method]; }
    public int acquiredDay() { return acquiredDay; }
    public boolean parentsSampled() { return parentsSampled; }
    public Status status() { return STATUSES[status]; }
    /** Whether a gang or a buyer still holds her or him (not rescued, not left the buyer's household). */
    public boolean held() {
        return held(status);
    }

    /** Whether a victim of this status (its ordinal) is held. */
    static boolean held(byte status) {
        return status == Status.WITH_GANG.ordinal() || status == Status.WITH_BUYER.ordinal();
    }

    /** The status as its ordinal ({@link VictimTable} reads it without the enum's array). */
    byte statusCode() {
        return status;
    }

    /** How the victim is due to leave the buyer's household (see {@link #dueToLeave}), or null. */
    public org.crackdown.model.Measure wayOut() { return wayOut; }

    /** The way out of the buyer's household drawn for this victim (its day is kept by Enforcement). */
    public void dueToLeave(org.crackdown.model.Measure how) {
        wayOut = how;
    }

    /** Province of the buyer's household, -1 if not sold. */
    public int buyerProvince() { return buyerProvince; }

    public void soldTo(Buyer b) {
        status = (byte) Status.WITH_BUYER.ordinal();
        buyerProvince = b.province();
    }

    public void rescued() {
        status = (byte) Status.RESCUED.ordinal();
    }

    /** The parents give a DNA sample after the child was taken (they came forward once the database ran). */
    public void sampleParents() {
        parentsSampled = true;
    }

    /** No longer held by the buyer, and no longer findable as a trafficked victim. */
    public void leftBuyer() {
        status = (byte) Status.LEFT_BUYER.ordinal();
    }

    /** Parents to return a rescued child to are known: by DNA match, or they did not sell it. */
    public boolean reunitable(boolean dnaRunning) {
        AcquisitionMethod m = method();
        return type().isChild() && m != AcquisitionMethod.PURCHASE
                && m != AcquisitionMethod.CROSS_BORDER && dnaRunning && parentsSampled;
    }
}
