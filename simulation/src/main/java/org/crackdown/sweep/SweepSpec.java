package org.crackdown.sweep;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.crackdown.scenario.Setting;
import org.crackdown.yaml.Place;

/**
 * A sweep file as read and checked on its own (before its design points are combined with the
 * base scenario).
 *
 * @param file           the sweep file as the user named it
 * @param source         its bytes, copied to sweep.yaml and hashed into the fingerprint
 * @param base           the base scenario, resolved against the sweep file's folder
 * @param set            overrides applied to every run
 * @param vary           varied keys, in file order (the order of the runs.csv columns)
 * @param strategies     in file order; never empty (default: one strategy "base")
 * @param forkAt         {@code fork_at:} as given: a date, {@link #NO_FORK} ({@code none}), or null (not given)
 * @param posterior      the draws of {@code parameters: {posterior: FILE, draws: N}} (design posterior), or null
 */
public record SweepSpec(Path file, byte[] source, String name, String description, Path base, Place baseAt,
                        List<Setting> set, int replicates, SeedPolicy seedPolicy, long seedBase, DesignMethod design,
                        int samples, long designSeed, List<Dimension> vary, Place varyAt,
                        List<Strategy> strategies, boolean keepTimeseries, LocalDate forkAt, Place forkAtPlace,
                        PosteriorDraws posterior) {

    public static final String DEFAULT_STRATEGY = "base";
    /** {@code fork_at: none}: every run simulates its whole period. */
    public static final LocalDate NO_FORK = LocalDate.MIN;

    public SweepSpec {
        set = List.copyOf(set);
        vary = List.copyOf(vary);
        strategies = List.copyOf(strategies);
    }

    public String fileShown() {
        return file.toString();
    }

    public List<String> varyKeys() {
        return vary.stream().map(Dimension::key).toList();
    }
}
