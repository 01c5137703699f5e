package org.crackdown.analysis.stats;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** Ranks 1..n with ties given their average rank (the convention of Spearman's rho). */
public final class Ranks {

    private Ranks() {
    }

    public static double[] of(double[] xs) {
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(xs);
    }
}
