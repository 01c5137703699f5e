package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A key's range is stated once, in its @Param: every numeric setter of {@link Parameters} accepts
 * exactly that range (both ends in, the next double beyond either end and NaN out), as the
 * scenario loader's {@link ParamSpec#parse} does. (The GUI's sliders: gui.LeversTest.)
 */
class ParameterRangesTest {

    /** The numeric setters, each with the @Param of the field it sets (setBudget: budget). */
    private static List<Object[]> setters() throws NoSuchFieldException {
        List<Object[]> out = new ArrayList<>();
        for (Method m : Parameters.class.getMethods()) {
            if (m.getName().startsWith("set") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == double.class) {
                String name = m.getName().substring(3);
                Field f = Parameters.class.getDeclaredField(Character.toLowerCase(name.charAt(0)) + name.substring(1));
                Param p = f.getAnnotation(Param.class);
                assertTrue(p != null, m.getName() + " sets a field without @Param");
                out.add(new Object[] {m, p});
            }
        }
        return out;
    }

    private static boolean accepts(Method setter, double v) throws IllegalAccessException {
        try {
            setter.invoke(new Parameters(), v);
            return true;
        } catch (InvocationTargetException e) {
            assertTrue(e.getCause() instanceof IllegalArgumentException, setter.getName() + ": " + e.getCause());
            return false;
        }
    }

    @Test
    void everyNumericSetterAcceptsExactlyItsKeysRange() throws Exception {
        List<Object[]> setters = setters();
        assertTrue(setters.size() >= 5, "the GUI's levers have setters: " + setters.size());
        for (Object[] s : setters) {
            Method m = (Method) s[0];
            Param p = (Param) s[1];
            assertTrue(accepts(m, p.min()), m.getName() + "(" + p.min() + ")");
            assertTrue(accepts(m, p.max()), m.getName() + "(" + p.max() + ")");
            assertFalse(accepts(m, Math.nextDown(p.min())), m.getName() + " below " + p.min());
            assertFalse(accepts(m, Math.nextUp(p.max())), m.getName() + " above " + p.max());
            assertFalse(accepts(m, Double.NaN), m.getName() + "(NaN)");

            ParamSpec spec = ParamRegistry.find(p.key()).orElseThrow();
            assertDoesNotThrow(() -> spec.parse(p.min()), p.key());
            assertDoesNotThrow(() -> spec.parse(p.max()), p.key());
            assertThrows(IllegalArgumentException.class, () -> spec.parse(Math.nextUp(p.max())), p.key());
        }
    }

    @Test
    void theSettersMessageNamesTheKeyAndItsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Parameters().setBudget(11));
        assertEquals("police.budget must be between 0.0 and 10.0, got 11.0", e.getMessage());
    }
}
