package org.crackdown.scenario;

import java.time.LocalDate;
import java.util.List;

import org.crackdown.yaml.Place;

/**
 * A campaign as read from a file, every field with its place, before the consistency checks.
 * {@code provinces} is empty for "all".
 */
record CampaignDraft(Located<String> name, Located<LocalDate> start, Located<LocalDate> end,
                     List<Located<String>> provinces, Located<Double> intensity,
                     Located<Double> halfLifeDays, Place where) {

    /**
     * This campaign with one overridable field ({@link CampaignKeys#FIELDS}) replaced by
     * {@code value} (a date for start and end, a number otherwise), placed at {@code at}.
     */
    CampaignDraft with(String field, Object value, Place at) {
        return switch (field) {
            case "start" -> new CampaignDraft(name, new Located<>((LocalDate) value, at), end, provinces, intensity,
                    halfLifeDays, where);
            case "end" -> new CampaignDraft(name, start, new Located<>((LocalDate) value, at), provinces, intensity,
                    halfLifeDays, where);
            case "intensity" -> new CampaignDraft(name, start, end, provinces, new Located<>((Double) value, at),
                    halfLifeDays, where);
            case "half_life_days" -> new CampaignDraft(name, start, end, provinces, intensity,
                    new Located<>((Double) value, at), where);
            default -> throw new IllegalArgumentException("not an overridable campaign field: " + field);
        };
    }
}
