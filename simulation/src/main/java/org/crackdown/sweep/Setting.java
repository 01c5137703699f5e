package org.crackdown.sweep;

import org.crackdown.yaml.Place;
/**
 * One {@code key=value} override as the scenario loader takes it, with the value already
 * validated and written in its canonical form, and where the sweep file gave it.
 */
public record Setting(String key, String text, Place at) {

    /** The form {@link org.crackdown.scenario.ScenarioLoader#load(java.nio.file.Path, java.util.List)} takes. */
    public String asSet() {
        return key + "=" + text;
    }
}
