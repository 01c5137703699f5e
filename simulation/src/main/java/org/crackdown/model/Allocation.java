package org.crackdown.model;

/** How the national anti-trafficking police strength is shared out among provinces. */
public enum Allocation {
    /** The same number of officers in every province. */
    UNIFORM,
    /** In proportion to census population (the routine pattern). */
    POPULATION,
    /** Towards provinces with the most cases reported in the last 90 days. */
    HOTSPOT,
    /** Towards provinces where victims were taken in the last 90 days. */
    SOURCE,
    /** Towards provinces where victims were sold in the last 90 days. */
    DESTINATION;

    /** Lower-case name as written in scenario files. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
