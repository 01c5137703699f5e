package org.crackdown.analysis;

import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.stats.Sensitivity;

/** Sensitivity of one measure to one varied parameter under one strategy, over the design points. */
public record SensitivityRow(String strategy, Field measure, Field parameter, int points,
        Sensitivity.Coefficient coefficient, double rSquared) {
}
