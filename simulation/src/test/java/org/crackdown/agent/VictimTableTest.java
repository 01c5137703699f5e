package org.crackdown.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.crackdown.model.Measure;
import org.junit.jupiter.api.Test;

/**
 * Victims written through a victim table come back with every field, and a victim held in two
 * lists comes back as one victim held in both; outside a table a victim cannot be written.
 */
class VictimTableTest {

    private static List<Victim> someVictims() {
        Victim boy = new Victim(7, VictimType.BOY, 3, "YN", AcquisitionMethod.ABDUCTION, 120, false);
        Victim woman = new Victim(8, VictimType.WOMAN, 30, "VN", AcquisitionMethod.CROSS_BORDER, -400, true);
        Buyer buyer = new Buyer(1, Buyer.Kind.BRIDE_SEEKER, 12, new double[] {0, 0, 40_000}, 900);
        woman.soldTo(buyer);
        woman.dueToLeave(Measure.VICTIMS_SOLD);
        Victim girl = new Victim(9, VictimType.GIRL, 3, "YN", AcquisitionMethod.PURCHASE, 5, false);
        girl.sampleParents();
        girl.soldTo(buyer);
        girl.rescued();
        return List.of(boy, woman, girl);
    }

    private static String fields(Victim v) {
        return Arrays.asList(v.id(), v.type(), v.origin(), v.originLabel(), v.method(), v.acquiredDay(),
                v.parentsSampled(), v.status(), v.buyerProvince(), v.wayOut()).toString();
    }

