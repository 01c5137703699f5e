package org.crackdown.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for misspelled keys and codes (every YAML reader, and the CSV readers). */
public final class Suggest {

    private Suggest() {
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of neighbouring
     * letters (restricted Damerau-Levenshtein), ignoring case: a swapped pair is one typo.
     */
    public static int distance(String a, String b) {
        a = a.toLowerCase(Locale.ROOT);
        b = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    /** How many typos still count as "close" for a word of this length. */
    public static int tolerance(int length) {
        return Math.max(1, Math.min(3, length / 3));
    }

    /** The candidates nearest to {@code typed} within {@code maxDistance}, best first (ties kept). */
    public static List<String> closest(String typed, Collection<String> candidates, int maxDistance) {
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String c : candidates) {
            // The distance is at least the difference in length; skipping on it also spares a
            // quadratic table for a huge typed word.
            if (Math.abs(typed.length() - c.length()) > maxDistance) {
                continue;
            }
            int d = distance(typed, c);
            if (d > maxDistance || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                found.clear();
            }
            if (!found.contains(c)) {
                found.add(c);
            }
        }
        return found;
    }

    /** "did you mean 'a'?", "did you mean 'a' or 'b'?", "did you mean 'a', 'b' or 'c'?" */
    public static String didYouMean(List<String> options) {
        List<String> quoted = options.stream().limit(5).map(o -> "'" + o + "'").toList();
        String last = quoted.get(quoted.size() - 1);
        String head = String.join(", ", quoted.subList(0, quoted.size() - 1));
        return "did you mean " + (head.isEmpty() ? last : head + " or " + last) + "?";
    }
}
