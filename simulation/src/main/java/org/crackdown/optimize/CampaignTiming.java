package org.crackdown.optimize;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Campaign;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.scenario.CampaignKeys;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.Suggest;

/**
 * A campaign's timing decided at equal effort. The start is a day from {@code earliest} to
 * {@code latest}; the length is {@code shortest..longest} days, or the scenario's own when
 * {@code shortest} is 0. A campaign cannot outlast the run: it ends on the run's last day at
 * the latest. Its extra effort, intensity × Σ over its days d = 0..L−1 of 0.5^(d / half-life)
 * (in days of routine effort, as {@link org.crackdown.model.Campaign#boostOn} schedules it), is
 * held at the scenario's campaign's: a shorter campaign is more intense, a moved one the same.
 *
 * @param base   the scenario's campaign (null until resolved against the scenario)
 * @param runEnd the run's last day (null until resolved)
 */
public record CampaignTiming(String name, LocalDate earliest, LocalDate latest, int shortest, int longest, Place at,
                             Campaign base, LocalDate runEnd) {

    /** As the reader gives it, before the scenario is known. */
    public CampaignTiming(String name, LocalDate earliest, LocalDate latest, int shortest, int longest, Place at) {
        this(name, earliest, latest, shortest, longest, at, null, null);
    }

    public CampaignTiming resolved(Campaign campaign, LocalDate lastDay) {
        return new CampaignTiming(name, earliest, latest, shortest, longest, at, campaign, lastDay);
    }

    public boolean decidesLength() {
        return shortest > 0;
    }

    int coordinates() {
        return decidesLength() ? 2 : 1;
    }

    long span() {
        return ChronoUnit.DAYS.between(earliest, latest);
    }

    /** The scenario's campaign's length in days. */
    public long baseLength() {
        return ChronoUnit.DAYS.between(base.start(), base.end()) + 1;
    }

    /** Extra effort of a campaign of intensity 1 lasting {@code days}, in days of routine effort. */
    public double effort(long days) {
        double h = base.halfLifeDays();
        if (h <= 0) {
            return days;
        }
        double r = Math.pow(0.5, 1 / h);
        return (1 - Math.pow(r, days)) / (1 - r);
    }

    /** The intensity that gives a campaign of {@code days} the scenario's campaign's extra effort. */
    public double intensityFor(long days) {
        return base.intensity() * effort(baseLength()) / effort(days);
    }

    /** The days a campaign starting on {@code start} with length {@code days} runs within the run. */
    public long within(LocalDate start, long days) {
        return Math.min(days, ChronoUnit.DAYS.between(start, runEnd) + 1);
    }

    /** Start, end and intensity at the timing's coordinates {@code u} (one or two). */
    List<String> values(double[] u, int i) {
        LocalDate start = earliest.plusDays(Math.round(Decisions.clamp(u[i]) * span()));
        long wanted = decidesLength() ? shortest + Math.round(Decisions.clamp(u[i + 1]) * (longest - shortest))
                : baseLength();
        long days = within(start, wanted);
        // Six significant digits: what history.csv and best.yaml show is exactly what ran.
        return List.of(start.toString(), start.plusDays(days - 1).toString(),
                ParamSpec.format(Decisions.roundTo(intensityFor(days), 6)));
    }

    /** The scenario's own timing as coordinates, clipped to the bounds. */
    void start(double[] u, int i) {
        u[i] = span() == 0 ? 0.5 : Decisions.clamp((double) ChronoUnit.DAYS.between(earliest, base.start()) / span());
        if (decidesLength()) {
            u[i + 1] = Decisions.clamp((double) (baseLength() - shortest) / (longest - shortest));
        }
    }

    /**
     * The decided campaigns resolved against the scenario: each must be one of its campaigns, and
     * every candidate must lie inside the run and need an intensity the scenario allows, or the
     * equal-effort rule could not hold (days outside the run are not simulated, so their effort
     * would not be spent).
     */
    static List<CampaignTiming> resolve(List<CampaignTiming> decided, Scenario base) throws ScenarioException {
        List<CampaignTiming> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> names = base.campaigns().stream().map(Campaign::name).toList();
        for (CampaignTiming t : decided) {
            String where = "decisions: campaigns: " + t.name() + ": ";
            int i = names.indexOf(t.name());
            if (i < 0) {
                List<String> near = Suggest.closest(t.name(), names, Suggest.tolerance(t.name().length()));
                problems.add(t.at().problem(where + (names.isEmpty() ? "the scenario has no campaigns"
                        : "not a campaign of the scenario; " + (near.isEmpty() ? "its campaigns are "
                        + String.join(", ", names) : Suggest.didYouMean(near)))));
                continue;
            }
            CampaignTiming r = t.resolved(base.campaigns().get(i), base.end());
            String run = " (the run is " + base.start() + " to " + base.end() + ", with the file's set and --set)";
            if (t.earliest().isBefore(base.start()) || t.latest().isAfter(base.end())) {
                problems.add(t.at().problem(where + "start: the range " + t.earliest() + " to " + t.latest()
                        + " must lie within the run" + run));
                continue;
            }
            long lastDays = r.within(t.latest(), Long.MAX_VALUE);
            if (t.decidesLength() && lastDays < t.shortest()) {
                problems.add(t.at().problem(where + "a campaign starting on " + t.latest() + " has only " + lastDays
                        + " days left in the run, fewer than length_days: min " + t.shortest() + run
                        + "; start it by " + base.end().minusDays(t.shortest() - 1) + " at the latest"));
                continue;
            }
            long shortest = t.decidesLength() ? t.shortest() : Math.min(r.baseLength(), lastDays);
            double intensity = r.intensityFor(shortest);
            if (intensity > CampaignKeys.INTENSITY_MAX) {
                problems.add(t.at().problem(where + "at its shortest (" + shortest + " days) it would need intensity "
                        + ParamSpec.format(Math.round(intensity * 100) / 100.0) + " to keep the scenario's extra "
                        + "effort, above the most a campaign may have (" + ParamSpec.format(CampaignKeys.INTENSITY_MAX)
                        + "); allow it more days"));
                continue;
            }
            out.add(r);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }
}
