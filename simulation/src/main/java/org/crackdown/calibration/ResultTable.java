package org.crackdown.calibration;

import java.io.PrintWriter;
import java.util.List;

import org.crackdown.output.CsvNumbers;

/** The per-target table printed by {@code crackdown calibrate}, after a fit and in {@code --check}. */
public final class ResultTable {

    private ResultTable() {
    }

    public static void print(PrintWriter out, List<TargetResult> results) {
        String row = "  %-" + nameWidth(results.stream().map(TargetResult::target).toList()) + "s %-24s %-26s %-22s %s%n";
        out.printf(row, "target", "mean ± SD", "95% CI", "wanted", "within");
        for (TargetResult r : results) {
            double h = r.ciHalfWidth();
            String ci = Double.isNaN(h) ? "-" : "[" + num(r.mean() - h) + ", " + num(r.mean() + h) + "]";
            String meanSd = num(r.mean()) + (Double.isNaN(r.sd()) ? "" : " ± " + num(r.sd()));
            if (r.n() == 0) {
                meanSd = "(no value)";
            }
            out.printf(row, r.target().column(), meanSd, ci, r.target().describe(),
                    !r.scored() ? "not scored (national_only)" : r.within() ? "yes" : "NO");
        }
        out.flush();
    }

    /** Width of the target column: the longest name, at least 22 characters, so that the columns line up. */
    public static int nameWidth(List<Target> targets) {
        return Math.max(22, targets.stream().mapToInt(t -> t.column().length()).max().orElse(0));
    }

    /** Four significant digits: enough to compare with a target, short enough to read. */
    public static String format(double v) {
        return num(v);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 1000) {
            return CsvNumbers.format(Math.rint(v));
        }
        return CsvNumbers.format(new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue());
    }
}
