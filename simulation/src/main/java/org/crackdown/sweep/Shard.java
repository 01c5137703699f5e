package org.crackdown.sweep;

/**
 * A deterministic slice of a sweep: the runs whose canonical index % count == index. The whole
 * sweep is shard 0/1.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("expected a shard i/N with 0 <= i < N, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/N} (0-based i), with a message saying what is allowed. */
    public static Shard parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                int i = Integer.parseInt(t.substring(0, slash).trim());
                int n = Integer.parseInt(t.substring(slash + 1).trim());
                if (n >= 1 && i >= 0 && i < n) {
                    return new Shard(i, n);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected i/N with 0 <= i < N (e.g. 0/4 for the first of four shards), got '"
                + text + "'");
    }

    public boolean isAll() {
        return count == 1;
    }

    public boolean contains(int runIndex) {
        return runIndex % count == index;
    }

    /** How many of {@code total} runs are in this shard. */
    public int size(int total) {
        return index >= total ? 0 : (total - index + count - 1) / count;
    }

    /** The canonical index of the shard's k-th run. */
    public int runIndex(int k) {
        return index + k * count;
    }

    /** Position of a run of this shard among the shard's runs. */
    public int local(int runIndex) {
        return (runIndex - index) / count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
