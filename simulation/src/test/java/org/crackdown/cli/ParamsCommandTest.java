package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.model.ParamRegistry;
import org.crackdown.scenario.ScenarioKeys;
import org.junit.jupiter.api.Test;

/** {@code crackdown params}, and docs/parameters.md kept equal to its markdown output. */
class ParamsCommandTest {

    private static String params(String... format) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[format.length + 1];
        args[0] = "params";
        System.arraycopy(format, 0, args, 1, format.length);
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.OK, code, err.toString());
        return out.toString();
    }

    @Test
    void docsParametersMdIsUpToDate() throws Exception {
        Path doc = Path.of("../docs/parameters.md");
        String generated = params("--format", "markdown");
        String onDisk = Files.readString(doc, StandardCharsets.UTF_8);
        assertEquals(generated, onDisk, "docs/parameters.md is out of date; regenerate it with "
                + "'java -jar simulation/target/crackdown.jar params --format markdown > docs/parameters.md'");
    }

    @Test
    void csvListsStructureFirstThenEveryParameterInOrder() throws Exception {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(params("--format", "csv"))).getRecords();
        List<String> keys = rows.stream().map(r -> r.get("key")).toList();
        List<String> structure = List.of("name", "description", "extends", "seed", "start", "end", "measure.from",
                "measure.to", "campaigns[].name", "campaigns[].start", "campaigns[].end", "campaigns[].provinces",
                "campaigns[].intensity", "campaigns[].half_life_days", "campaigns.<name>.<field>", "timeline[].date",
                "timeline[].set",
                "operations[].name", "operations[].start", "operations[].provinces", "operations[].officers");
        assertEquals(structure, keys.subList(0, structure.size()));
        assertEquals(ParamRegistry.keys(), keys.subList(structure.size(), keys.size()));
        CSVRecord budget = rows.get(keys.indexOf("police.budget"));
        assertEquals("1", budget.get("default"));
        assertEquals("a number from 0 to 10 (x baseline)", budget.get("allowed"));
        assertEquals("x baseline", budget.get("unit"));
        assertEquals("scenario lever", budget.get("source"));
        assertTrue(budget.get("meaning").startsWith("Anti-trafficking police budget"));
        CSVRecord allocation = rows.get(keys.indexOf("police.allocation"));
        assertEquals("population", allocation.get("default"));
        assertEquals("one of uniform, population, hotspot, source, destination", allocation.get("allowed"));
    }

    @Test
    void textIsTheDefaultAndShowsEveryKey() {
        String text = params();
        assertEquals(text, params("--format", "text"));
        for (ScenarioKeys.KeyDoc k : ScenarioKeys.all()) {
            assertTrue(text.contains("\n" + k.key() + "\n") || text.startsWith(k.key() + "\n"), k.key());
        }
        assertTrue(text.contains("police.budget\n    default: 1\n    allowed: a number from 0 to 10 (x baseline)\n"),
                text);
    }

    @Test
    void markdownHasHeaderAndOneRowPerKey() {
        String md = params("--format", "markdown");
        assertTrue(md.startsWith(ParamsCommand.MARKDOWN_HEADER + "\n"), md);
        assertEquals(ScenarioKeys.all().size(), md.lines().filter(l -> l.startsWith("| `")).count());
        assertTrue(md.contains("| `police.allocation` | population | one of uniform, population, hotspot, source, "
                + "destination |  | "), md);
    }

    @Test
    void unknownFormatIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"params", "--format", "html"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(err.toString().contains("text, markdown, csv"), err.toString());
    }
}
