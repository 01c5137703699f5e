package org.crackdown.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The descriptor's shape as every producer writes it: keys in one order, a role and a primary key
 * only where the producer gives them, a blank description left out.
 */
class DataPackagesTest {

    private static String json(Object o) throws Exception {
        return new ObjectMapper().writeValueAsString(o);
    }

    @Test
    void aResourceListsItsColumnsInTheFrictionlessOrder() throws Exception {
        Map<String, Object> id = DataPackages.field("run_id", "string", "identifier", "Run", "id");
        Map<String, Object> plain = DataPackages.field("rescued", "number", "count", "Rescues", null);
        assertEquals("{\"name\":\"run_id\",\"type\":\"string\",\"description\":\"Run\",\"unit\":\"identifier\","
                + "\"role\":\"id\"}", json(id));
        assertFalse(plain.containsKey("role"), "no role unless the producer gives one");

        Map<String, Object> keyed = DataPackages.resource("runs", FolderFiles.RUNS, "One row per run",
                List.of(id), List.of("run_id"));
        assertEquals("{\"name\":\"runs\",\"path\":\"runs.csv\",\"profile\":\"tabular-data-resource\","
                + "\"description\":\"One row per run\",\"format\":\"csv\",\"mediatype\":\"text/csv\","
                + "\"encoding\":\"utf-8\",\"schema\":{\"fields\":[" + json(id) + "],\"missingValues\":[\"\"],"
                + "\"primaryKey\":[\"run_id\"]}}", json(keyed));
        Map<?, ?> schema = (Map<?, ?>) DataPackages.resource("t", "t.csv", "", List.of(), null).get("schema");
        assertFalse(schema.containsKey("primaryKey"));
    }

    @Test
    void aBlankDescriptionIsLeftOut() throws Exception {
        assertEquals("{\"profile\":\"tabular-data-package\",\"name\":\"n\",\"title\":\"t\"}",
                json(DataPackages.head("n", "t", " ")));
        assertEquals("{\"profile\":\"tabular-data-package\",\"name\":\"n\",\"title\":\"t\",\"description\":\"d\"}",
                json(DataPackages.head("n", "t", "d")));
    }
}
