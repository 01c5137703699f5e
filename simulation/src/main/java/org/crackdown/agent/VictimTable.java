package org.crackdown.agent;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.DayQueue;

/**
 * How victims go into a saved model (a state file, a GUI save, a sweep's fork): each victim as
 * its fields where it is first met, and as its number wherever it is met again, so the lists that
 * share a victim (a gang's, a buyer's province's, a case's, the queue of exits) still share one
 * victim when read back.
 *
 * <p>Why not Java serialization, which keeps sharing too: a national model holds about a million
 * victims, and serialization's cost per object (a handle table entry, a class descriptor, a
 * reference per enum and label) made copying the model at a sweep's fork cost as much as
 * simulating two to three years (issue 9; docs/performance.md, session 32). Written as a block
 * of numbers each they cost about a third of that.
 *
 * <p>The table belongs to one model being written or read, on the thread doing it: the model opens
 * it around its own fields ({@code TraffickingModel.writeObject}) and every holder of victims
 * writes them through {@link #write} and {@link #writeAll} (the pools police draw from through
 * {@link #writeAllHeld} and {@link #poolItems}, which leave out the victims no longer held). A victim carries the stamp
 * of the last table that wrote it and its number there (an identity map cost more than the
 * writing). {@link Victim} is not serializable, so a holder that forgot, or one written outside
 * its model, fails loudly instead of splitting a victim in two.
 */
public final class VictimTable implements AutoCloseable {

    private static final ThreadLocal<VictimTable> OPEN = new ThreadLocal<>();
    private static final VictimType[] TYPES = VictimType.values();
    private static final AcquisitionMethod[] METHODS = AcquisitionMethod.values();
    private static final Victim.Status[] STATUSES = Victim.Status.values();
    private static final org.crackdown.model.Measure[] MEASURES = org.crackdown.model.Measure.values();
    private static final int NULL = -1;
    private static final int FIRST_MET = -2;
    /** A victim no longer held, in a pool that reads only that (GONE - status ordinal). */
    private static final int GONE = -3;
    /** A victim's fields as written: id, type, method, status, parents sampled, origin, day acquired, buyer's province, way out, label. */
    private static final int FIELD_BYTES = 8 + 4 + 4 * 3 + 2 + 4;
    private final java.nio.ByteBuffer fields = java.nio.ByteBuffer.allocate(FIELD_BYTES);

    /** Tells one writing table from another in the victims it has written (Victim.writtenBy). */
    private static final java.util.concurrent.atomic.AtomicInteger STAMPS = new java.util.concurrent.atomic.AtomicInteger();

    // Writing: this table's stamp, how many victims it has numbered, and each origin label's number.
    private final boolean writing;
    private final int stamp;
    private int written;
    private final Map<String, Integer> labelNumbers;
    // Reading: the victims and labels in the order they were first met, and one stand-in per
    // status for the victims no longer held in the pools police draw from (writeAllHeld).
    private final List<Victim> victims;
    private final List<String> labels;
    private final Victim[] goneStandIns = new Victim[STATUSES.length];

    private VictimTable(boolean writing) {
        this.writing = writing;
        int s = 0;
        while (writing && s == 0) { // 0: never written (a new victim's stamp)
            s = STAMPS.incrementAndGet();
        }
        stamp = s;
        labelNumbers = writing ? new HashMap<>() : null;
        victims = writing ? null : new ArrayList<>(1 << 16);
        labels = writing ? null : new ArrayList<>();
    }

    /** Opens the table for writing a model on this thread; close it when the model is written. */
    public static VictimTable forWriting() {
        return open(new VictimTable(true));
    }

    /** Opens the table for reading a model on this thread; close it when the model is read. */
    public static VictimTable forReading() {
        return open(new VictimTable(false));
    }

    private static VictimTable open(VictimTable t) {
        if (OPEN.get() != null) {
            throw new IllegalStateException("a victim table is already open on this thread");
        }
        OPEN.set(t);
        return t;
    }

    @Override
    public void close() {
        OPEN.remove();
    }

    private static VictimTable current(boolean writing) throws IOException {
        VictimTable t = OPEN.get();
        if (t == null || t.writing != writing) {
            throw new NotSerializableException("victims are " + (writing ? "written" : "read")
                    + " only with the model that holds them (no victim table open)");
        }
        return t;
    }

    /** Writes one victim (or null). */
    public static void write(ObjectOutputStream out, Victim v) throws IOException {
        current(true).put(out, v);
    }

    /** Reads one victim (or null) written by {@link #write}. */
    public static Victim read(ObjectInputStream in) throws IOException {
        return current(false).take(in);
    }

    /** Writes a collection's victims in its order, with their count. */
    public static void writeAll(ObjectOutputStream out, Collection<Victim> vs) throws IOException {
        current(true).putAll(out, vs, false);
    }

    /**
     * Writes the victims of a pool police draw from and drop the no longer held from as they meet
     * them (the lists of victims with buyers): a victim no longer held (rescued, or left the
     * household) goes as her or his status alone and is read back as a stand-in with that status,
     * shared by all such entries. The pools' only readers look at the status and drop the entry,
     * so the copy goes on as the model would; and a national model's pools hold about half a
     * million such entries, most of them victims nothing else refers to any more, which a copy
     * then neither writes nor makes (issue 9, session 32). Read back by {@link #readAll} or
     * {@link #readList}.
     */
    public static void writeAllHeld(ObjectOutputStream out, Collection<Victim> vs) throws IOException {
        current(true).putAll(out, vs, true);
    }

