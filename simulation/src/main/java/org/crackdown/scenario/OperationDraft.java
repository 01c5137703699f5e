package org.crackdown.scenario;

import java.time.LocalDate;
import java.util.List;

import org.crackdown.yaml.Place;

/**
 * A dated joint operation as read from a file, before the consistency checks. Its provinces are
 * either named ({@code codes}, and {@code count} is their number) or only counted ({@code codes}
 * empty: police choose them). {@code officers} is null when not given.
 */
record OperationDraft(Located<String> name, Located<LocalDate> start, List<Located<String>> codes,
                      Located<Integer> count, Located<Double> officers, Place where) {
}
