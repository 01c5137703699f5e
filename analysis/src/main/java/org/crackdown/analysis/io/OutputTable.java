package org.crackdown.analysis.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crackdown.format.Column;
import org.crackdown.format.DataPackages;
import org.crackdown.format.Role;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A tidy result table (one observation per row, one variable per column) that writes itself as
 * CSV and describes itself as a data-package resource, so the descriptor cannot drift from the
 * file.
 */
public final class OutputTable {

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
        columns.add(Column.id(column, Column.Type.STRING, "identifier", description));
        return this;
    }

    public OutputTable column(String column, String type, String unit, String description) {
        columns.add(Column.measure(column, type(type), unit, description));
        return this;
    }

    public OutputTable parameter(String column, String type, String unit, String description) {
        columns.add(new Column(column, type(type), Role.PARAMETER, unit, description));
        return this;
    }

    /** A Frictionless type named as in the descriptor: string, integer, number, boolean. */
    private static Column.Type type(String name) {
        return Column.Type.valueOf(name.toUpperCase(Locale.ROOT));
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
            fields.add(c.field());
        }
        return DataPackages.resource(name.replace('_', '-'), path(), description, fields, null);
    }
}
