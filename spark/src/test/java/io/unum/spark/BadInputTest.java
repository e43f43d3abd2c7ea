package io.unum.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.EngineSpec;
import io.unum.Resolver;
import io.unum.matchers.CustomerRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Malformed rows are reported with the engine's issue codes, never dropped silently. */
class BadInputTest {

    private static Dataset<Row> rows(List<String> columns, String[]... rows) {
        List<Row> list = new ArrayList<>();
        for (String[] row : rows) {
            list.add(RowFactory.create((Object[]) row));
        }
        StructField[] fields = columns.stream().map(c -> DataTypes.createStructField(c, DataTypes.StringType, true))
                .toArray(StructField[]::new);
        return TestSpark.session().createDataFrame(list, new StructType(fields)).repartition(2);
    }

    @Test
    void reportsEveryMalformedRow() {
        EngineSpec spec = Resolver.newBuilder().ruleSet(CustomerRules.standard()).build().spec();
        Dataset<Row> input = rows(List.of("record_id", "source", "email", "first_name", "last_name", "observed_at"),
                new String[] {"1", "crm", "ann@example.com", "Ann", "Lee", "2024-01-02T00:00:00Z"},
                new String[] {"", "crm", "bob@example.com", "Bob", "Ray", null},
                new String[] {"3", "crm", "not an address", "Cy", "Orr", "yesterday"},
                new String[] {"4", "crm", "test@test.com", "Di", "Fox", null},
                new String[] {"5", "crm", "eve@example.com", "Eve", "Gold", null},
                new String[] {"5", "crm", "eve@example.org", "Eve", "Gold", null});
        SparkResolution result = UnumSpark.resolve(input, spec);
        Set<String> problems = new TreeSet<>();
        for (Row row : result.issues().collectAsList()) {
            problems.add(row.getString(2) + ":" + row.getString(3) + ":" + row.getString(4));
        }
        assertTrue(problems.contains("record_id:MISSING_RECORD_ID:RECORD_REJECTED"), problems.toString());
        assertTrue(problems.contains("observed_at:UNREADABLE_OBSERVED_AT:VALUE_IGNORED"), problems.toString());
        assertTrue(problems.contains("key:DUPLICATE_KEY:RECORD_SUPERSEDED"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("MALFORMED_IDENTIFIER")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("PLACEHOLDER_VALUE")), problems.toString());
        // every row with an id is resolved once: four distinct keys
        assertEquals(4, result.clusters().count());
        assertEquals(1, result.statistics().rejectedRecords());
    }

    @Test
    void userErrorsAreOneLineNamingTheOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"resolve", "--spark", "local[1]", "--out", "x"}, new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals("unum: --input: expected a CSV or Parquet file or directory\n", err.toString(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--input", "records.csv", "--partitions", "zero"}));
        assertTrue(e.getMessage().startsWith("--"), e.getMessage());
        assertEquals("hdfs:///data/out", Main.parse(new String[] {"--input", "hdfs:///data/in", "--out", "hdfs:///data/out"})
                .out(), "an output URI is kept as given");
        assertThrows(IllegalArgumentException.class, () -> UnumSpark.resolve(rows(List.of("name"),
                new String[] {"x"}), Resolver.newBuilder().ruleSet(CustomerRules.standard()).build().spec()));
    }
}
