package org.crackdown.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A national or regional crackdown: extra enforcement in some provinces for a while. Its effect
 * decays with a half-life even while it runs, as crackdown deterrence was seen to do in 15 of 18
 * crackdowns (Sherman 1990, china-facts.md s5).
 *
 * @param name        label used in outputs
 * @param start       first day
 * @param end         last day (inclusive)
 * @param provinces   ISO codes of the provinces it covers; empty means all
 * @param intensity   extra effort at the start, as a multiple of routine effort (1 = doubled)
 * @param halfLifeDays days for the extra effort to halve; 0 means no decay
 */
public record Campaign(String name, LocalDate start, LocalDate end, List<String> provinces,
                       double intensity, double halfLifeDays) implements java.io.Serializable {

    public Campaign {
        provinces = List.copyOf(provinces);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("campaign '" + name + "' ends before it starts");
        }
    }

    public boolean covers(String provinceCode) {
        return provinces.isEmpty() || provinces.contains(provinceCode);
    }

    /** Extra effort multiplier on {@code day}: 0 outside the campaign. */
    public double boostOn(LocalDate day) {
        if (day.isBefore(start) || day.isAfter(end)) {
            return 0;
        }
        if (halfLifeDays <= 0) {
            return intensity;
        }
        long days = ChronoUnit.DAYS.between(start, day);
        return intensity * Math.pow(0.5, days / halfLifeDays);
    }
}
