package io.unum.spark;

import io.unum.generator.CustomerDataGenerator;
import io.unum.model.SourceRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Generated customer records as the CSV rows {@code records.csv} has, for both engines. */
final class GeneratedInput {

    final List<String> columns;
    final List<String[]> rows;

    private GeneratedInput(List<String> columns, List<String[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    static GeneratedInput of(long people, long seed) {
        StringBuilder csv = new StringBuilder();
        try {
            CustomerDataGenerator.newBuilder().people(people).seed(seed).build().writeTo(csv, new StringBuilder());
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.toString()))) {
                List<String> columns = parser.getHeaderNames();
                List<String[]> rows = new ArrayList<>();
                for (CSVRecord record : parser) {
                    rows.add(record.values());
                }
                return new GeneratedInput(columns, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records as {@code unum resolve} reads them. */
    List<SourceRecord> records() {
        List<SourceRecord> records = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            records.add(CustomerDataGenerator.toRecord(column -> {
                int i = columns.indexOf(column);
                return i < 0 ? null : row[i];
            }));
        }
        return records;
    }

    /** The rows as a dataset of string columns, in {@code partitions} partitions, shuffled by {@code shuffle} if not null. */
    Dataset<Row> dataset(SparkSession spark, int partitions, Random shuffle) {
        List<Row> list = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            list.add(RowFactory.create((Object[]) row));
        }
        if (shuffle != null) {
            Collections.shuffle(list, shuffle);
        }
        StructField[] fields = new StructField[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = DataTypes.createStructField(columns.get(i), DataTypes.StringType, true);
        }
        return spark.createDataFrame(list, new StructType(fields)).repartition(partitions);
    }
}
