package io.unum.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unum.DistributedStages;
import io.unum.EngineSpec;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.matchers.CustomerRules;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.matchers.dates.DateNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Hand-made generic values on Spark: a family's e-mail held by different people, and a shop's
 * phone held by more records than the block-size cap, whose holders end up in different parts
 * of the data set. The job must decide both over the whole data set, as the in-memory engine does.
 */
class GenericValuesOnSparkTest {

    private static final List<String> COLUMNS = List.of("record_id", "source", "first_name", "last_name",
            "date_of_birth", "postcode", "email", "phone");

    private static final String FAMILY = "berg.family@fastmail.com";
    private static final String SHOP = "+1 702 878 4400";

    /** The command line's configuration, with a block-size cap of 6. */
    private static EngineSpec spec() {
        CustomerRules rules = CustomerRules.builder().defaultRegion("US")
                .dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST).build();
        return Resolver.newBuilder().ruleSet(rules).blockSizeCap(6).build().spec();
    }

    /** The records; without the five receipts, only Dan's two records hold the shop's phone. */
    private static List<String[]> rows(boolean receiptsToo) {
        List<String[]> rows = new ArrayList<>();
        // the family's e-mail: Anna twice, Ben, Carla, and a bare record with only the surname
        rows.add(new String[] {"a1", "crm", "Anna", "Berg", "1980-01-01", "10001", FAMILY, null});
        rows.add(new String[] {"a2", "web", "Anna", "Berg", "1980-01-01", "10001", FAMILY, null});
        rows.add(new String[] {"b1", "crm", "Ben", "Berg", "1975-05-05", "10001", FAMILY, null});
        rows.add(new String[] {"c1", "crm", "Carla", "Kim", "2001-09-09", "94110", FAMILY, null});
        rows.add(new String[] {"p1", "pos", null, "Berg", null, null, FAMILY, null});
        // the shop's phone on seven records (over the cap of 6): Dan twice and five till receipts
        // with nothing else, which contradict nobody, so only the count makes the phone generic
        rows.add(new String[] {"d1", "pos", "Dan", "Ortiz", null, "89101", null, SHOP});
        rows.add(new String[] {"d2", "web", "Daniel", "Ortiz", null, "89102", null, SHOP});
        for (int i = 0; i < (receiptsToo ? 5 : 0); i++) {
            rows.add(new String[] {"r" + i, "pos", null, null, null, null, null, SHOP});
        }
        return rows;
    }

    private static Dataset<Row> dataset(List<String[]> rows, int partitions) {
        List<Row> list = new ArrayList<>();
        for (String[] row : rows) {
            list.add(RowFactory.create((Object[]) row));
        }
        StructField[] fields = COLUMNS.stream().map(c -> DataTypes.createStructField(c, DataTypes.StringType, true))
                .toArray(StructField[]::new);
        return TestSpark.session().createDataFrame(list, new StructType(fields)).repartition(partitions);
    }

    private static List<SourceRecord> records(List<String[]> rows) {
        RecordColumns columns = new RecordColumns(COLUMNS, "input");
        List<SourceRecord> records = new ArrayList<>();
        for (String[] row : rows) {
            records.add(columns.map(row).record());
        }
        return records;
    }

    /** Record id to the sorted ids of its profile's members. */
    static Map<String, Set<String>> partition(Map<RecordKey, ProfileId> assignments) {
        Map<ProfileId, Set<String>> members = new HashMap<>();
        assignments.forEach((k, p) -> members.computeIfAbsent(p, x -> new TreeSet<>()).add(k.id()));
        Map<String, Set<String>> out = new TreeMap<>();
        assignments.forEach((k, p) -> out.put(k.id(), members.get(p)));
        return out;
    }

    @Test
    void valuesSharedByDifferentPeopleOrOverTheCapAreGenericOverTheWholeDataSet() {
        EngineSpec spec = spec();
        List<String[]> rows = rows(true);
        Resolution expected = Resolver.newBuilder(spec).build().resolve(records(rows));
        Map<String, Set<String>> want = partition(expected.assignments());
        // the family's e-mail links Anna's two records to nobody else
        assertEquals(Set.of("a1", "a2"), want.get("a1"));
        assertEquals(Set.of("b1"), want.get("b1"));
        assertEquals(Set.of("c1"), want.get("c1"));
        assertEquals(Set.of("p1"), want.get("p1"));
        // ignoring generic values, the family's e-mail would link Anna and the bare record (Ben,
        // another given name and birth date, is a distinct person either way)
        Resolution ignoring = DistributedStages.of(spec).knowingGenericValues(v -> false).resolve(records(rows));
        assertEquals(Set.of("a1", "a2", "p1"), partition(ignoring.assignments()).get("a1"));
        assertEquals(Set.of("b1"), partition(ignoring.assignments()).get("b1"));
        // the shop's phone, on more records than the cap, counts for nobody: Dan's records stay
        // apart, while with the phone on his records alone they are linked. A part of the data
        // set holding Dan's records but not all the receipts must still take the phone as generic.
        assertEquals(Set.of("d1"), want.get("d1"));
        assertEquals(Set.of("d1", "d2"), partition(Resolver.newBuilder(spec).build().resolve(records(rows(false)))
                .assignments()).get("d1"));

        for (int partitions : new int[] {1, 3}) {
            SparkResolution got = UnumSpark.resolve(dataset(rows, partitions), spec);
            Map<RecordKey, ProfileId> have = new HashMap<>();
            for (Row row : got.clusters().collectAsList()) {
                have.put(RecordKey.of(row.getString(0), row.getString(1)), ProfileId.of(row.getString(2)));
            }
            assertEquals(expected.assignments(), have, partitions + " partitions: profile ids");
            assertEquals(2, got.statistics().genericValues(), "the family's e-mail and the shop's phone");
        }
    }
}
