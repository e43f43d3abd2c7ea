package io.unum.generator;

import io.unum.ProgressListener;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A seeded generator of realistic multi-source customer records with ground truth, for
 * measuring match quality and throughput.
 *
 * <pre>{@code
 * GenerationSummary summary = CustomerDataGenerator.newBuilder()
 *     .people(340_000).seed(42).build()
 *     .writeTo(Path.of("out"));   // out/records.csv (about 1,000,000 rows) and out/truth.csv
 * }</pre>
 *
 * <p><b>What it makes.</b> People live in households (singles, couples, families, roommates) in
 * 40 US cities. Each person has about 2.7 personal e-mail addresses, US phone numbers, cookie and
 * device ids, sometimes social handles, a CRM customer id and a loyalty card, and appears in one
 * to a handful of {@link Source sources}, about 2.95 records per person on average (so
 * {@code people = 340,000} gives about a million records). Each source fills its own columns in
 * its own style (see {@link Source}).
 *
 * <p><b>Error model</b> ({@link ErrorKind}): typos, nicknames, swapped names, dropped
 * diacritics, date-of-birth variants, moved addresses and name changes (records observed before
 * the change carry the old value), e-mail variants and typos, phone typos, missing values.
 *
 * <p><b>Hard negatives</b> ({@link HardNegative}): households sharing address, landline, family
 * e-mail and devices; twins; junior/senior; strangers with very common names in one of three
 * crowded cities; placeholder junk ({@code test@test.com}, {@code 000-000-0000},
 * {@code 1900-01-01}) shared by many strangers. Rates are chosen so that good rules reach a high
 * but not a trivial F1.
 *
 * <p><b>Junk</b> ({@link JunkKind}, from revision 3, on unless {@link Builder#junk(boolean)
 * junk(false)}): the values real shops put into records that are on no placeholder list yet
 * shared by many different people, laid over the rendered records without changing whose record
 * it is. The customers shop at a chain whose size follows the data set, as real chains do: it
 * has about {@code sqrt(people) / 3} shops, spread over the cities as the households are, with
 * at least one per city (46 shops at 10,000 people, 107 at 100,000, 208 at 340,000, that is a
 * million records, 324 at a million people), so a shop serves on average 217, 934, 1,634 and
 * 3,086 of the people; a household shops at one shop of its city, the city's first (flagship)
 * shop more often. Per shop and per record:
 * <table>
 * <caption>Junk rates</caption>
 * <tr><th>kind</th><th>shops with the habit</th><th>per record</th></tr>
 * <tr><td>{@link JunkKind#DEFAULT_LOYALTY_ID}</td><td>40 %; a quarter of them one of two
 *     chain-wide defaults ({@code 0000000001}, the chain's prefix and zeros), the others their
 *     own number</td><td>60 % of their POS records without a card number</td></tr>
 * <tr><td>{@link JunkKind#SHOP_PHONE}</td><td>50 %</td><td>8 % of their POS records, 1 % of
 *     the web shop records of their customers (orders at the shop's kiosk)</td></tr>
 * <tr><td>{@link JunkKind#SHOP_EMAIL}</td><td>40 %; a third of them
 *     {@code noemail@<chain domain>}, the others their own</td><td>8 % of their POS records
 *     without an e-mail</td></tr>
 * <tr><td>{@link JunkKind#AGENCY_EMAIL}</td><td>{@code sqrt(people) / 10} agencies (at least
 *     2, skewed in size) register 1.5 % of the people</td><td>70 % of their clients' web shop,
 *     60 % of support, 30 % of newsletter records</td></tr>
 * <tr><td>{@link JunkKind#FAMILY_EMAIL}</td><td>15 % of the children of family households were
 *     registered by their mother</td><td>80 % of their web shop, 50 % of newsletter
 *     records</td></tr>
 * </table>
 * So the share of records with junk stays about the same at every size (measured for seed 1
 * from 10,000 to 1,000,000 people: default cards on about 1.1 % of the records, shop phones on
 * 0.75 to 0.9 %, shop e-mails on 0.4 %, agency e-mails on 0.5 %, parents' e-mails on 1.25 %),
 * while the people sharing one shop or agency value grow with {@code sqrt(people)} and
 * those sharing a chain-wide default with {@code people}: at 10,000 people a shop's default card
 * is shared by a few dozen people, at a million records by a hundred or more and a chain-wide
 * one by thousands, which is how junk that is harmless in a small sample takes over profiles at
 * scale. A family's sharing stays within its household at any size.
 * {@link GenerationSummary#junk()} reports the records, values and most people per value of
 * each kind.
 *
 * <p><b>Output.</b> {@code records.csv} has the columns {@link #RECORD_COLUMNS} in that order,
 * {@code truth.csv} the columns {@link #TRUTH_COLUMNS}, with one truth row per record in the
 * same order. Both are RFC 4180 CSV in UTF-8 with {@code \n} line ends and a header row; empty
 * cells are absent values. Record ids are {@code <source>-<7+ digits>}, numbered per source in
 * file order; person ids are {@code P<7+ digits>}. A person's records are spread over the file
 * by a bounded shuffle window.
 *
 * <p><b>Names.</b> Given names come from lists of common US names (with nicknames); half of the
 * surnames come from a list of common ones and half are composed from syllables, so that, as in
 * a real customer base, most surnames are rare and strangers share a surname only when it is a
 * common one.
 *
 * <p><b>In memory.</b> {@link #records()} gives the same records as {@link SourceRecord}s with
 * their truth, mapped from the columns by {@link #toRecord(Function)} (which also maps a row read
 * back from {@code records.csv}).
 *
 * <p><b>Guarantees.</b> The same settings and {@link #REVISION} give byte-identical files on
 * every JVM (the random generator is SplitMix64, implemented here). Generation streams: memory stays constant
 * whatever the number of people (one household and a shuffle window of 16,384 records are held
 * at a time), except for the junk counts, which keep the numbers of the people carrying a shop's
 * or an agency's value (a few percent of the people). Customer ids, loyalty ids, personal
 * e-mails, handles and phone numbers are unique per person up to about 2.6 million people; past
 * that, phone numbers may collide by chance. Junk values are the exception by design: they are
 * shared by many people, and a shop's phone or default card number may by chance equal a
 * person's own.
 *
 * <p>Instances are immutable and thread-safe; each call to {@code writeTo} or {@code records} is independent.
 * Defaults: 1,000 people, seed 0, junk on, no progress reports.
 */
public final class CustomerDataGenerator {

    /**
     * The revision of the generator's output: it changes whenever the same settings start to
     * give different files, so that cached data sets can be told apart. Revision 2 composes
     * half of the surnames (before, every surname came from a list of about 200). Revision 3
     * lays {@link JunkKind junk values} over the records (on by default); with
     * {@link Builder#junk(boolean) junk(false)} it writes exactly the files of revision 2.
     */
    public static final int REVISION = 3;

    /** The columns of {@code records.csv}, in order. */
    public static final List<String> RECORD_COLUMNS = List.of("record_id", "source", "observed_at", "first_name",
            "middle_name", "last_name", "date_of_birth", "gender", "email", "email_2", "phone", "phone_2",
            "street_number", "address_1", "address_2", "city", "state", "postcode", "customer_id", "loyalty_id",
            "device_id", "cookie_id", "social_x", "social_instagram");

    /** The columns of {@code records.csv} that {@link #toRecord} makes attributes of the same names, in order. */
    public static final List<String> ATTRIBUTE_COLUMNS = List.of("first_name", "middle_name", "last_name",
            "date_of_birth", "gender", "street_number", "address_1", "address_2", "city", "state", "postcode");

    /** The columns of {@code records.csv} that {@link #toRecord} makes identifiers, with their types, in order. */
    public static final Map<String, IdentifierType> IDENTIFIER_COLUMNS = identifierColumns();

    /** The columns of {@code truth.csv}, in order. */
    public static final List<String> TRUTH_COLUMNS = List.of("record_id", "person_id");

    /** The file name of the records in the directory given to {@link #writeTo(Path)}. */
    public static final String RECORDS_FILE = "records.csv";

    /** The file name of the ground truth in the directory given to {@link #writeTo(Path)}. */
    public static final String TRUTH_FILE = "truth.csv";

    static final int SHUFFLE_WINDOW = 1 << 14;
    private static final int CHUNK = 1 << 16;

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private static final Map<String, Integer> COLUMN_INDEX = columnIndex();

    private final long people;
    private final long seed;
    private final boolean junk;
    private final ProgressListener progress;

    private CustomerDataGenerator(long people, long seed, boolean junk, ProgressListener progress) {
        this.people = people;
        this.seed = seed;
        this.junk = junk;
        this.progress = progress;
    }

    /** Starts a generator definition. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The number of people to generate. */
    public long people() {
        return people;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Whether {@link JunkKind junk values} are laid over the records (the default). */
    public boolean junk() {
        return junk;
    }

    /**
     * Writes {@link #RECORDS_FILE} and {@link #TRUTH_FILE} into a directory, creating it if
     * needed and replacing the files if they exist.
     *
     * @param directory the output directory
     * @return what was written
     * @throws IOException if a file cannot be written; the files may then be incomplete
     */
    public GenerationSummary writeTo(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        try (Writer records = new BufferedWriter(Files.newBufferedWriter(directory.resolve(RECORDS_FILE),
                StandardCharsets.UTF_8), 1 << 16);
                Writer truth = new BufferedWriter(Files.newBufferedWriter(directory.resolve(TRUTH_FILE),
                        StandardCharsets.UTF_8), 1 << 16)) {
            return writeTo(records, truth);
        }
    }

    /**
     * Writes the records and the truth as CSV to two appendables, which are flushed but not
     * closed.
     *
     * @param records receives {@code records.csv}
     * @param truth receives {@code truth.csv}
     * @return what was written
     * @throws IOException if an appendable throws
     */
    public GenerationSummary writeTo(Appendable records, Appendable truth) throws IOException {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(truth, "truth");
        // The printers write to unsynchronized buffers that are handed on in large chunks: a
        // Writer takes a lock per call, and CSVPrinter makes several calls per cell.
        StringBuilder recordBuffer = new StringBuilder(CHUNK + 4096);
        StringBuilder truthBuffer = new StringBuilder(CHUNK + 256);
        CSVPrinter recordPrinter = new CSVPrinter(recordBuffer, CSV);
        CSVPrinter truthPrinter = new CSVPrinter(truthBuffer, CSV);
        recordPrinter.printRecord(RECORD_COLUMNS);
        truthPrinter.printRecord(TRUTH_COLUMNS);
        GenerationSummary summary = generate((row, personId) -> {
            recordPrinter.printRecord((Object[]) row);
            truthPrinter.printRecord(row[Renderer.RECORD_ID], personId);
            if (recordBuffer.length() >= CHUNK) {
                handOn(recordBuffer, records);
                handOn(truthBuffer, truth);
            }
        });
        handOn(recordBuffer, records);
        handOn(truthBuffer, truth);
        if (records instanceof Flushable flushable) {
            flushable.flush();
        }
        if (truth instanceof Flushable flushable) {
            flushable.flush();
        }
        progress.onProgress("people", people, people);
        return summary;
    }

    /**
     * Generates the records in memory, as {@link SourceRecord}s in the order of
     * {@code records.csv}, with their ground truth: the same records that reading
     * {@code records.csv} row by row with {@link #toRecord(Function)} gives. Memory grows with
     * the number of people (about 1 KB per record): meant for tests and for data sets that fit
     * comfortably in the heap; {@link #writeTo(Path)} streams.
     *
     * @return the records, their truth and what was generated
     */
    public GeneratedRecords records() {
        List<SourceRecord> records = new ArrayList<>();
        Map<RecordKey, String> truth = new LinkedHashMap<>();
        GenerationSummary summary;
        try {
            summary = generate((row, personId) -> {
                SourceRecord record = toRecord(column -> {
                    Integer index = COLUMN_INDEX.get(column);
                    return index == null ? null : row[index];
                });
                records.add(record);
                truth.put(record.key(), personId);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink above writes nowhere
        }
        progress.onProgress("people", people, people);
        return new GeneratedRecords(records, truth, summary);
    }

    /**
     * One row of {@code records.csv} as a {@link SourceRecord}, the way {@code unum resolve}
     * reads the generator's columns: the key is ({@code source}, {@code record_id});
     * {@code observed_at} is an ISO-8601 instant (absent, so {@link Instant#EPOCH}, when it does
     * not parse); the columns {@link #ATTRIBUTE_COLUMNS} are attributes of the same names; the
     * columns {@link #IDENTIFIER_COLUMNS} are identifiers of the types given there
     * ({@code email}/{@code email_2} e-mail, {@code phone}/{@code phone_2} phone, then customer,
     * loyalty, device and cookie ids and the two social handles). Values are trimmed
     * ({@link String#strip()}); empty cells are absent.
     *
     * <pre>{@code
     * for (CSVRecord row : parser) {            // commons-csv, with the header row as names
     *     records.add(CustomerDataGenerator.toRecord(row::get));
     * }
     * }</pre>
     *
     * @param cell gives a row's cell by column name ({@code null} or empty for an absent value)
     * @return the record
     * @throws IllegalArgumentException if the {@code source} or {@code record_id} cell is empty
     */
    public static SourceRecord toRecord(Function<String, String> cell) {
        Objects.requireNonNull(cell, "cell");
        String source = cell(cell, "source");
        String id = cell(cell, "record_id");
        if (source == null || id == null) {
            throw new IllegalArgumentException("a generated row needs a source and a record_id, had " + source + " and "
                    + id);
        }
        SourceRecord.Builder builder = SourceRecord.builder(RecordKey.of(source, id));
        String observed = cell(cell, "observed_at");
        if (observed != null) {
            try {
                builder.observedAt(Instant.parse(observed));
            } catch (DateTimeParseException e) {
                // absent, as unum resolve treats an unreadable instant
            }
        }
        for (String column : ATTRIBUTE_COLUMNS) {
            builder.attribute(column, cell(cell, column));
        }
        IDENTIFIER_COLUMNS.forEach((column, type) -> builder.identifier(type, cell(cell, column)));
        return builder.build();
    }

    /** A trimmed cell, or {@code null} when absent or empty. */
    private static String cell(Function<String, String> cell, String column) {
        String v = cell.apply(column);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    /** Receives each generated row (in {@link #RECORD_COLUMNS} order, record id set) in output order. */
    private interface RowSink {
        void accept(String[] row, String personId) throws IOException;
    }

    /** Generates every row in output order into {@code sink}; the caller reports the end of the stage. */
    private GenerationSummary generate(RowSink sink) throws IOException {
        long[] bySource = new long[Source.values().length];
        Shuffler shuffler = new Shuffler(SHUFFLE_WINDOW, Rng.stream(seed, -1), (row, source, personId) -> {
            String recordId = source.id() + "-" + Person.pad(++bySource[source.ordinal()], 7);
            row[Renderer.RECORD_ID] = recordId;
            sink.accept(row, personId);
        });

        Households households = new Households(seed);
        Renderer renderer = new Renderer();
        Junk junkModel = junk ? new Junk(seed, people) : null;
        long[] hardNegatives = new long[HardNegative.values().length];
        long personalEmails = 0;
        long made = 0;
        long household = 0;
        long step = Math.max(1, people / 200);
        long nextReport = step;
        progress.onProgress("people", 0, people);
        while (made < people) {
            Rng rng = Rng.stream(seed, household);
            List<Person> members = households.build(household, made, (int) Math.min(8, people - made), rng);
            // junk draws from its own stream, so the records under it are those of revision 2
            Rng junkRng = junkModel == null ? null : Junk.stream(seed, household);
            if (junkModel != null) {
                junkModel.plan(members, junkRng);
            }
            for (Person person : members) {
                personalEmails += person.emails.length;
                for (HardNegative kind : HardNegative.values()) {
                    if (person.is(kind)) {
                        hardNegatives[kind.ordinal()]++;
                    }
                }
                for (Source source : Source.values()) {
                    for (int i = 0; i < person.records[source.ordinal()]; i++) {
                        String[] row = renderer.render(person, source, rng);
                        if (junkModel != null) {
                            junkModel.apply(row, person, source, junkRng);
                        }
                        shuffler.add(row, source, person.id);
                    }
                }
            }
            made += members.size();
            household++;
            if (made >= nextReport && made < people) {
                progress.onProgress("people", made, people);
                nextReport = made + step;
            }
        }
        shuffler.drain();

        hardNegatives[HardNegative.PLACEHOLDER_VALUE.ordinal()] = renderer.placeholders();
        long total = 0;
        Map<Source, Long> sources = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            sources.put(source, bySource[source.ordinal()]);
            total += bySource[source.ordinal()];
        }
        return new GenerationSummary(people, household, total, personalEmails, sources,
                counts(HardNegative.class, hardNegatives), counts(ErrorKind.class, renderer.errors()),
                junkModel == null ? Junk.none() : junkModel.statistics());
    }

    private static Map<String, IdentifierType> identifierColumns() {
        Map<String, IdentifierType> map = new LinkedHashMap<>();
        map.put("email", IdentifierType.EMAIL);
        map.put("email_2", IdentifierType.EMAIL);
        map.put("phone", IdentifierType.PHONE);
        map.put("phone_2", IdentifierType.PHONE);
        map.put("customer_id", IdentifierType.CUSTOMER_ID);
        map.put("loyalty_id", IdentifierType.LOYALTY_ID);
        map.put("device_id", IdentifierType.DEVICE_ID);
        map.put("cookie_id", IdentifierType.COOKIE_ID);
        map.put("social_x", IdentifierType.SOCIAL_X);
        map.put("social_instagram", IdentifierType.SOCIAL_INSTAGRAM);
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Integer> columnIndex() {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < RECORD_COLUMNS.size(); i++) {
            map.put(RECORD_COLUMNS.get(i), i);
        }
        return Map.copyOf(map);
    }

    private static void handOn(StringBuilder buffer, Appendable out) throws IOException {
        out.append(buffer);
        buffer.setLength(0);
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, long[] values) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E key : type.getEnumConstants()) {
            map.put(key, values[key.ordinal()]);
        }
        return map;
    }

    @Override
    public String toString() {
        return "CustomerDataGenerator[people=" + people + ", seed=" + seed + ", junk=" + junk + "]";
    }

    /** Defines a {@link CustomerDataGenerator}. Each setting may be set once. Not thread-safe. */
    public static final class Builder {
        private Long people;
        private Long seed;
        private Boolean junk;
        private ProgressListener progress;

        private Builder() {
        }

        /** The number of people (default 1,000); about 2.95 records each (340,000 people give about 1,000,000 records). At least 1. */
        public Builder people(long value) {
            if (people != null) {
                throw new IllegalStateException("people was already set to " + people);
            }
            if (value < 1) {
                throw new IllegalArgumentException("people must be at least 1, was " + value);
            }
            people = value;
            return this;
        }

        /** The seed (default 0): equal seeds and people give byte-identical output. */
        public Builder seed(long value) {
            if (seed != null) {
                throw new IllegalStateException("seed was already set to " + seed);
            }
            seed = value;
            return this;
        }

        /**
         * Whether to lay {@link JunkKind junk values} over the records (default {@code true}):
         * shops' default loyalty cards, shop phones and made-up shop e-mails, agency and
         * parents' e-mails. With {@code false} the files are exactly those of revision 2, and
         * with {@code true} only the cells holding junk differ from them; the truth is the same
         * either way.
         */
        public Builder junk(boolean value) {
            if (junk != null) {
                throw new IllegalStateException("junk was already set to " + junk);
            }
            junk = value;
            return this;
        }

        /**
         * Receives progress in stage {@code "people"}: people generated out of the total, about
         * 200 reports per run, from the writing thread.
         */
        public Builder progressListener(ProgressListener value) {
            Objects.requireNonNull(value, "progressListener");
            if (progress != null) {
                throw new IllegalStateException("progressListener was already set");
            }
            progress = value;
            return this;
        }

        /** Builds the immutable generator. */
        public CustomerDataGenerator build() {
            return new CustomerDataGenerator(people == null ? 1_000 : people, seed == null ? 0 : seed,
                    junk == null || junk, progress == null ? ProgressListener.NONE : progress);
        }
    }
}
