package org.crackdown.scenario;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;

/**
 * Every key a scenario file may contain, documented: the structural keys first, then every
 * parameter in declaration order. {@code crackdown params} and docs/parameters.md are generated
 * from this, so they cannot drift from what the loader accepts.
 */
public final class ScenarioKeys {

    /** One documented key. Empty strings where a column does not apply. */
    public record KeyDoc(String key, String defaultValue, String allowed, String unit, String meaning,
                         String source) {
    }

    private static final String FILE = "scenario file";

    private ScenarioKeys() {
    }

    /** Structural keys, then parameters. */
    public static List<KeyDoc> all() {
        List<KeyDoc> out = new ArrayList<>(structure());
        for (ParamSpec s : ParamRegistry.all()) {
            out.add(new KeyDoc(s.key(), ParamSpec.format(s.defaultValue()), s.allowed(), s.unit(), s.doc(),
                    s.source()));
        }
        return out;
    }

    /** The keys that shape a run rather than the model (name, period, campaigns, timeline). */
    public static List<KeyDoc> structure() {
        String date = Values.DATE_ALLOWED;
        return List.of(
                new KeyDoc("name", "file name without .yaml", Values.NAME_ALLOWED, "",
                        "Short name of the scenario, used for default output folders. Not inherited through extends.", FILE),
                new KeyDoc("description", "(empty)", "one line of text", "",
                        "What the scenario is for, for humans.", FILE),
                new KeyDoc("extends", "(none)", "path of another scenario file, relative to this one", "",
                        "Start from that file: maps merge key by key (this file wins), lists (campaigns, timeline, operations, provinces) replace the base's list. Chains are allowed, cycles are not.", FILE),
                new KeyDoc("seed", "1", "a whole number", "",
                        "Random seed used when the command line gives none.", FILE),
                new KeyDoc("start", "(required)", date, "",
                        "First simulated day; burn-in starts here.", FILE),
                new KeyDoc("end", "(required)", date + ", not before start", "",
                        "Last simulated day, inclusive.", FILE),
                new KeyDoc("measure.from", "start", date + ", from start to measure.to", "",
                        "First day counted in summary.csv and flows.csv.", FILE),
                new KeyDoc("measure.to", "end", date + ", from measure.from to end", "",
                        "Last day counted in summary.csv and flows.csv, inclusive.", FILE),
                new KeyDoc("campaigns[].name", "(required)", "text, different for each campaign", "",
                        "Label of a crackdown campaign in outputs.", FILE),
                new KeyDoc("campaigns[].start", "(required)", date, "",
                        "First day of the campaign.", FILE),
                new KeyDoc("campaigns[].end", "(required)", date + ", not before the campaign's start", "",
                        "Last day of the campaign, inclusive.", FILE),
                new KeyDoc("campaigns[].provinces", "(required)", "all, or a list of ISO codes like [CN-YN, CN-SC]", "",
                        "Provinces the campaign covers.", FILE),
                new KeyDoc("campaigns[].intensity", "(required)",
                        "a number from 0 to " + ParamSpec.format(ScenarioChecks.INTENSITY_MAX), "x routine effort",
                        "Extra enforcement effort at the campaign's start, as a multiple of routine effort (1 = doubled).", FILE),
                new KeyDoc("campaigns[].half_life_days", "0", "a number from 0", "days",
                        "Days for the campaign's extra effort to halve; 0 = no decay.", FILE),
                new KeyDoc("campaigns.<name>.<field>", "the campaign's own",
                        "field start or end: " + date + "; intensity or half_life_days: a number, as in the list", "",
                        "Not written in a scenario file: an override of one field of the campaign named <name>, in --set, "
                                + "sweep and optimize files, e.g. --set campaigns.national-2009.start=2009-01-01 (end, "
                                + "intensity and half-life stay the file's unless set too).", "--set"),
                new KeyDoc("timeline[].date", "(required)", date, "",
                        "Day a parameter change takes effect; a date before start takes effect at start.", FILE),
                new KeyDoc("timeline[].set", "(required)", "a map of parameter keys (nested or dotted) to values", "",
                        "Parameters that change on that date, e.g. {dna.enabled: true}.", FILE),
                new KeyDoc("operations[].name", "(required)", "text, different for each operation", "",
                        "Label of a joint cross-provincial operation directed by the Ministry (china-facts.md s2).", FILE),
                new KeyDoc("operations[].start", "(required)", date, "",
                        "First day of the operation; it runs for joint.duration_days. Dates before start are ignored.", FILE),
                new KeyDoc("operations[].provinces", "(required)",
                        "a list of ISO codes like [CN-YN, CN-SC], or a whole number from 1 to 31", "",
                        "Provinces taking part; a number means police choose them: the province with most open cases and its neighbours.", FILE),
                new KeyDoc("operations[].officers", "0", "a number from 0 to 1000000", "officers at scale 1",
                        "Police mobilised for the operation; 0 = joint.officers.", FILE));
    }
}
