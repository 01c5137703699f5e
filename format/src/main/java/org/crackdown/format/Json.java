package org.crackdown.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * How crackdown writes JSON (run.json, sweep.json, datapackage.json, analysis and bench files):
 * pretty-printed, {@code "key": value}, UTF-8 with {@code \n} line endings on every platform, as
 * the CSVs.
 */
public final class Json {

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        // "key": value, as most JSON is written, rather than Jackson's default "key" : value.
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = new ObjectMapper().writer(pretty);
    }

    private Json() {
    }

    public static void write(Path file, Object tree) throws IOException {
        Files.writeString(file, WRITER.writeValueAsString(tree) + "\n");
    }
}
