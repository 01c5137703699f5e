package org.crackdown.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap as every garbage collection finds and leaves it, for {@code crackdown bench}: the most
 * in use just before a collection (the peak of the whole heap, garbage included: the heap only
 * shrinks at collections) and just after one (what the run needed at least at that moment; after
 * a young collection it still counts garbage in the old generation). The sum of each pool's own
 * peak, which the bench reported before session 12, adds peaks of different moments (a full eden
 * and the largest old generation) and overstates both.
 *
 * <p>The JVM reports collections asynchronously; {@link #settle} waits until every collection the
 * collectors have counted has been reported.
 */
final class HeapWatch implements NotificationListener, AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong before = new AtomicLong();
    private final AtomicLong after = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(this, null, null);
                emitters.add(e);
            }
        }
        reported.addAndGet(collections()); // those before now are not reported
    }

    /** Whether collections are reported at all (else the figures are 0). */
    boolean watching() {
        return !emitters.isEmpty();
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        before.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
        after.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
        reported.incrementAndGet();
    }

    private long heap(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (var e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    /** Waits (at most 2 s) until every collection counted so far has been reported. */
    void settle() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (reported.get() < collections() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** Forgets the figures so far (after {@link #settle}, so that no earlier collection is reported late). */
    void reset() {
        settle();
        before.set(0);
        after.set(0);
    }

    /** The most heap in use just before a collection since {@link #reset}, in bytes. */
    long peakBeforeGc() {
        return before.get();
    }

    /** The most heap in use just after a collection since {@link #reset}, in bytes. */
    long peakAfterGc() {
        return after.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // not registered: nothing to remove
            }
        }
    }
}