    private static byte[] write(List<Victim> first, List<Victim> second, Victim alone) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes); VictimTable t = VictimTable.forWriting()) {
            VictimTable.writeAll(out, first);
            VictimTable.writeAll(out, new ArrayDeque<>(second));
            VictimTable.write(out, alone);
            VictimTable.write(out, null);
        }
        return bytes.toByteArray();
    }

    @Test
    void victimsComeBackWithTheirFieldsAndSharedOnesStayShared() throws Exception {
        List<Victim> vs = someVictims();
        List<Victim> first = List.of(vs.get(0), vs.get(1));
        List<Victim> second = List.of(vs.get(2), vs.get(1), vs.get(0));
        byte[] bytes = write(first, second, vs.get(2));
        // Written twice (a second save of the same victims) gives the same bytes: the numbers of
        // the first save are not mistaken for the second's.
        assertEquals(Arrays.toString(bytes), Arrays.toString(write(first, second, vs.get(2))));

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)); VictimTable t = VictimTable.forReading()) {
            List<Victim> a = VictimTable.readList(in);
            ArrayDeque<Victim> b = VictimTable.readAll(in, new ArrayDeque<>());
            Victim alone = VictimTable.read(in);
            assertNull(VictimTable.read(in));
            List<Victim> bl = new ArrayList<>(b);
            for (int i = 0; i < first.size(); i++) {
                assertEquals(fields(first.get(i)), fields(a.get(i)));
            }
            for (int i = 0; i < second.size(); i++) {
                assertEquals(fields(second.get(i)), fields(bl.get(i)));
            }
            assertSame(a.get(0), bl.get(2));
            assertSame(a.get(1), bl.get(1));
            assertSame(bl.get(0), alone);
            assertSame(a.get(0).originLabel(), bl.get(0).originLabel(), "one label read once");
        }
    }

    @Test
    void aVictimIsWrittenOnlyThroughATable() {
        Victim v = someVictims().get(0);
        assertThrows(NotSerializableException.class, () -> {
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(new ArrayList<>(List.of(v)));
            }
        });
        assertThrows(NotSerializableException.class, () -> {
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                VictimTable.write(out, v);
            }
        });
    }

    /**
     * In a pool police draw from, a victim no longer held comes back as a stand-in with her or his
     * status (one for all such entries), a held one as herself; the same departed victim written
     * elsewhere comes back whole.
     */
    @Test
    void departedVictimsOfAPoolComeBackAsStandInsWithTheirStatus() throws Exception {
        List<Victim> vs = someVictims(); // boy with a gang, woman with a buyer, girl rescued
        Victim left = new Victim(10, VictimType.WOMAN, 4, "SC", AcquisitionMethod.DECEPTION, 50, false);
        left.soldTo(new Buyer(2, Buyer.Kind.BRIDE_SEEKER, 5, new double[] {0, 0, 30_000}, 900));
        left.leftBuyer();
        List<Victim> pool = List.of(vs.get(1), vs.get(2), left, vs.get(2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes); VictimTable t = VictimTable.forWriting()) {
            VictimTable.writeAllHeld(out, pool);
            VictimTable.poolItems(true).write(out, vs.get(0));
            VictimTable.write(out, vs.get(2));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
             VictimTable t = VictimTable.forReading()) {
            List<Victim> read = VictimTable.readList(in);
            Victim boy = VictimTable.poolItems(false).read(in);
            Victim girl = VictimTable.read(in);
            assertEquals(4, read.size());
            assertEquals(fields(vs.get(1)), fields(read.get(0)));
            assertEquals(Victim.Status.RESCUED, read.get(1).status());
            assertEquals(Victim.Status.LEFT_BUYER, read.get(2).status());
            assertSame(read.get(1), read.get(3), "one stand-in per status");
            assertEquals(fields(vs.get(0)), fields(boy));
            assertEquals(fields(vs.get(2)), fields(girl), "written whole elsewhere, read whole");
            assertNotSame(girl, read.get(1));
        }
    }

    /**
     * A list longer than the victims encoded at a time, holding the same victim twice within one
     * such chunk and across chunks, nulls, and departed victims (in a pool): every entry comes back
     * in its place, and every victim as one. A day of the queue of exits goes the same way.
     */
    @Test
    void aLongListKeepsItsOrderAndSharingAcrossChunks() throws Exception {
        List<Victim> distinct = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Victim v = new Victim(100 + i, i % 3 == 0 ? VictimType.GIRL : VictimType.WOMAN, i % 31, "P" + (i % 7),
                    AcquisitionMethod.DECEPTION, i, false);
            if (i % 5 == 0) {
                v.rescued();
            }
            distinct.add(v);
        }
        List<Victim> list = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // i % 300: each victim again 300 entries on (another chunk); i % 7 == 1: the one just
            // before again (the same chunk); every 97th: null
            list.add(i % 97 == 0 ? null : i % 7 == 1 ? list.get(i - 1) : distinct.get(i % 300));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes); VictimTable t = VictimTable.forWriting()) {
            VictimTable.writeAll(out, list);
            VictimTable.writeAllHeld(out, list);
            VictimTable.poolItems(true).writeDay(out, list);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
             VictimTable t = VictimTable.forReading()) {
            List<Victim> whole = VictimTable.readList(in);
            List<Victim> pool = VictimTable.readList(in);
            List<Victim> dayList = new ArrayList<>();
            VictimTable.poolItems(false).readDay(in, list.size(), dayList);
            assertEquals(list.size(), whole.size());
            for (int i = 0; i < list.size(); i++) {
                Victim v = list.get(i);
                if (v == null) {
                    assertNull(whole.get(i));
                    assertNull(pool.get(i));
                    continue;
                }
                assertEquals(fields(v), fields(whole.get(i)), "entry " + i);
                assertSame(whole.get(list.indexOf(v)), whole.get(i), "entry " + i + " is the victim met first");
                if (v.held()) {
                    assertSame(whole.get(i), pool.get(i), "entry " + i + " in the pool");
                    assertSame(whole.get(i), dayList.get(i), "entry " + i + " in the day");
                } else {
                    assertEquals(Victim.Status.RESCUED, pool.get(i).status());
                    assertNotSame(whole.get(i), pool.get(i));
                }
            }
        }
    }

    /** A block holding fewer victims than its list's count is refused as damaged, not read on into what follows. */
    @Test
    void aBlockWithFewerVictimsThanItsCountIsRefused() throws Exception {
        List<Victim> vs = someVictims();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes); VictimTable t = VictimTable.forWriting()) {
            out.writeInt(2); // a list's count of two, then a block of one victim
            VictimTable.write(out, vs.get(0));
            VictimTable.write(out, vs.get(1));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
             VictimTable t = VictimTable.forReading()) {
            assertThrows(InvalidObjectException.class, () -> VictimTable.readList(in));
        }
    }
}
