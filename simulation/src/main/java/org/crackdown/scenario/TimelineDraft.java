package org.crackdown.scenario;

import java.time.LocalDate;
import java.util.Map;

/** A dated change as read from a file: parsed values, each with the place of its key. */
record TimelineDraft(Located<LocalDate> date, Map<String, Located<Object>> values, Where where) {
}
