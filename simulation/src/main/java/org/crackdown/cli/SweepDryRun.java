package org.crackdown.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.crackdown.model.ParamSpec;
import org.crackdown.sweep.Dimension;
import org.crackdown.scenario.Setting;
import org.crackdown.sweep.Shard;
import org.crackdown.sweep.Strategy;
import org.crackdown.sweep.SweepPlan;
import org.crackdown.sweep.SweepRun;
import org.crackdown.sweep.SweepSpec;

/**
 * {@code crackdown sweep --dry-run}: the plan of a sweep as it would run (how many runs, the
 * strategies, the fixed and varied settings, each run's id and seed), printed without running
 * or writing anything, so a sweep file can be checked before hours are spent on it.
 */
final class SweepDryRun {

    /** Runs listed one by one; a larger sweep lists the first ones and says how many follow. */
    static final int LISTED_RUNS = 50;

    private SweepDryRun() {
    }

    static void print(PrintWriter out, SweepPlan plan, Shard slice, int threads, Path dir) {
        SweepSpec s = plan.spec();
        int inShard = slice.size(plan.runCount());
        out.println("sweep " + s.name() + " (dry run: nothing is run or written)");
        out.println("  file:        " + s.fileShown());
        out.println("  base:        " + s.base());
        out.println("  runs:        " + plan.points().size() + " design point" + plural(plan.points().size()) + " ("
                + s.design().spelling() + ") x " + s.strategies().size() + " strateg"
                + (s.strategies().size() == 1 ? "y" : "ies") + " x " + s.replicates() + " replicate"
                + plural(s.replicates()) + " = " + plan.runCount() + " run" + plural(plan.runCount())
                + (slice.isAll() ? "" : "; shard " + slice + ": " + inShard));
        out.println("  would write: " + dir + " (" + threads + " thread" + plural(threads) + ")");
        out.println("  set:         " + (s.set().isEmpty() ? "(nothing)" : settings(s.set())));
        if (s.posterior() != null) {
            out.println("  posterior:   " + s.posterior().file() + ": " + s.posterior().particles().size()
                    + " particles, " + s.posterior().draws() + " draws by weight (seed " + s.posterior().seed() + ")");
        }
        if (!s.vary().isEmpty()) {
            out.println(s.posterior() != null ? "  parameters (range of the particles):" : "  vary:");
            for (Dimension d : s.vary()) {
                out.println("    " + d.key() + ": " + (d.form() == Dimension.Form.BOUNDS || d.form() == Dimension.Form.POSTERIOR
                        ? "from " + ParamSpec.format(d.min()) + " to " + ParamSpec.format(d.max())
                        : d.levels().stream().map(ParamSpec::format).collect(Collectors.joining(", "))));
            }
        }
        out.println("  strategies:");
        for (Strategy st : s.strategies()) {
            out.println("    " + st.name() + ": " + (st.settings().isEmpty() ? "(the base as it is)"
                    : settings(st.settings())) + (st.from() == null ? "" : " from " + st.from()));
        }
        out.println("  seeds:       policy " + s.seedPolicy().spelling() + ", base "
                + s.seedBase());
        if (plan.forkAt() != null) {
            out.println("  fork:        strategies share each replicate's days before " + plan.forkAt());
        }
        out.println("  run id, seed:");
        int listed = 0;
        for (int i = 0; i < plan.runCount() && listed < LISTED_RUNS; i++) {
            if (slice.contains(i)) {
                SweepRun r = plan.run(i);
                out.println("    " + r.runId() + "  " + r.seed());
                listed++;
            }
        }
        if (inShard > listed) {
            out.println("    ... and " + (inShard - listed) + " more");
        }
        out.flush();
    }

    private static String settings(List<Setting> settings) {
        return settings.stream().map(Setting::asSet).collect(Collectors.joining(", "));
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
