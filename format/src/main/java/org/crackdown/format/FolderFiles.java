package org.crackdown.format;

/**
 * The names of the files crackdown's folders hold, written by the simulation module and read by
 * the analysis (which does not depend on the model): one place, so writer and reader agree.
 */
public final class FolderFiles {

    /** Every folder's Frictionless Data Package descriptor ({@link DataPackages}). */
    public static final String DATAPACKAGE = "datapackage.json";

    /** A run folder's provenance. */
    public static final String RUN_JSON = "run.json";
    /** A run folder's one-row totals over the measure window. */
    public static final String SUMMARY = "summary.csv";
    /** A run's (or a sweep's) month-by-province table. */
    public static final String TIMESERIES = "timeseries.csv";
    /** A run's (or a sweep's) origin-destination counts. */
    public static final String FLOWS = "flows.csv";

    /** A sweep folder's one row per run. */
    public static final String RUNS = "runs.csv";
    /** A sweep folder's provenance. */
    public static final String SWEEP_JSON = "sweep.json";

    private FolderFiles() {
    }
}
