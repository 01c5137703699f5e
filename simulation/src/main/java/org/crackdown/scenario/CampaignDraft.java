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
}
