package io.unum.benchmarks;

import io.unum.generator.CustomerDataGenerator;
import io.unum.generator.GenerationSummary;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Generated customer data for the benchmarks: {@link CustomerDataGenerator} output, written once
 * per (people, seed) into a cache directory and read back with commons-csv.
 *
 * <p>Rows become {@link SourceRecord}s the way {@code unum resolve} reads the generator's columns
 * (independently written here, not shared with the CLI): the key is {@code (source, record_id)},
 * {@code observed_at} is an ISO instant, the name, date-of-birth, gender and address columns are
 * attributes of the same names, {@code email}/{@code email_2} are e-mail identifiers,
 * {@code phone}/{@code phone_2} phone identifiers, and {@code customer_id}, {@code loyalty_id},
 * {@code device_id}, {@code cookie_id}, {@code social_x}, {@code social_instagram} identifiers of
 * their types. Values are trimmed; empty cells are absent.
 *
 * <p>Not thread-safe; the returned lists are owned by the caller.
 */
final class GeneratedData {

    /** The generator writes about this many records per person. */
    static final double RECORDS_PER_PERSON = 2.95;

    static final String[] ATTRIBUTE_COLUMNS = {"first_name", "middle_name", "last_name", "date_of_birth", "gender",
        "street_number", "address_1", "address_2", "city", "state", "postcode"};

    private static final String[] IDENTIFIER_COLUMNS = {"email", "email_2", "phone", "phone_2", "customer_id",
        "loyalty_id", "device_id", "cookie_id", "social_x", "social_instagram"};

    private static final IdentifierType[] IDENTIFIER_TYPES = {IdentifierType.EMAIL, IdentifierType.EMAIL,
        IdentifierType.PHONE, IdentifierType.PHONE, IdentifierType.CUSTOMER_ID, IdentifierType.LOYALTY_ID,
        IdentifierType.DEVICE_ID, IdentifierType.COOKIE_ID, IdentifierType.SOCIAL_X, IdentifierType.SOCIAL_INSTAGRAM};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private GeneratedData() {
    }

    /** The number of people that gives about {@code records} records. */
    static long peopleFor(long records) {
        return Math.max(1, Math.round(records / RECORDS_PER_PERSON));
    }

    /** The default cache directory: {@code $UNUM_BENCH_DATA}, else {@code /tmp/unum-bench-data}. */
    static Path cacheRoot() {
        String env = System.getenv("UNUM_BENCH_DATA");
        return Path.of(env != null && !env.isBlank() ? env : System.getProperty("java.io.tmpdir") + "/unum-bench-data");
    }

    /**
     * The directory holding {@code records.csv} and {@code truth.csv} for these settings,
     * generating them first if they are not there (a {@code complete} marker guards against a
     * half-written earlier run).
     */
    static Path ensure(Path root, long people, long seed) {
        Path dir = root.resolve("people-" + people + "-seed-" + seed + "-r" + CustomerDataGenerator.REVISION);
        Path marker = dir.resolve("complete");
        try {
            if (!Files.exists(marker)) {
                long start = System.nanoTime();
                GenerationSummary summary = CustomerDataGenerator.newBuilder().people(people).seed(seed).build()
                        .writeTo(dir);
                Files.writeString(marker, summary.records() + "\n");
                System.err.printf("generated %,d records for %,d people in %.1f s into %s%n", summary.records(),
                        people, (System.nanoTime() - start) / 1e9, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate data into " + dir, e);
        }
        return dir;
    }

    /**
     * Generates a small data set in memory: each row with its person id as the last value
     * ({@code row.get("record_id")} and {@code person.get(row.get("record_id"))}).
     */
    static InMemory inMemory(long people, long seed) {
        StringBuilder records = new StringBuilder();
        StringBuilder truth = new StringBuilder();
        try {
            CustomerDataGenerator.newBuilder().people(people).seed(seed).build().writeTo(records, truth);
            List<CSVRecord> rows = CSVParser.builder().setReader(new java.io.StringReader(records.toString()))
                    .setFormat(FORMAT).get().getRecords();
            Map<String, String> persons = new HashMap<>();
            for (CSVRecord row : CSVParser.builder().setReader(new java.io.StringReader(truth.toString()))
                    .setFormat(FORMAT).get().getRecords()) {
                persons.put(row.get("record_id"), row.get("person_id"));
            }
            return new InMemory(rows, persons);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows and each record id's person id. */
    record InMemory(List<CSVRecord> rows, Map<String, String> personOf) {
    }

    /** Reads every row of {@code records.csv} in {@code dir}, handing each to {@code sink}. */
    static void forEachRow(Path dir, Consumer<CSVRecord> sink) {
        forEachRowOf(dir.resolve(CustomerDataGenerator.RECORDS_FILE), sink);
    }

    /** Reads every row of one CSV file with a header row, handing each to {@code sink}. */
    static void forEachRowOf(Path csv, Consumer<CSVRecord> sink) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            for (CSVRecord row : parser) {
                sink.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Reads {@code records.csv} into source records, in file order. */
    static List<SourceRecord> records(Path dir) {
        List<SourceRecord> records = new ArrayList<>();
        forEachRow(dir, row -> records.add(toRecord(row)));
        return records;
    }

    /** Reads at most {@code limit} rows of {@code records.csv} into source records. */
    static List<SourceRecord> records(Path dir, int limit) {
        List<SourceRecord> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(CustomerDataGenerator.RECORDS_FILE), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            for (CSVRecord row : parser) {
                if (records.size() >= limit) {
                    break;
                }
                records.add(toRecord(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return records;
    }

    /** One row as a source record. */
    static SourceRecord toRecord(CSVRecord row) {
        SourceRecord.Builder builder = SourceRecord.builder(RecordKey.of(value(row, "source"), value(row, "record_id")));
        String observed = value(row, "observed_at");
        if (observed != null) {
            try {
                builder.observedAt(Instant.parse(observed));
            } catch (DateTimeParseException e) {
                // absent, as the CLI treats an unreadable instant
            }
        }
        for (String column : ATTRIBUTE_COLUMNS) {
            builder.attribute(column, value(row, column));
        }
        for (int i = 0; i < IDENTIFIER_COLUMNS.length; i++) {
            builder.identifier(IDENTIFIER_TYPES[i], value(row, IDENTIFIER_COLUMNS[i]));
        }
        return builder.build();
    }

    /** A trimmed cell, or {@code null} when empty. */
    static String value(CSVRecord row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * The ground truth: record key to person id. Record ids are {@code <source>-<digits>}, so
     * the source is the part before the first hyphen.
     */
    static Map<RecordKey, String> truth(Path dir) {
        Map<RecordKey, String> truth = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(CustomerDataGenerator.TRUTH_FILE), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            for (CSVRecord row : parser) {
                String id = row.get("record_id");
                truth.put(RecordKey.of(id.substring(0, id.indexOf('-')), id), row.get("person_id"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the truth in " + dir, e);
        }
        return truth;
    }
}
