package org.crackdown.model;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Things due on given days (a buyer giving up, a victim leaving a household), handed out in day
 * order and, within a day, in the order they were added: the order of a priority queue by (day,
 * order added), at a cost per item that does not grow with the items waiting (issue 9: hundreds
 * of thousands of victims with buyers wait in it at national scale, and each sale adds one).
 *
 * <p>A calendar: the next {@value #WINDOW} days (45 years: a bought woman's stay with the buyer is
 * typically decades) each have a list, in the order added; items due later wait in a list per day
 * (blocks of days in a hash map) and move to their day's list, in order, as the window reaches it. Days are
 * counted from 0 (the model's day index); an item due on a day already handed out waits in a
 * small heap of its own and comes first.
 */
public final class DayQueue<T> implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final int BITS = 14;
    private static final int WINDOW = 1 << BITS;

    /** An item due on a day already handed out, ordered by (day, order added). */
    private static final class Later<T> implements Comparable<Later<T>> {
        final int day;
        final long seq;
        final T item;

        Later(int day, long seq, T item) {
            this.day = day;
            this.seq = seq;
            this.item = item;
        }

        @Override
        public int compareTo(Later<T> o) {
            int c = Integer.compare(day, o.day);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Lists of the days cursor .. cursor + WINDOW - 1, by day modulo WINDOW. */
    @SuppressWarnings("unchecked")
    private transient ArrayDeque<T>[] days = new ArrayDeque[WINDOW];
    /**
     * Items due beyond the window, a list per day in the order added, in blocks of {@value #WINDOW}
     * days: moved whole to the day's list when the window reaches the day, before anything can be
     * added there directly, so the day's order stays the order added. (A heap here cost a national
     * run's settled start ~6%: hundreds of thousands of held victims' exits lie decades ahead, most
     * beyond any run; a map by day still ~4%.)
     */
    private transient java.util.HashMap<Integer, Block<T>> beyond = new java.util.HashMap<>();

    /** The lists of {@value #WINDOW} days beyond the window, and how many items they hold. */
    private static final class Block<T> {
        @SuppressWarnings("unchecked")
        final ArrayDeque<T>[] days = new ArrayDeque[WINDOW];
        int count;
    }

    private transient int beyondCount;
    /** The last day whose items beyond the window have been moved into it. */
    private transient long movedUpTo = WINDOW - 1;
    private transient PriorityQueue<Later<T>> late = new PriorityQueue<>();
    /** The first day not yet handed out in full. */
    private transient int cursor;
    private transient int inWindow;
    private transient long added;

    /** Adds an item due on {@code day}, after those already due that day. */
    public void add(int day, T item) {
        long seq = added++;
        if (day < cursor) {
            late.add(new Later<>(day, seq, item));
        } else if (day - cursor < WINDOW) {
            put(day, item);
        } else {
            Block<T> b = beyond.get(day >> BITS);
            if (b == null) {
                b = new Block<>();
                beyond.put(day >> BITS, b);
            }
            int slot = day & (WINDOW - 1);
            if (b.days[slot] == null) {
                b.days[slot] = new ArrayDeque<>();
            }
            b.days[slot].addLast(item);
            b.count++;
            beyondCount++;
        }
    }

    private void put(int day, T item) {
        int slot = day & (WINDOW - 1);
        if (days[slot] == null) {
            days[slot] = new ArrayDeque<>();
        }
        days[slot].addLast(item);
        inWindow++;
    }

    /** The next item due on or before {@code today} (removed), or null if none is due. */
    public T pollDue(int today) {
        if (!late.isEmpty() && late.peek().day <= today) {
            return late.poll().item;
        }
        while (cursor <= today) {
            ArrayDeque<T> due = days[cursor & (WINDOW - 1)];
            if (due != null && !due.isEmpty()) {
                inWindow--;
                return due.pollFirst();
            }
            if (inWindow == 0 && beyondCount == 0) {
                cursor = (int) Math.min((long) today + 1, Integer.MAX_VALUE); // nothing waits: jump
                movedUpTo = Math.max(movedUpTo, (long) cursor + WINDOW - 1); // nothing beyond to move
                return null;
            }
            // Move on a day (or, with the window empty, straight to the next day something is due).
            cursor = inWindow == 0 ? (int) Math.min((long) today + 1, firstBeyond()) : cursor + 1;
            moveIntoWindow((long) cursor + WINDOW - 1);
        }
        return null;
    }

    /** The first day with items beyond the window (only asked when the window is empty). */
    private int firstBeyond() {
        int block = java.util.Collections.min(beyond.keySet());
        ArrayDeque<T>[] days = beyond.get(block).days;
        for (int slot = 0; slot < WINDOW; slot++) {
            if (days[slot] != null) {
                return (block << BITS) | slot;
            }
        }
        throw new IllegalStateException("an empty block of days beyond the window");
    }

    /** Moves the items beyond the window due up to {@code end} into their days' lists, in day order. */
    private void moveIntoWindow(long end) {
        if (end <= movedUpTo) {
            return;
        }
        if (end - movedUpTo <= 8) {
            for (long d = movedUpTo + 1; d <= Math.min(end, Integer.MAX_VALUE) && beyondCount > 0; d++) {
                moveDay((int) d);
            }
        } else {
            // A jump: only the blocks that hold items, in order.
            int[] blocks = beyond.keySet().stream().mapToInt(Integer::intValue)
                    .filter(b -> ((long) b << BITS) <= end).sorted().toArray();
            for (int b : blocks) {
                for (int slot = 0; slot < WINDOW && (((long) b << BITS) | slot) <= end; slot++) {
                    moveDay((b << BITS) | slot);
                }
            }
        }
        movedUpTo = end;
    }

    private void moveDay(int day) {
        Block<T> b = beyond.get(day >> BITS);
        if (b == null || b.days[day & (WINDOW - 1)] == null) {
            return;
        }
        ArrayDeque<T> items = b.days[day & (WINDOW - 1)];
        b.days[day & (WINDOW - 1)] = null;
        b.count -= items.size();
        beyondCount -= items.size();
        if (b.count == 0) {
            beyond.remove(day >> BITS);
        }
        for (T item : items) {
            put(day, item);
        }
    }

    public int size() {
        return inWindow + beyondCount + late.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Items waiting beyond the window, and on days already handed out (for tests). */
    int[] waitingBeyondAndLate() {
        return new int[] {beyondCount, late.size()};
    }

    // ------------------------------------------------------------------ saved models

    /** How the items of a queue are written to a saved model and read back. */
    public interface Items<T> {
        void write(java.io.ObjectOutputStream out, T item) throws java.io.IOException;

        T read(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException;

        /** Writes one day's items in order (their count is written before); a codec may write them as one block. */
        default void writeDay(java.io.ObjectOutputStream out, java.util.Collection<? extends T> day)
                throws java.io.IOException {
            for (T item : day) {
                write(out, item);
            }
        }

        /** Reads the {@code n} items of a day written by {@link #writeDay} into {@code into}, in order. */
        default void readDay(java.io.ObjectInputStream in, int n, java.util.Collection<? super T> into)
                throws java.io.IOException, ClassNotFoundException {
            for (int i = 0; i < n; i++) {
                into.add(read(in));
            }
        }
    }

    /** Items written as Java objects (the default, for a queue written as a field). */
    private static final Items<Object> OBJECTS = new Items<>() {
        @Override
        public void write(java.io.ObjectOutputStream out, Object item) throws java.io.IOException {
            out.writeObject(item);
        }

        @Override
        public Object read(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            return in.readObject();
        }
    };

    /**
     * Writes the queue's items, each list of a day in its order, without the lists themselves: the
     * window's sixteen thousand day lists, most of them empty, were objects of their own in a saved
     * model (issue 9, session 32). {@link #readFrom} rebuilds a queue that hands out the same items
     * in the same order.
     */
    public void writeTo(java.io.ObjectOutputStream out, Items<? super T> items) throws java.io.IOException {
        out.writeInt(cursor);
        out.writeLong(movedUpTo);
        out.writeLong(added);
        out.writeInt(late.size());
        for (Later<T> l : late) {
            out.writeInt(l.day);
            out.writeLong(l.seq);
            items.write(out, l.item);
        }
        writeDays(out, days, items);
        int[] blocks = beyond.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        out.writeInt(blocks.length);
        for (int b : blocks) {
            out.writeInt(b);
            writeDays(out, beyond.get(b).days, items);
        }
    }

    /** Reads into this queue, which must be new, what {@link #writeTo} wrote. */
    public void readFrom(java.io.ObjectInputStream in, Items<? extends T> items)
            throws java.io.IOException, ClassNotFoundException {
        if (added != 0) {
            throw new IllegalStateException("a queue is read only into a new one");
        }
        cursor = in.readInt();
        movedUpTo = in.readLong();
        added = in.readLong();
        int lateItems = in.readInt();
        for (int i = 0; i < lateItems; i++) {
            int day = in.readInt();
            long seq = in.readLong();
            late.add(new Later<>(day, seq, items.read(in)));
        }
        inWindow = readDays(in, days, items);
        int blocks = in.readInt();
        for (int i = 0; i < blocks; i++) {
            int key = in.readInt();
            Block<T> b = new Block<>();
            b.count = readDays(in, b.days, items);
            beyond.put(key, b);
            beyondCount += b.count;
        }
    }

    private static <T> void writeDays(java.io.ObjectOutputStream out, ArrayDeque<T>[] lists, Items<? super T> items)
            throws java.io.IOException {
        for (int slot = 0; slot < lists.length; slot++) {
            ArrayDeque<T> list = lists[slot];
            if (list != null && !list.isEmpty()) {
                out.writeInt(slot);
                out.writeInt(list.size());
                items.writeDay(out, list);
            }
        }
        out.writeInt(-1);
    }

    /** Reads the lists of days written by {@link #writeDays}; returns how many items they hold. */
    private static <T> int readDays(java.io.ObjectInputStream in, ArrayDeque<T>[] lists, Items<? extends T> items)
            throws java.io.IOException, ClassNotFoundException {
        int count = 0;
        for (int slot = in.readInt(); slot != -1; slot = in.readInt()) {
            if (slot < 0 || slot >= lists.length || lists[slot] != null) {
                throw new java.io.InvalidObjectException("a queue's day lists are damaged");
            }
            int n = in.readInt();
            if (n < 0) {
                throw new java.io.InvalidObjectException("a queue's day lists are damaged");
            }
            ArrayDeque<T> list = new ArrayDeque<>(n);
            items.readDay(in, n, list);
            lists[slot] = list;
            count += n;
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject(); // nothing: every field is transient, written by writeTo
        writeTo(out, (Items<? super T>) OBJECTS);
    }

    @SuppressWarnings("unchecked")
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        days = new ArrayDeque[WINDOW];
        movedUpTo = WINDOW - 1;
        beyond = new java.util.HashMap<>();
        late = new PriorityQueue<>();
        readFrom(in, (Items<? extends T>) OBJECTS);
    }
}
