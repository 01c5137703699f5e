package org.crackdown.scenario;

import java.time.LocalDate;
import java.util.Map;

import org.crackdown.yaml.Place;

/** A dated change as read from a file: parsed values, each with the place of its key. */
record TimelineDraft(Located<LocalDate> date, Map<String, Located<Object>> values, Place where) {
}
