package org.crackdown.scenario;

import org.crackdown.yaml.Place;

/**
 * One {@code key=value} override that a sweep or targets file gives, as the scenario loader takes
 * it ({@code --set}), with the value already validated and written in its canonical form, and
 * where the file gave it (so the loader's complaints about it can point there).
 */
public record Setting(String key, String text, Place at) {

    /** The form {@link ScenarioLoader#load(java.nio.file.Path, java.util.List)} takes. */
    public String asSet() {
        return key + "=" + text;
    }
}
