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

    private record Item(int day, long seq) {
    }

    @Test
    void handsOutInTheOrderOfAPriorityQueueByDayThenOrderAdded() {
        MersenneTwisterFast r = new MersenneTwisterFast(11);
        DayQueue<Item> queue = new DayQueue<>();
        PriorityQueue<Item> reference = new PriorityQueue<>(
                Comparator.comparingInt(Item::day).thenComparingLong(Item::seq));
        long seq = 0;
        int handedOut = 0;
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
        assertNull(new DayQueue<Item>().pollDue(Integer.MAX_VALUE));
    }
}
