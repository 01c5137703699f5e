package org.crackdown.model;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Things due on given days (a buyer giving up, a victim leaving a household), handed out in day
 * order and, within a day, in the order they were added: the order of a priority queue by (day,
 * order added), at the cost of a map of the days ahead instead of a heap of every item (issue 9:
 * hundreds of thousands of victims with buyers wait in it at national scale, and each sale adds one).
 */
public final class DayQueue<T> implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<Integer, ArrayDeque<T>> byDay = new TreeMap<>();
    private int size;

    /** Adds an item due on {@code day}, after those already due that day. */
    public void add(int day, T item) {
        ArrayDeque<T> due = byDay.get(day);
        if (due == null) {
            due = new ArrayDeque<>();
            byDay.put(day, due);
        }
        due.addLast(item);
        size++;
    }

    /** The next item due on or before {@code today} (removed), or null if none is due. */
    public T pollDue(int today) {
        Map.Entry<Integer, ArrayDeque<T>> first = byDay.firstEntry();
        if (first == null || first.getKey() > today) {
            return null;
        }
        ArrayDeque<T> due = first.getValue();
        T item = due.pollFirst();
        if (due.isEmpty()) {
            byDay.pollFirstEntry();
        }
        size--;
        return item;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
