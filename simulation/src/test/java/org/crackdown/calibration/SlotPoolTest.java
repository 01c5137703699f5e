package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * SlotPool's two behaviours that shards rely on: a shard's own slots start first (so, on one
 * thread, it does not wait for another shard's slot before doing its own work), and a slot still
 * pending in another shard does not stop the others (with --no-wait a shard does its whole share).
 */
class SlotPoolTest {

    @Test
    void theSelectedSlotsStartFirstAndResultsStayInSlotOrder() {
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        List<Integer> out = SlotPool.fill(1, "test", 7, i -> {
            started.add(i);
            return i * 10;
        }, (i, e) -> new IllegalStateException(e), i -> i % 3 == 1);
        assertEquals(List.of(1, 4, 0, 2, 3, 5, 6), started);
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60), out);
        // With threads the results are the same, whatever order the slots ran in.
        assertEquals(out, SlotPool.fill(3, "test", 7, i -> i * 10, (i, e) -> new IllegalStateException(e),
                i -> i % 3 == 1));
    }

    @Test
    void aPendingSlotIsThrownOnlyAfterEveryOtherSlotHasRun() {
        for (int threads : new int[] {1, 3}) {
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            SlotPool.Pending pending = new SlotPool.Pending("slot 2 is another shard's");
            SlotPool.Pending thrown = assertThrows(SlotPool.Pending.class, () -> SlotPool.fill(threads, "test", 6, i -> {
                if (i == 2) {
                    throw pending;
                }
                ran.add(i);
                return i;
            }, (i, e) -> new IllegalStateException(e)));
            assertSame(pending, thrown);
            Collections.sort(ran);
            assertEquals(List.of(0, 1, 3, 4, 5), ran, threads + " thread(s)");
        }
    }
}
