package org.crackdown.calibration;

import java.nio.file.Path;
import java.util.List;

import org.crackdown.scenario.Setting;

/**
 * A targets file, read and checked: what to fit, to what, by moving which parameters.
 *
 * @param name        names the output folder (runs/calibration-NAME)
 * @param file        the targets file as the user named it
 * @param scenario    the scenario to calibrate (resolved against the targets file's folder)
 * @param set         overrides applied to every run, in file order
 * @param scaleCounts whether count targets are multiplied by the runs' {@code scale}
 * @param replicates  runs per evaluation
 * @param seedBase    replicate r (1-based) uses seed {@code seedBase + r - 1} at every evaluation
 * @param targets     the figures to reproduce, in file order
 * @param free        the parameters to fit, in file order
 * @param optimizer   how to search
 * @param priors      one per free parameter, in the same order (for {@code --method abc})
 * @param abc         how the Bayesian calibration runs
 */
public record CalibrationSpec(String name, Path file, Path scenario, List<Setting> set, boolean scaleCounts,
                              int replicates, long seedBase, List<Target> targets, List<FreeParameter> free,
                              OptimizerSettings optimizer, List<Prior> priors, AbcSettings abc) {

    public CalibrationSpec {
        set = List.copyOf(set);
        targets = List.copyOf(targets);
        free = List.copyOf(free);
        priors = List.copyOf(priors);
        if (priors.size() != free.size()) {
            throw new IllegalArgumentException(priors.size() + " priors for " + free.size() + " free parameters");
        }
    }

    /** A spec for a point fit: each free parameter gets the default prior on its bounds. */
    public CalibrationSpec(String name, Path file, Path scenario, List<Setting> set, boolean scaleCounts,
                           int replicates, long seedBase, List<Target> targets, List<FreeParameter> free,
                           OptimizerSettings optimizer) {
        this(name, file, scenario, set, scaleCounts, replicates, seedBase, targets, free, optimizer,
                free.stream().map(Prior::defaultFor).toList(), AbcSettings.DEFAULT);
    }

    /** The overrides in the form the scenario loader takes. */
    public List<String> sets() {
        return set.stream().map(Setting::asSet).toList();
    }

    /** Seeds of the replicates, the same at every evaluation (common random numbers). */
    public long[] seeds(int replicates) {
        long[] s = new long[replicates];
        for (int r = 0; r < replicates; r++) {
            s[r] = seedBase + r;
        }
        return s;
    }

    public CalibrationSpec withOptimizer(OptimizerSettings o) {
        return new CalibrationSpec(name, file, scenario, set, scaleCounts, replicates, seedBase, targets, free, o,
                priors, abc);
    }

    public CalibrationSpec withAbc(AbcSettings a) {
        return new CalibrationSpec(name, file, scenario, set, scaleCounts, replicates, seedBase, targets, free,
                optimizer, priors, a);
    }

    public CalibrationSpec withReplicates(int n) {
        return new CalibrationSpec(name, file, scenario, set, scaleCounts, n, seedBase, targets, free, optimizer,
                priors, abc);
    }
}
