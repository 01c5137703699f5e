package org.crackdown.sweep;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.crackdown.model.DayLoop;
import org.crackdown.model.Metrics;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;

/**
 * Runs one model. Each run gets its own model, its own seed and nothing shared, which is what
 * makes a sweep's results independent of how many threads run it. The seam exists so tests can
 * make a run fail on purpose; {@link #MODEL} is the only real implementation.
 */
@FunctionalInterface
public interface RunExecutor {

    /**
     * @param listener  receives each month's table (null: nobody listens)
     * @param cancelled checked every simulated day; when true the run stops with a
     *                  {@link CancellationException} and is not recorded
     * @return the run's summary, as {@link Metrics#summary()}
     */
    Map<String, Double> run(SweepRun run, Scenario scenario, Metrics.MonthListener listener,
                            BooleanSupplier cancelled);

    RunExecutor MODEL = (run, scenario, listener, cancelled) -> {
        TraffickingModel model = new TraffickingModel(scenario, run.seed());
        if (listener != null) {
            model.metrics().addListener(listener);
        }
        DayLoop.run(model, cancelled, DayLoop.DayListener.NONE);
        return model.metrics().summary();
    };
}
