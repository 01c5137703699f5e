package org.crackdown.cli;

import picocli.CommandLine;

/** {@code --replicates N}: runs per scenario or per evaluation, from 1 to {@link #MAX}. */
final class ReplicatesConverter implements CommandLine.ITypeConverter<Integer> {

    /** More is a typo (and days of a busy machine). */
    static final int MAX = 1000;

    @Override
    public Integer convert(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CommandLine.TypeConversionException("--replicates must be from 1 to " + MAX + ", got " + value);
    }
}
