package org.crackdown.sweep;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which seed each run gets. Never the clock: a sweep run twice gives the same seeds.
 */
public enum SeedPolicy {
    /**
     * Replicate r uses seed {@code base + r - 1} at every design point and strategy (common
     * random numbers): differences between strategies are then not blurred by different luck.
     */
    COMMON,
    /**
     * A seed derived from (base, point, strategy name, replicate) by SplitMix64 mixing, so every
     * run has its own stream; the strategy enters by name, so reordering strategies in the file
     * does not change any run's seed.
     */
    INDEPENDENT,
    /**
     * A seed derived from (base, point, replicate) by SplitMix64 mixing, the same under every
     * strategy: common random numbers between strategies, a stream of its own for every design
     * point. The default of sweeps over a posterior, where two draws of the same particle would
     * otherwise repeat the same runs.
     */
    PAIRED;

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param point     0-based design point index
     * @param replicate 1-based replicate number
     */
    public long seed(long base, int point, String strategy, int replicate) {
        if (this == COMMON) {
            return base + replicate - 1;
        }
        long h = mix(base);
        h = mix(h ^ point);
        if (this == PAIRED) {
            return mix(h ^ replicate) & Long.MAX_VALUE;
        }
        h = mix(h ^ fnv(strategy));
        h = mix(h ^ replicate);
        return h & Long.MAX_VALUE; // non-negative: easier to type back on a command line
    }

    /** SplitMix64's output function (Steele, Lea and Flood 2014). */
    static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-8 bytes: a stable hash, unlike String.hashCode's weak mixing. */
    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
