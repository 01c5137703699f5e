package org.crackdown.calibration;

/**
 * One override from a targets file's {@code set}, in the {@code key=value} form the scenario loader
 * takes, with where the targets file gave it (to place the loader's complaints there).
 */
public record Setting(String key, String text, String file, int line, int col) {

    public String asSet() {
        return key + "=" + text;
    }
}
