package org.crackdown.model;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import ec.util.MersenneTwisterFast;

/**
 * The model's generator: MASON's {@link MersenneTwisterFast}, drawing exactly its uniforms, with
 * a cheaper {@link #nextGaussian}. Gangs draw millions of Gaussian noise factors a national year
 * and buyers millions of lognormal valuations; MASON's polar method takes ~2.5 uniforms (five
 * 32-bit outputs) and a logarithm per draw (~7% of a national run, issue 9, session 13). Here the
 * Gaussians come from Commons RNG's ziggurat ({@link ZigguratSampler.NormalizedGaussian},
 * McFarland's 2016 algorithm): one 64-bit draw ({@link #nextLong}, two 32-bit outputs) and a
 * table look-up for ~98.8% of draws, no logarithm but in the tails. Its only source is this
 * generator, through {@link Provider}: a run still has one generator, seeded explicitly.
 *
 * <p>The sampler keeps nothing between draws (no pending second value, unlike the polar method),
 * so the generator's state is the Mersenne Twister's alone: {@link #writeState},
 * {@link #stateEquals} and Java serialization (MASON's checkpoints) need nothing more; the
 * sampler, which is not serializable, is rebuilt on reading and on {@link #clone}.
 */
public final class ModelRandom extends MersenneTwisterFast {

    /** Unchanged: a saved state is read only by the code version that wrote it (TraffickingModel.savedBy). */
    @Serial
    private static final long serialVersionUID = 1L;

    /** The ziggurat, drawing from this generator; rebuilt after deserialization and cloning. */
    private transient NormalizedGaussianSampler gaussian;

    public ModelRandom(long seed) {
        super(seed);
        gaussian = ZigguratSampler.NormalizedGaussian.of(new Provider(this));
    }

    /** A standard normal draw (mean 0, SD 1) by the ziggurat, from this generator's 64-bit draws. */
    @Override
    public double nextGaussian() {
        return gaussian.sample();
    }

    @Override
    public Object clone() {
        ModelRandom copy = (ModelRandom) super.clone();
        copy.gaussian = ZigguratSampler.NormalizedGaussian.of(new Provider(copy));
        return copy;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        gaussian = ZigguratSampler.NormalizedGaussian.of(new Provider(this));
    }

    /**
     * The generator as Commons RNG sees it: every draw of its samplers is built from
     * {@link #nextLong}, which is MASON's (two 32-bit outputs, the first the high word).
     */
    static final class Provider implements UniformRandomProvider {
        private final MersenneTwisterFast source;

        Provider(MersenneTwisterFast source) {
            this.source = source;
        }

        @Override
        public long nextLong() {
            return source.nextLong();
        }
    }
}
