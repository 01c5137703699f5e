package org.crackdown.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.crackdown.analysis.io.Descriptor;
import org.crackdown.analysis.io.Field;
import org.crackdown.format.Role;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder's datapackage.json gives every column its role, and the analysis reads them as
 * written: the measures are exactly the model's measures, the rest identify the row.
 */
class DataPackageTest {

    @TempDir
    Path dir;

    private static List<String> named(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }

    @Test
    void theAnalysisReadsEachRunTablesRolesAsWritten() throws Exception {
        DataPackage.write(dir, "r", "tiny", "", Instant.EPOCH);
        Descriptor d = Descriptor.read(dir);

        Descriptor.Resource summary = d.require(Table.SUMMARY.fileName());
        assertEquals(Metrics.summaryColumns().stream().map(Metrics.Column::name).toList(),
                named(summary.withRole(Role.MEASURE)));
        assertEquals(List.of("run_id", "seed", "scenario", "measure_from", "measure_to", "scale"),
                named(summary.withRole(Role.ID)));

        Descriptor.Resource series = d.require(Table.TIMESERIES.fileName());
        assertEquals(java.util.Arrays.stream(Measure.values()).map(Measure::column).toList(),
                named(series.withRole(Role.MEASURE)));
        assertEquals(List.of("run_id", "seed", "date", "province"), named(series.withRole(Role.ID)));

        Descriptor.Resource flows = d.require(Table.FLOWS.fileName());
        assertEquals(List.of("count"), named(flows.withRole(Role.MEASURE)));
        assertEquals(List.of("run_id", "seed", "origin", "destination", "victim_type"),
                named(flows.withRole(Role.ID)));
        assertEquals(List.of(), named(summary.withRole(Role.PARAMETER)), "a run varies nothing");
    }
}
