package org.crackdown.model;

import ec.util.MersenneTwisterFast;

/**
 * The model's generator: MASON's {@link MersenneTwisterFast}, drawing exactly the same numbers,
 * with a cheaper {@link #nextGaussian}. Gangs draw millions of Gaussian noise factors a national
 * year and buyers millions of lognormal valuations; MASON's polar method takes a
 * {@code StrictMath.log} for each pair, which on Java 17 is a native call (about twice the cost
 * of the same fdlibm algorithm in Java; ~5% of a national run in JFR's native samples, issue 9,
 * session 8). Here the polar method draws the same two uniforms per try, in the same order, and
 * takes the logarithm with {@link #log}, a Java transcription of fdlibm's {@code e_log.c}, the
 * algorithm StrictMath specifies: the same bits for every argument (ModelRandomTest), so runs are
 * byte-identical to runs with MASON's generator.
 */
public final class ModelRandom extends MersenneTwisterFast {

    private static final long serialVersionUID = 1L;

    /** The second value of the last pair, as MASON keeps it. */
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    public ModelRandom(long seed) {
        super(seed);
    }

    @Override
    public void setSeed(long seed) {
        super.setSeed(seed);
        haveNextNextGaussian = false;
    }

    @Override
    public void setSeed(int[] array) {
        super.setSeed(array);
        haveNextNextGaussian = false;
    }

    @Override
    public void clearGaussian() {
        super.clearGaussian();
        haveNextNextGaussian = false;
    }

    @Override
    public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        super.writeState(out);
        out.writeDouble(nextNextGaussian);
        out.writeBoolean(haveNextNextGaussian);
    }

    @Override
    public void readState(java.io.DataInputStream in) throws java.io.IOException {
        super.readState(in);
        nextNextGaussian = in.readDouble();
        haveNextNextGaussian = in.readBoolean();
    }

    @Override
    public boolean stateEquals(MersenneTwisterFast other) {
        return super.stateEquals(other) && other instanceof ModelRandom o
                && o.haveNextNextGaussian == haveNextNextGaussian
                && Double.compare(o.nextNextGaussian, nextNextGaussian) == 0;
    }

    /**
     * MASON's {@code nextGaussian}: its two uniforms per try are exactly {@code 2 * nextDouble() - 1}
     * (the same two 32-bit outputs each, in order), and the same arithmetic follows.
     */
    @Override
    public double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    // fdlibm's constants, by their bits as e_log.c gives them.
    private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
    private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
    private static final double TWO54 = Double.longBitsToDouble(0x4350000000000000L);
    private static final double LG1 = Double.longBitsToDouble(0x3fe5555555555593L);
    private static final double LG2 = Double.longBitsToDouble(0x3fd999999997fa04L);
    private static final double LG3 = Double.longBitsToDouble(0x3fd2492494229359L);
    private static final double LG4 = Double.longBitsToDouble(0x3fcc71c51d8e78afL);
    private static final double LG5 = Double.longBitsToDouble(0x3fc7466496cb03deL);
    private static final double LG6 = Double.longBitsToDouble(0x3fc39a09d078c69fL);
    private static final double LG7 = Double.longBitsToDouble(0x3fc2f112df3e5244L);

    /**
     * The natural logarithm as {@link StrictMath#log} gives it: fdlibm 5.3's {@code __ieee754_log}
     * (e_log.c), step for step. Reduce x to 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), then
     * log(1 + f) = f - s (f - R) with s = f / (2 + f) and R a polynomial in s^2. From fdlibm:
     * "Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunSoft, a
     * Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute this
     * software is freely granted, provided that this notice is preserved."
     */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int lx = (int) bits;
        int k = 0;
        if (hx < 0x00100000) { // x < 2^-1022
            if (((hx & 0x7fffffff) | lx) == 0) {
                return -TWO54 / 0.0; // log(+-0) = -inf
            }
            if (hx < 0) {
                return (x - x) / 0.0; // log(-x) = NaN
            }
            k -= 54; // subnormal: scale up
            x *= TWO54;
            hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        }
        if (hx >= 0x7ff00000) {
            return x + x; // +inf, NaN
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // x or x / 2 with the exponent of 1: its high word replaced, its low word kept
        x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
        k += i >> 20;
        double f = x - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                double dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            double dk = k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }
}
