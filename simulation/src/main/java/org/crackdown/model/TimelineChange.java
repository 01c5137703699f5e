package org.crackdown.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * Parameter values that take effect on a date (policy history: Weibo tips from 2011, buyer
 * liability from 1 Nov 2015, ...). Values are already parsed and validated by the scenario loader.
 */
public record TimelineChange(LocalDate date, Map<String, Object> values) implements java.io.Serializable {
    public TimelineChange {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
