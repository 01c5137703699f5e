package org.crackdown.agent;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Victims are encoded this many at a time (see encode). */
    private static final int CHUNK = 128;
    /** Larger than any list of a national model (about 20 MB): a longer block is damage, not a list. */
    private static final int MAX_BLOCK = 1 << 28;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

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
    // A list's victims are encoded into one block of bytes, written by one call after its length
    // and read back by one call: with the stream called per number, copying a national model cost
    // about a fifth more CPU (issue 9, session 33). The block, where the writing has got to (end)
    // and the reading (pos); the chunk being encoded (see encode); the last label numbered.
    private byte[] block = new byte[1 << 14];
    private int end;
    private int pos;
    private final Victim[] chunk;
    private final byte[] chunkStatus;
    private final int[] chunkStamp;
    private String lastLabel;
    private int lastLabelNumber;

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
        chunk = writing ? new Victim[CHUNK] : null;
        chunkStatus = writing ? new byte[CHUNK] : null;
        chunkStamp = writing ? new int[CHUNK] : null;
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
        current(true).putOne(out, v, false);
    }

    /** Reads one victim (or null) written by {@link #write}. */
    public static Victim read(ObjectInputStream in) throws IOException {
        return current(false).takeOne(in);
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
     * table open now, and a day's items go as one block.
     */
    public static DayQueue.Items<Victim> poolItems(boolean writing) throws IOException {
        VictimTable t = current(writing);
        return new DayQueue.Items<>() {
            @Override
            public void write(ObjectOutputStream out, Victim v) throws IOException {
                t.putOne(out, v, true);
            }

            @Override
            public Victim read(ObjectInputStream in) throws IOException {
                return t.takeOne(in);
            }

            @Override
            public void writeDay(ObjectOutputStream out, Collection<? extends Victim> day) throws IOException {
                t.putBlock(out, day, true);
            }

            @Override
            public void readDay(ObjectInputStream in, int n, Collection<? super Victim> into) throws IOException {
                t.takeBlock(in, n, into);
            }
        };
    }

    /** Reads victims written by {@link #writeAll} or {@link #writeAllHeld}, adding them to {@code into} in order. */
    public static <C extends Collection<Victim>> C readAll(ObjectInputStream in, C into) throws IOException {
        VictimTable t = current(false);
        t.takeBlock(in, readCount(in), into);
        return into;
    }

    /** Reads a list written by {@link #writeAll} or {@link #writeAllHeld} into a new list of exactly its size. */
    public static ArrayList<Victim> readList(ObjectInputStream in) throws IOException {
        VictimTable t = current(false);
        int n = readCount(in);
        ArrayList<Victim> list = new ArrayList<>(Math.max(n, 1));
        t.takeBlock(in, n, list);
        return list;
    }

    private static int readCount(ObjectInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new InvalidObjectException("a negative count of victims");
        }
        return n;
    }

    // ---------------------------------------------------------------- a list's victims as one block

    private void putAll(ObjectOutputStream out, Collection<? extends Victim> vs, boolean pool) throws IOException {
        out.writeInt(vs.size());
        putBlock(out, vs, pool);
    }

    /** Writes the victims of {@code vs} as one block (its length, then its bytes), without their count. */
    private void putBlock(ObjectOutputStream out, Iterable<? extends Victim> vs, boolean pool) throws IOException {
        startBlock();
        int n = 0;
        for (Victim v : vs) {
            chunk[n++] = v;
            if (n == CHUNK) {
                encode(n, pool);
                n = 0;
            }
        }
        encode(n, pool);
        endBlock(out);
    }

    /** Writes one victim (or null) as a block of its own. */
    private void putOne(ObjectOutputStream out, Victim v, boolean pool) throws IOException {
        startBlock();
        chunk[0] = v;
        encode(1, pool);
        endBlock(out);
    }

    private void startBlock() {
        if (!writing) {
            throw new IllegalStateException("a table open for reading cannot write");
        }
        end = 0;
    }

    private void endBlock(ObjectOutputStream out) throws IOException {
        out.writeInt(end);
        out.write(block, 0, end);
    }

    /**
     * Encodes the first {@code n} victims of the chunk. They are first each read once with nothing
     * waiting on what is read, so that their fetches from memory (a cache miss each: a pool's
     * victims lie all over a national model's heap) overlap, instead of one after the other behind
     * the branches that follow (issue 9, session 33).
     */
    private void encode(int n, boolean pool) {
        for (int i = 0; i < n; i++) {
            Victim v = chunk[i];
            if (v != null) {
                chunkStatus[i] = v.statusCode();
                chunkStamp[i] = v.writtenBy; // kept only so that the fetch is made (it may be another line)
            }
        }
        for (int i = 0; i < n; i++) {
            Victim v = chunk[i];
            chunk[i] = null;
            room(4 + FIELD_BYTES);
            if (v == null) {
                putInt(NULL);
            } else if (pool && !Victim.held(chunkStatus[i])) {
                putInt(GONE - chunkStatus[i]);
            } else if (v.writtenBy == stamp) { // not chunkStamp: the victim may be earlier in this chunk
                putInt(v.writtenAs);
            } else {
                putFirstMet(v);
            }
        }
    }

    private void putFirstMet(Victim v) {
        v.writtenBy = stamp;
        v.writtenAs = written++;
        String label = v.originLabel();
        int number;
        boolean newLabel = false;
        if (label == lastLabel) {
            number = lastLabelNumber;
        } else {
            Integer known = labelNumbers.putIfAbsent(label, labelNumbers.size());
            newLabel = known == null;
            number = newLabel ? labelNumbers.size() - 1 : known;
            lastLabel = label;
            lastLabelNumber = number;
        }
        putInt(FIRST_MET);
        LONG.set(block, end, v.id());
        block[end + 8] = (byte) v.type().ordinal();
        block[end + 9] = (byte) v.method().ordinal();
        block[end + 10] = v.statusCode();
        block[end + 11] = (byte) (v.parentsSampled() ? 1 : 0);
        INT.set(block, end + 12, v.origin());
        INT.set(block, end + 16, v.acquiredDay());
        INT.set(block, end + 20, v.buyerProvince());
        SHORT.set(block, end + 24, (short) (v.wayOut() == null ? NULL : v.wayOut().ordinal()));
        INT.set(block, end + 26, newLabel ? NULL : number);
        end += FIELD_BYTES;
        if (newLabel) {
            byte[] utf = label.getBytes(StandardCharsets.UTF_8);
            room(4 + utf.length);
            putInt(utf.length);
            System.arraycopy(utf, 0, block, end, utf.length);
            end += utf.length;
        }
    }

    private void room(int bytes) {
        if (end + bytes > block.length) {
            block = Arrays.copyOf(block, Math.max(block.length * 2, end + bytes));
        }
    }

    private void putInt(int x) {
        INT.set(block, end, x);
        end += 4;
    }

    /** Reads a block written by {@link #putBlock} and hands its {@code n} victims to {@code into}, in order. */
    private void takeBlock(ObjectInputStream in, int n, Collection<? super Victim> into) throws IOException {
        readBlock(in);
        for (int i = 0; i < n; i++) {
            into.add(take());
        }
        blockRead();
    }

    /** Reads a block written by {@link #putOne}. */
    private Victim takeOne(ObjectInputStream in) throws IOException {
        readBlock(in);
        Victim v = take();
        blockRead();
        return v;
    }

    private void readBlock(ObjectInputStream in) throws IOException {
        if (writing) {
            throw new IllegalStateException("a table open for writing cannot read");
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_BLOCK) {
            throw new InvalidObjectException("a block of victims is damaged");
        }
        if (length > block.length) {
            block = new byte[Math.max(length, block.length * 2)];
        }
        in.readFully(block, 0, length);
        end = length;
        pos = 0;
    }

    /** Every byte of the block was read: one more or one fewer victim than written means damage. */
    private void blockRead() throws InvalidObjectException {
        if (pos != end) {
            throw new InvalidObjectException("a block of victims is damaged");
        }
    }

    private int takeInt() throws InvalidObjectException {
        need(4);
        int x = (int) INT.get(block, pos);
        pos += 4;
        return x;
    }

    private void need(int bytes) throws InvalidObjectException {
        if (pos + bytes > end) {
            throw new InvalidObjectException("a block of victims is damaged");
        }
    }

    private Victim take() throws InvalidObjectException {
        int n = takeInt();
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
        need(FIELD_BYTES);
        int p = pos;
        pos += FIELD_BYTES;
        try {
            long id = (long) LONG.get(block, p);
            VictimType type = TYPES[block[p + 8]];
            AcquisitionMethod method = METHODS[block[p + 9]];
            Victim.Status status = STATUSES[block[p + 10]];
            boolean parentsSampled = block[p + 11] != 0;
            int origin = (int) INT.get(block, p + 12);
            int acquiredDay = (int) INT.get(block, p + 16);
            int buyerProvince = (int) INT.get(block, p + 20);
            short wayOut = (short) SHORT.get(block, p + 24);
            int label = (int) INT.get(block, p + 26);
            String originLabel;
            if (label == NULL) {
                int length = takeInt();
                if (length < 0) {
                    throw new InvalidObjectException("a victim's fields are damaged");
                }
                need(length);
                originLabel = new String(block, pos, length, StandardCharsets.UTF_8);
                pos += length;
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
