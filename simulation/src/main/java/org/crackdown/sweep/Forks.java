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
 * once and, when more than one strategy continues it, serialized to bytes; the first strategy
 * continues the burn-in's own model and each other one a copy read from the bytes (the model's
 * checkpoint serialization, without the file and the compression). A copy continues exactly as
 * the model it was read from would (CheckpointTest), so which strategy gets the model itself
 * changes no result; it saves one copy of a national model per family (writing and reading a
 * copy cost about 0.21 CPU s nationally once the JVM is warm, about 0.3 of a simulated year,
 * down from two to three years when victims were Java objects in the stream: issue 9,
 * docs/performance.md, sessions 32-33).
 */
public final class Forks {

    private Forks() {
    }

    /** Simulates {@code scenario} with {@code seed} up to the start of {@code forkAt}. */
    static TraffickingModel burnIn(Scenario scenario, long seed, LocalDate forkAt, BooleanSupplier cancelled) {
        TraffickingModel model = new TraffickingModel(scenario, seed);
        DayLoop.start(model, cancelled, DayLoop.DayListener.NONE);
        DayLoop.until(model, forkAt, cancelled, DayLoop.DayListener.NONE);
        return model;
    }

    /**
     * The model as bytes, to be read back by {@link #copy} as many times as needed (also what
     * {@code crackdown bench} times as the cost of a fork).
     */
    public static byte[] bytes(TraffickingModel model) {
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

    /** A model read back from {@link #bytes}. */
    public static TraffickingModel copy(byte[] bytes) {
        TraffickingModel model;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            model = (TraffickingModel) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model at the fork", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        model.awakeFromCheckpoint();
        return model;
    }

    /**
     * Continues {@code model}, at the fork, under {@code scenario} (which agrees with the
     * burn-in's before the fork), with a stream seeded by {@code streamSeed}, to the end.
     *
     * @param listener receives every month, those of the burn-in first (null: nobody listens)
     */
    static Map<String, Double> continueRun(TraffickingModel model, Scenario scenario, long streamSeed,
                                           Metrics.MonthListener listener, BooleanSupplier cancelled) {
        model.fork(scenario, streamSeed);
        if (listener != null) {
            model.metrics().replayTo(listener);
            model.metrics().addListener(listener);
        }
        DayLoop.resume(model, cancelled, DayLoop.DayListener.NONE);
        return model.metrics().summary();
    }
}
