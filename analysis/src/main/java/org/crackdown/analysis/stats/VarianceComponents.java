package org.crackdown.analysis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quantity measured in several runs (replicates) at each of several parameter draws, split
 * into what the parameters change and what the luck of a run changes: the one-way random-effects
 * model y_dr = μ + a_d + e_dr, with a_d the effect of draw d (variance σ_b², between draws:
 * parameter uncertainty) and e_dr the noise of replicate r (variance σ_w², within draws).
 *
 * <p>Estimates (ANOVA, unbalanced allowed): σ_w² by the pooled within-draw variance (divisor
 * N − D); σ_b² = max(0, S² − σ_w² · mean(1/n_d)), S² the sample variance of the draw means,
 * whose expectation is σ_b² + σ_w² · mean(1/n_d). μ is the unweighted mean of the draw means
 * (draws are already a sample from the posterior, so each counts once), with the 95% t interval
 * ȳ ± t(0.975, D − 1) · S / √D: it includes both sources, because the spread of draw means does.
 *
 * @param draws       draws with at least one value
 * @param values      values used in all
 * @param mean        μ: mean of the draw means
 * @param ci          95% confidence interval of μ (NaN with fewer than two draws)
 * @param sdBetween   σ_b: SD of the true value between draws (parameter uncertainty); NaN when no
 *                    draw has two values, so run noise cannot be told apart
 * @param sdWithin    σ_w: SD between replicates of one draw (randomness of a run); NaN as above
 * @param drawMeans   the mean of each draw, in input order (NaN for a draw without values)
 */
public record VarianceComponents(int draws, int values, double mean, Interval ci, double sdBetween,
                                 double sdWithin, double[] drawMeans) {

    /** z for the 95% normal interval of a draw's true value, μ ± z·σ_b. */
    public static final double Z95 = 1.959963984540054;

    /** @param byDraw the values of each draw (NaN = missing, left out) */
    public static VarianceComponents of(List<double[]> byDraw) {
        List<double[]> clean = new ArrayList<>();
        double[] means = new double[byDraw.size()];
        for (int d = 0; d < byDraw.size(); d++) {
            double[] v = Arrays.stream(byDraw.get(d)).filter(x -> !Double.isNaN(x)).toArray();
            means[d] = v.length == 0 ? Double.NaN : Sample.mean(v);
            if (v.length > 0) {
                clean.add(v);
            }
        }
        int dn = clean.size();
        int n = clean.stream().mapToInt(v -> v.length).sum();
        if (dn == 0) {
            return new VarianceComponents(0, 0, Double.NaN, Interval.NONE, Double.NaN, Double.NaN, means);
        }
        double[] m = clean.stream().mapToDouble(Sample::mean).toArray();
        Sample overDraws = Sample.of(m);
        double ssWithin = 0;
        double inverseSizes = 0;
        for (double[] v : clean) {
            double mv = Sample.mean(v);
            for (double x : v) {
                ssWithin += (x - mv) * (x - mv);
            }
            inverseSizes += 1.0 / v.length;
        }
        double varWithin = n > dn ? ssWithin / (n - dn) : Double.NaN;
        double varBetween = Double.NaN;
        if (dn > 1 && !Double.isNaN(varWithin)) {
            varBetween = Math.max(0, overDraws.sd() * overDraws.sd() - varWithin * inverseSizes / dn);
        }
        return new VarianceComponents(dn, n, overDraws.mean(), overDraws.ci(), Math.sqrt(varBetween),
                Math.sqrt(varWithin), means);
    }

    /**
     * Where the true value of 95% of parameter draws lies, run noise removed: μ ± 1.96 σ_b (normal
     * approximation). NONE when σ_b cannot be estimated.
     */
    public Interval parameterInterval() {
        if (Double.isNaN(sdBetween) || Double.isNaN(mean)) {
            return Interval.NONE;
        }
        return new Interval(mean - Z95 * sdBetween, mean + Z95 * sdBetween);
    }

    /** Share of the total variance σ_b² + σ_w² that is between draws (parameter uncertainty). */
    public double shareBetween() {
        double b = sdBetween * sdBetween;
        double w = sdWithin * sdWithin;
        return b + w > 0 ? b / (b + w) : Double.NaN;
    }
}
