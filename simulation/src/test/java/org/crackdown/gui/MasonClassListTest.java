package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Vector;

import org.junit.jupiter.api.Test;

import sim.display.Console;

/**
 * MASON's Console, when it opens, loads every class of its File > New Simulation list; its own list
 * names 3D demos that need Java3D (left out of our build), so it printed "probably no Java3D" at
 * every GUI start. Ours, first on the class path, lists nothing: nothing is probed, nothing printed.
 */
class MasonClassListTest {

    @Test
    void masonReadsOurEmptyListAndProbesNoClass() throws Exception {
        List<String> entries;
        try (InputStream in = Console.class.getResourceAsStream("simulation.classes")) {
            assertNotNull(in, "MASON finds a simulation.classes");
            entries = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        }
        assertEquals(List.of("ONLY"), entries, "ours (MASON's lists its demo apps), with no class to load");

        // The Console's own reading of the list (what its constructor calls), with stderr watched.
        Method build = Console.class.getDeclaredMethod("buildClassList");
        build.setAccessible(true);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            build.invoke(null);
        } finally {
            System.setErr(saved);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "no warning printed");
        Field names = Console.class.getDeclaredField("classNames");
        names.setAccessible(true);
        assertTrue(((Vector<?>) names.get(null)).isEmpty(), "File > New Simulation... offers nothing (greyed out)");
    }
}
