package org.crackdown.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.crackdown.format.Json;

/**
 * What a sweep folder's journal and timeseries parts become once every run is done: runs.csv
 * and timeseries.csv in canonical order, beside sweep.yaml and datapackage.json. The
 * {@link SweepRunner} runs the runs and journals them; this reads the journal back, so a sweep
 * resumed any number of times gives the same files.
 */
final class SweepAssembly {

    private final SweepPlan plan;
    private final SweepFolder folder;
    private final Shard shard;
    private final RunsTable table;

    SweepAssembly(SweepPlan plan, SweepFolder folder, Shard shard, RunsTable table) {
        this.plan = plan;
        this.folder = folder;
        this.shard = shard;
        this.table = table;
    }

    /** Whether an earlier session finished the sweep: its last step is sweep.json saying so. */
    boolean outputsPresent() {
        return Files.isRegularFile(folder.runsCsv())
                && (!plan.spec().keepTimeseries() || Files.isRegularFile(folder.timeseriesCsv()))
                && "completed".equals(SweepManifest.status(folder.sweepJson()));
    }

    /**
     * A journaled run whose timeseries part has gone (deleted by hand, or removed after an
     * earlier assembly whose outputs were then deleted) is run again rather than left out.
     */
    int forgetRunsWithoutTimeseries(long[] offsets, BitSet failed) throws IOException {
        int forgotten = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder.timeseriesParts(), "*.part")) {
            for (Path p : parts) {
                Files.deleteIfExists(p); // left by runs in progress when the sweep stopped
            }
        }
        for (int k = 0; k < offsets.length; k++) {
            if (offsets[k] >= 0 && !failed.get(k)
                    && !Files.isRegularFile(folder.timeseriesPart(plan.run(shard.runIndex(k))))) {
                offsets[k] = -1;
                forgotten++;
            }
        }
        return forgotten;
    }

    /** sweep.yaml and datapackage.json: fixed for a sweep, rewritten identically on resume. */
    void writeDescription() throws IOException {
        Files.write(folder.dir().resolve(SweepFolder.SWEEP_YAML), plan.spec().source());
        Json.write(folder.dir().resolve(SweepFolder.DATAPACKAGE), table.dataPackage());
    }

    /** runs.csv (and timeseries.csv) in canonical order, from the journal and the parts. */
    List<SweepManifest.RunStatus> assemble(long[] offsets, int[] lengths, BitSet failed) throws IOException {
        List<SweepManifest.RunStatus> statuses = new ArrayList<>(offsets.length);
        Path tmp = folder.dir().resolve(RunsTable.RUNS + ".tmp");
        try (FileChannel ch = FileChannel.open(folder.journal(), StandardOpenOption.READ);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(RunsTable.line(table.runsHeader()));
            w.write('\n');
            for (int k = 0; k < offsets.length; k++) {
                if (offsets[k] < 0) {
                    throw new IllegalStateException("run " + shard.runIndex(k) + " is not in the journal");
                }
                w.write(Journal.readRow(ch, offsets[k], lengths[k]));
                w.write('\n');
                SweepRun run = plan.run(shard.runIndex(k));
                statuses.add(new SweepManifest.RunStatus(run.runId(), run.seed(),
                        failed.get(k) ? RunsTable.FAILED : RunsTable.COMPLETED));
            }
        }
        SweepFolder.replace(tmp, folder.runsCsv());
        if (plan.spec().keepTimeseries()) {
            Path tsTmp = folder.dir().resolve(RunsTable.TIMESERIES + ".tmp");
            try (OutputStream out = Files.newOutputStream(tsTmp)) {
                out.write((RunsTable.line(table.timeseriesHeader()) + "\n").getBytes(StandardCharsets.UTF_8));
                for (int k = 0; k < offsets.length; k++) {
                    if (!failed.get(k)) {
                        Files.copy(folder.timeseriesPart(plan.run(shard.runIndex(k))), out);
                    }
                }
            }
            SweepFolder.replace(tsTmp, folder.timeseriesCsv());
        }
        return statuses;
    }

    /** The status cell is the sixth: run_id, point_id, strategy, replicate, seed never hold commas. */
    static boolean isFailed(String row) {
        int comma = -1;
        for (int i = 0; i < 5; i++) {
            comma = row.indexOf(',', comma + 1);
            if (comma < 0) {
                return false;
            }
        }
        return row.startsWith(RunsTable.FAILED + ",", comma + 1);
    }

    /** Runs journaled as failed. */
    static int countFailed(long[] offsets, BitSet failed) {
        int n = 0;
        for (int k = failed.nextSetBit(0); k >= 0; k = failed.nextSetBit(k + 1)) {
            if (offsets[k] >= 0) {
                n++;
            }
        }
        return n;
    }
}
