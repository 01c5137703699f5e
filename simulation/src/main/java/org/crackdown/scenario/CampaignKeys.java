package org.crackdown.scenario;

import java.util.List;

import org.crackdown.model.ParamSpec;
import org.crackdown.yaml.Suggest;
import org.crackdown.yaml.YamlFiles;

/**
 * Override keys for one campaign's timing and strength, {@code campaigns.NAME.FIELD}, as
 * {@code --set}, sweep and optimize files give them: campaigns are list entries in a scenario
 * file, so without these keys a strategy could only move a campaign by restating the whole list.
 * The campaign is found by its name (names are unique, {@link ScenarioChecks}); the name may
 * contain dots, so the field is the key's last part.
 */
public final class CampaignKeys {

    public static final String PREFIX = "campaigns.";
    /** What may be overridden: name and provinces may not (a renamed campaign is another campaign). */
    public static final List<String> FIELDS = List.of("start", "end", "intensity", "half_life_days");
    /** The most extra effort a campaign may have, as a multiple of routine effort. */
    public static final double INTENSITY_MAX = ScenarioChecks.INTENSITY_MAX;
    static final String EXAMPLE = "campaigns.national-2009.start=2009-01-01";

    /** One parsed key: the campaign's name and the field. */
    public record Key(String campaign, String field) {
        public String key() {
            return PREFIX + campaign + "." + field;
        }

        public boolean isDate() {
            return CampaignKeys.isDate(field);
        }
    }

    private CampaignKeys() {
    }

    /** Whether a campaign field holds a date (start, end) rather than a number. */
    static boolean isDate(String field) {
        return field.equals("start") || field.equals("end");
    }

    public static boolean isCampaignKey(String key) {
        return key.startsWith(PREFIX);
    }

    public static String key(String campaign, String field) {
        return new Key(campaign, field).key();
    }

    /**
     * The campaign and field of {@code key} (which starts with {@value #PREFIX}).
     *
     * @throws IllegalArgumentException saying what a campaign key looks like
     */
    public static Key parse(String key) {
        String rest = key.substring(PREFIX.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            throw new IllegalArgumentException("expected campaigns.<campaign name>.<field> with a field of "
                    + String.join(", ", FIELDS) + ", like " + EXAMPLE + ", got " + YamlFiles.quoted(key));
        }
        String field = rest.substring(dot + 1);
        if (!FIELDS.contains(field)) {
            List<String> near = Suggest.closest(field, FIELDS, Suggest.tolerance(field.length()));
            throw new IllegalArgumentException(field.equals("name") || field.equals("provinces")
                    ? "a campaign's " + field + " cannot be overridden (only " + String.join(", ", FIELDS)
                    + "); restate the campaigns list in a scenario that extends this one"
                    : "unknown campaign field " + YamlFiles.quoted(field) + "; "
                    + (near.isEmpty() ? "the fields are " + String.join(", ", FIELDS) : Suggest.didYouMean(near)));
        }
        return new Key(rest.substring(0, dot), field);
    }

    /**
     * {@code text} as the value of {@code field}, in the form the loader reads back to the same
     * value. Ranges (intensity 0..20, half-life from 0) are the loader's checks.
     *
     * @throws IllegalArgumentException with what was expected
     */
    public static String canonical(String field, String text) {
        return isDate(field) ? Values.date(text).toString() : ParamSpec.format(Values.number(text));
    }

    /** The typed value, as a campaign draft holds it. */
    static Object value(String field, String text) {
        return isDate(field) ? Values.date(text) : (Object) Values.number(text);
    }
}