    /**
     * The items of a queue that is such a pool (the queue of exits from buyers' households), for
     * {@link DayQueue#writeTo} when {@code writing}, else {@link DayQueue#readFrom}: bound to the
     * table open now, so the queue's items do not each look it up.
     */
    public static DayQueue.Items<Victim> poolItems(boolean writing) throws IOException {
        VictimTable t = current(writing);
        return new DayQueue.Items<>() {
            @Override
            public void write(ObjectOutputStream out, Victim v) throws IOException {
                t.putHeld(out, v);
            }

            @Override
            public Victim read(ObjectInputStream in) throws IOException {
                return t.take(in);
            }
        };
    }

    /** Reads victims written by {@link #writeAll} or {@link #writeAllHeld}, adding them to {@code into} in order. */
    public static <C extends Collection<Victim>> C readAll(ObjectInputStream in, C into) throws IOException {
        VictimTable t = current(false);
        t.takeAll(in, readCount(in), into);
        return into;
    }

    /** Reads a list written by {@link #writeAll} or {@link #writeAllHeld} into a new list of exactly its size. */
    public static ArrayList<Victim> readList(ObjectInputStream in) throws IOException {
        VictimTable t = current(false);
        int n = readCount(in);
        ArrayList<Victim> list = new ArrayList<>(Math.max(n, 1));
        t.takeAll(in, n, list);
        return list;
    }

    private static int readCount(ObjectInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new InvalidObjectException("a negative count of victims");
        }
        return n;
    }

    private void takeAll(ObjectInputStream in, int n, Collection<Victim> into) throws IOException {
        for (int i = 0; i < n; i++) {
            into.add(take(in));
        }
    }

    private void putAll(ObjectOutputStream out, Collection<Victim> vs, boolean pool) throws IOException {
        out.writeInt(vs.size());
        for (Victim v : vs) {
            if (pool) {
                putHeld(out, v);
            } else {
                put(out, v);
            }
        }
    }

    private void putHeld(ObjectOutputStream out, Victim v) throws IOException {
        if (!writing) {
            throw new IllegalStateException("a table open for reading cannot write");
        }
        if (v != null && !v.held()) {
            out.writeInt(GONE - v.status().ordinal());
        } else {
            put(out, v);
        }
    }

    private void put(ObjectOutputStream out, Victim v) throws IOException {
        if (v == null) {
            out.writeInt(NULL);
            return;
        }
        if (v.writtenBy == stamp) {
            out.writeInt(v.writtenAs);
            return;
        }
        v.writtenBy = stamp;
        v.writtenAs = written++;
        out.writeInt(FIRST_MET);
        // The fields as one block of bytes: one call on the stream instead of ten (the stream's
        // reads of single numbers were most of the samples of reading a national model).
        Integer label = labelNumbers.putIfAbsent(v.originLabel(), labelNumbers.size());
        fields.clear();
        fields.putLong(v.id())
                .put((byte) v.type().ordinal())
                .put((byte) v.method().ordinal())
                .put((byte) v.status().ordinal())
                .put((byte) (v.parentsSampled() ? 1 : 0))
                .putInt(v.origin())
                .putInt(v.acquiredDay())
                .putInt(v.buyerProvince())
                .putShort((short) (v.wayOut() == null ? NULL : v.wayOut().ordinal()))
                .putInt(label == null ? NULL : label);
        out.write(fields.array(), 0, FIELD_BYTES);
        if (label == null) {
            out.writeUTF(v.originLabel());
        }
    }

    private Victim take(ObjectInputStream in) throws IOException {
        int n = in.readInt();
        if (n == NULL) {
            return null;
        }
        if (n <= GONE) {
            int status = GONE - n;
            if (status >= STATUSES.length) {
                throw new InvalidObjectException("a victim's mark is damaged");
            }
            if (goneStandIns[status] == null) {
                goneStandIns[status] = new Victim(0, VictimType.WOMAN, -1, "", AcquisitionMethod.DECEPTION, 0, false,
                        STATUSES[status], -1, null);
            }
            return goneStandIns[status];
        }
        if (n != FIRST_MET) {
            if (n < 0 || n >= victims.size()) {
                throw new InvalidObjectException("victim " + n + " was never written");
            }
            return victims.get(n);
        }
        in.readFully(fields.array(), 0, FIELD_BYTES);
        fields.clear();
        try {
            long id = fields.getLong();
            VictimType type = TYPES[fields.get()];
            AcquisitionMethod method = METHODS[fields.get()];
            Victim.Status status = STATUSES[fields.get()];
            boolean parentsSampled = fields.get() != 0;
            int origin = fields.getInt();
            int acquiredDay = fields.getInt();
            int buyerProvince = fields.getInt();
            short wayOut = fields.getShort();
            int label = fields.getInt();
            String originLabel;
            if (label == NULL) {
                originLabel = in.readUTF();
                labels.add(originLabel);
            } else {
                originLabel = labels.get(label);
            }
            Victim v = new Victim(id, type, origin, originLabel, method, acquiredDay, parentsSampled,
                    status, buyerProvince, wayOut == NULL ? null : MEASURES[wayOut]);
            victims.add(v);
            return v;
        } catch (IndexOutOfBoundsException e) {
            throw new InvalidObjectException("a victim's fields are damaged");
        }
    }
}
