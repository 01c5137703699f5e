package org.crackdown.outcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The model output a pattern is compared with: a summary column ({@code women_rescued}), a sum
 * or difference of columns ({@code women_rescued+children_rescued}), or a ratio of two such sums
 * ({@code buyers_prosecuted/cases_solved}). Nothing more: a reader of patterns.csv should see at
 * a glance what is compared.
 */
public final class Output implements ModelOutput {

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

    /** One column with its sign. */
    record Term(String column, int sign) {
    }

    private final String text;
    private final List<Term> numerator;
    private final List<Term> denominator;

    private Output(String text, List<Term> numerator, List<Term> denominator) {
        this.text = text;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /**
     * Parses an output expression.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Output parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty; give a summary.csv column, e.g. women_rescued");
        }
        String[] parts = t.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + t + "' has more than one '/'; a ratio is SUM/SUM");
        }
        List<Term> num = sum(parts[0], t);
        List<Term> den = parts.length == 2 ? sum(parts[1], t) : List.of();
        return new Output(t, num, den);
    }

    private static List<Term> sum(String s, String whole) {
        List<Term> terms = new ArrayList<>();
        int sign = 1;
        StringBuilder name = new StringBuilder();
        String body = s.strip();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("'" + whole + "': a side of '/' is empty");
        }
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '+';
            if (c == '+' || c == '-') {
                String n = name.toString().strip();
                if (!COLUMN.matcher(n).matches()) {
                    throw new IllegalArgumentException("'" + whole + "': '" + n + "' is not a column name "
                            + "(lower-case letters, digits and '_'; terms joined by '+' or '-', at most one '/')");
                }
                terms.add(new Term(n, sign));
                sign = c == '+' ? 1 : -1;
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        return List.copyOf(terms);
    }

    /** The columns it reads, in order of appearance. */
    @Override
    public Set<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        numerator.forEach(t -> out.add(t.column()));
        denominator.forEach(t -> out.add(t.column()));
        return out;
    }

    @Override
    public boolean isRatio() {
        return !denominator.isEmpty();
    }

    /**
     * The value for one run. {@code column} returns a column's value, or null when the run has no
     * such column. Returns NaN when a value is missing (a price with no sale) or a ratio's
     * denominator is zero.
     *
     * @throws IllegalStateException if a column does not exist (callers check {@link #columns()} first)
     */
    public double evaluate(Function<String, Double> column) {
        double num = total(numerator, column);
        if (!isRatio()) {
            return num;
        }
        double den = total(denominator, column);
        return den == 0 ? Double.NaN : num / den;
    }

    private static double total(List<Term> terms, Function<String, Double> column) {
        double s = 0;
        for (Term t : terms) {
            Double v = column.apply(t.column());
            if (v == null) {
                throw new IllegalStateException("no column " + t.column());
            }
            s += t.sign() * v;
        }
        return s;
    }

    /** Equal when they read the same columns with the same signs, however spaced. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Output other && numerator.equals(other.numerator) && denominator.equals(other.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
