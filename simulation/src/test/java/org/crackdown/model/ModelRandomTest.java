package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * The model's generator must draw exactly what MASON's does (runs stay byte-identical), and its
 * logarithm must be StrictMath's to the bit: checked over special values, every binade, the
 * arguments the polar method feeds it, and arguments next to 1 (fdlibm's separate branch).
 */
class ModelRandomTest {

    private static void assertSameBits(double x) {
        long want = Double.doubleToRawLongBits(StrictMath.log(x));
        long got = Double.doubleToRawLongBits(ModelRandom.log(x));
        assertEquals(want, got, () -> "log(" + x + " = 0x" + Long.toHexString(Double.doubleToRawLongBits(x))
                + "): " + ModelRandom.log(x) + ", StrictMath gives " + StrictMath.log(x));
    }

    @Test
    void logIsStrictMathsToTheBit() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, Math.E, Double.MIN_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN, Math.nextUp(1.0), Math.nextDown(1.0), Math.sqrt(0.5), Math.sqrt(2), 1e-310, 1e300};
        for (double x : special) {
            assertSameBits(x);
        }
        SplittableRandom r = new SplittableRandom(20261201);
        for (int k = 0; k < 500_000; k++) {
            assertSameBits(r.nextDouble());                                    // (0, 1): the polar method's range
            assertSameBits(Math.abs(Double.longBitsToDouble(r.nextLong())));   // every binade, subnormals, inf, NaN
            assertSameBits(1 + (r.nextDouble() - 0.5) * Math.scalb(1.0, -r.nextInt(60))); // |f| < 2^-20 and near
            double v1 = 2 * r.nextDouble() - 1;
            double v2 = 2 * r.nextDouble() - 1;
            assertSameBits(v1 * v1 + v2 * v2);
        }
    }

    @Test
    void drawsWhatMasonsGeneratorDraws() {
        for (long seed : new long[] {1, 3, 42, -7, 1L << 40}) {
            MersenneTwisterFast mason = new MersenneTwisterFast(seed);
            ModelRandom ours = new ModelRandom(seed);
            SplittableRandom pick = new SplittableRandom(seed);
            for (int k = 0; k < 200_000; k++) {
                // Gaussians interleaved with other draws, so a pending second value is tested too.
                switch (pick.nextInt(5)) {
                    case 0, 1 -> assertEquals(Double.doubleToRawLongBits(mason.nextGaussian()),
                            Double.doubleToRawLongBits(ours.nextGaussian()), "seed " + seed + ", draw " + k);
                    case 2 -> assertEquals(mason.nextDouble(), ours.nextDouble(), 0.0);
                    case 3 -> assertEquals(mason.nextInt(1000), ours.nextInt(1000));
                    default -> {
                        if (k % 1000 == 0) {
                            mason.clearGaussian();
                            ours.clearGaussian();
                        }
                    }
                }
            }
            mason.nextGaussian();
            ours.nextGaussian(); // both hold a second value now; reseeding forgets it
            mason.setSeed(seed + 1);
            ours.setSeed(seed + 1);
            assertEquals(mason.nextGaussian(), ours.nextGaussian(), 0.0);
        }
    }

    @Test
    void aCheckpointKeepsThePendingGaussian() throws Exception {
        ModelRandom r = new ModelRandom(5);
        r.nextGaussian(); // the pair's second value is now pending
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        ModelRandom copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ModelRandom) in.readObject();
        }
        assertTrue(copy.stateEquals(r));
        for (int k = 0; k < 1000; k++) {
            assertEquals(r.nextGaussian(), copy.nextGaussian(), 0.0);
        }
    }

    @Test
    void theModelDrawsFromIt() throws Exception {
        Scenario s = org.crackdown.scenario.ScenarioLoader.load(
                java.nio.file.Path.of("..", "scenarios", "china-2011.yaml"), java.util.List.of("scale=0.01"));
        TraffickingModel m = new TraffickingModel(s, 9);
        assertTrue(m.random instanceof ModelRandom);
        m.setSeed(10);
        assertTrue(m.random instanceof ModelRandom);
    }
}
