package org.crackdown.analysis.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.folders.DataPackages;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A tidy result table (one observation per row, one variable per column) that writes itself as
 * CSV and describes itself as a data-package resource, so the descriptor cannot drift from the
 * file.
 */
public final class OutputTable {

    /** One column: Frictionless type (string, integer, number, boolean), role, unit and meaning. */
    public record Column(String name, String type, Role role, String unit, String description) {
    }

    private final String name;
    private final String description;
    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    public OutputTable(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public String path() {
        return name + ".csv";
    }

    public int rowCount() {
        return rows.size();
    }

    public List<Column> columns() {
        return columns;
    }

    public OutputTable id(String column, String description) {
        columns.add(new Column(column, "string", Role.ID, "identifier", description));
        return this;
    }

    public OutputTable column(String column, String type, String unit, String description) {
        columns.add(new Column(column, type, Role.MEASURE, unit, description));
        return this;
    }

    public OutputTable parameter(String column, String type, String unit, String description) {
        columns.add(new Column(column, type, Role.PARAMETER, unit, description));
        return this;
    }

    /** Appends a row: doubles are written plain (NaN empty), null is empty, others as text. */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns.size() + " columns");
        }
        String[] r = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            r[i] = v == null ? "" : v instanceof Double d ? Numbers.plain(d) : v.toString();
        }
        rows.add(r);
    }

    public void write(Path dir) throws IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(dir.resolve(path()), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, fmt)) {
            for (String[] r : rows) {
                p.printRecord((Object[]) r);
            }
        }
    }

    public Map<String, Object> resource() {
        List<Object> fields = new ArrayList<>();
        for (Column c : columns) {
            fields.add(DataPackages.field(c.name(), c.type(), c.unit(), c.description(), c.role().json()));
        }
        return DataPackages.resource(name.replace('_', '-'), path(), description, fields, null);
    }
}
