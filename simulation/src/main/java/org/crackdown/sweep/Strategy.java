package org.crackdown.sweep;

import java.util.List;

/** A named set of overrides compared against the others at every design point. */
public record Strategy(String name, List<Setting> settings, Place at) {

    public Strategy {
        settings = List.copyOf(settings);
    }
}
