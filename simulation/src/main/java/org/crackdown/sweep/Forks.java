package org.crackdown.sweep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.crackdown.model.DayLoop;
import org.crackdown.model.Metrics;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;

/**
 * A shared burn-in and the runs forked from it, in memory: the model is simulated up to the fork
 * once, serialized to bytes, and each strategy continues from its own copy (the model's
 * checkpoint serialization, without the file and the compression).
 */
final class Forks {

    private Forks() {
    }

    /** Simulates {@code scenario} with {@code seed} up to the start of {@code forkAt}; the model as bytes. */
    static byte[] burnIn(Scenario scenario, long seed, LocalDate forkAt, BooleanSupplier cancelled) {
        TraffickingModel model = new TraffickingModel(scenario, seed);
        DayLoop.start(model, cancelled, DayLoop.DayListener.NONE);
        DayLoop.until(model, forkAt, cancelled, DayLoop.DayListener.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            model.preCheckpoint();
            out.writeObject(model);
            model.postCheckpoint();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model at the fork", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Continues a copy of the burn-in under {@code scenario} (which agrees with the burn-in's
     * before the fork), with a stream seeded by {@code streamSeed}, to the end.
     *
     * @param listener receives every month, those of the burn-in first (null: nobody listens)
     */
    static Map<String, Double> continueRun(byte[] burnIn, Scenario scenario, long streamSeed,
                                           Metrics.MonthListener listener, BooleanSupplier cancelled) {
        TraffickingModel model;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(burnIn))) {
            model = (TraffickingModel) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model at the fork", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        model.awakeFromCheckpoint();
        model.fork(scenario, streamSeed);
        if (listener != null) {
            model.metrics().replayTo(listener);
            model.metrics().addListener(listener);
        }
        DayLoop.resume(model, cancelled, DayLoop.DayListener.NONE);
        return model.metrics().summary();
    }
}
