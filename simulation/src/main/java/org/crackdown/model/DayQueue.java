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
 * typically decades) each have a list, in the order added; items due later wait in a heap and move
 * to their day's list, in order, as the window reaches it. Days are
 * counted from 0 (the model's day index); an item due on a day already handed out waits in a
 * small heap of its own and comes first.
 */
public final class DayQueue<T> implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final int WINDOW = 1 << 14;

    /** An item beyond the window (or late), ordered by (day, order added). */
    private static final class Later<T> implements Comparable<Later<T>>, java.io.Serializable {
        private static final long serialVersionUID = 1L;
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
    private final ArrayDeque<T>[] days = new ArrayDeque[WINDOW];
    private final PriorityQueue<Later<T>> beyond = new PriorityQueue<>();
    private final PriorityQueue<Later<T>> late = new PriorityQueue<>();
    /** The first day not yet handed out in full. */
    private int cursor;
    private int inWindow;
    private long added;

    /** Adds an item due on {@code day}, after those already due that day. */
    public void add(int day, T item) {
        long seq = added++;
        if (day < cursor) {
            late.add(new Later<>(day, seq, item));
        } else if (day - cursor < WINDOW) {
            put(day, item);
        } else {
            beyond.add(new Later<>(day, seq, item));
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
            if (inWindow == 0 && beyond.isEmpty()) {
                cursor = (int) Math.min((long) today + 1, Integer.MAX_VALUE); // nothing waits: jump
                return null;
            }
            // Move on a day (or, with the window empty, straight to the next day something is due).
            cursor = inWindow == 0 ? (int) Math.min((long) today + 1, beyond.peek().day) : cursor + 1;
            while (!beyond.isEmpty() && beyond.peek().day - cursor < WINDOW) {
                Later<T> l = beyond.poll();
                put(l.day, l.item);
            }
        }
        return null;
    }

    public int size() {
        return inWindow + beyond.size() + late.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
