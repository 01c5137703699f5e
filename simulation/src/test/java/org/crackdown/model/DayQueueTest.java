package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;

import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * DayQueue hands items out exactly as a priority queue by (day, order added) would: items due
 * within weeks, years ahead (beyond its window), on days already past, and on days nobody asks.
 */
class DayQueueTest {

    private record Item(int day, long seq) implements java.io.Serializable {
    }

    @Test
    void handsOutInTheOrderOfAPriorityQueueByDayThenOrderAdded() throws Exception {
        handOut(Integer.MAX_VALUE);
    }

    /**
     * A queue written to a saved model and read back (every 97 days, its days within the window,
     * beyond it and already past all holding items) hands out what the original would have.
     */
    @Test
    void aQueueReadBackHandsOutWhatTheOriginalWould() throws Exception {
        handOut(97);
    }

    @SuppressWarnings("unchecked")
    private static DayQueue<Item> copy(DayQueue<Item> q) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(q);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (DayQueue<Item>) in.readObject();
        }
    }

    /** Adds and hands out items over 6,000 days against a priority queue, copying the queue every {@code copyEvery} days. */
    private static void handOut(int copyEvery) throws Exception {
        MersenneTwisterFast r = new MersenneTwisterFast(11);
        DayQueue<Item> queue = new DayQueue<>();
        PriorityQueue<Item> reference = new PriorityQueue<>(
                Comparator.comparingInt(Item::day).thenComparingLong(Item::seq));
        long seq = 0;
        int handedOut = 0;
        int[] beyondAndLate = new int[2]; // copies made with items beyond the window, and with items late
        for (int today = 0; today < 6000; today++) {
            // Many items share a day; some are due at once, or on a day already past.
            for (int k = r.nextInt(20); k > 0; k--) {
                // Mostly within weeks; some up to a century ahead (beyond the calendar's window of days).
                int ahead = r.nextInt(10) == 0 ? r.nextInt(40_000) : r.nextInt(60);
                int day = Math.max(0, today + ahead - (r.nextInt(10) == 0 ? 5 : 0));
                Item item = new Item(day, seq++);
                queue.add(day, item);
                reference.add(item);
            }
            if (today % copyEvery == 0) {
                int size = queue.size();
                int[] waiting = queue.waitingBeyondAndLate();
                beyondAndLate[0] += waiting[0] > 0 ? 1 : 0;
                beyondAndLate[1] += waiting[1] > 0 ? 1 : 0;
                queue = copy(queue);
                assertEquals(size, queue.size(), "items read back on day " + today);
                assertEquals(java.util.Arrays.toString(waiting), java.util.Arrays.toString(queue.waitingBeyondAndLate()));
            }
            // Some days nobody asks, so items pile up past their day.
            if (r.nextInt(4) == 0) {
                continue;
            }
            for (Item got = queue.pollDue(today); got != null; got = queue.pollDue(today)) {
                assertEquals(reference.poll(), got, "day " + today);
                handedOut++;
            }
            assertTrue(reference.isEmpty() || reference.peek().day() > today, "nothing due left behind on day " + today);
            assertEquals(reference.size(), queue.size());
        }
        assertTrue(handedOut > 10000, "handed out " + handedOut);
        // Whatever is left comes out in order too, however far ahead.
        for (Item got = queue.pollDue(Integer.MAX_VALUE); got != null; got = queue.pollDue(Integer.MAX_VALUE)) {
            assertEquals(reference.poll(), got);
        }
        assertTrue(reference.isEmpty());
        if (copyEvery < 6000) {
            assertTrue(beyondAndLate[0] > 0 && beyondAndLate[1] > 0,
                    "copies with items beyond the window, and late: " + java.util.Arrays.toString(beyondAndLate));
        }
        assertNull(new DayQueue<Item>().pollDue(Integer.MAX_VALUE));
    }
}
