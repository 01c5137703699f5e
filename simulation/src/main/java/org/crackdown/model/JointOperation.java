package org.crackdown.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated joint cross-provincial operation written in a scenario (china-facts.md s2 lists those
 * of Jul 2011, Nov 2011, Mar 2012 and Mar 2013). It runs for {@code joint.duration_days} and
 * targets one ring, as every operation does ({@link org.crackdown.policy.JointOperations}).
 *
 * @param name      label
 * @param start     first day
 * @param provinces ISO codes of the provinces taking part; empty means chosen by police: the
 *                  province with most open cases and its neighbours, {@code provinceCount} in all
 * @param provinceCount number of provinces taking part (the size of {@code provinces} when named)
 * @param officers  police mobilised at scale 1; 0 means {@code joint.officers}
 */
public record JointOperation(String name, LocalDate start, List<String> provinces, int provinceCount,
                             double officers) implements java.io.Serializable {

    public JointOperation {
        provinces = List.copyOf(provinces);
        if (provinceCount < 1) {
            throw new IllegalArgumentException("joint operation '" + name + "' needs at least one province");
        }
    }
}
