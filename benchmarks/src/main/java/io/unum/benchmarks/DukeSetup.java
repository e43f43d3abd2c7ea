package io.unum.benchmarks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.priv.garshol.duke.Cleaner;
import no.priv.garshol.duke.Comparator;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.cleaners.DigitsOnlyCleaner;
import no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.comparators.Levenshtein;
import no.priv.garshol.duke.databases.LuceneDatabase;
import org.apache.commons.csv.CSVRecord;

/**
 * Duke 1.2 configured for the generator's person records as a competent Duke user would: one
 * property per field with Duke's cleaners and comparators and hand-set low/high probabilities,
 * the Lucene database in memory with a bounded number of search hits, and small custom cleaners
 * for what Duke has no cleaner for (dates written in five styles; US phone numbers in many
 * forms; placeholder e-mails, phones and dates, dropped by generic rules) — Duke's
 * documentation invites such cleaners. The probabilities were adjusted by hand in a few rounds
 * against the truth of a small generated set (as a user tuning Duke on labelled data would),
 * mainly to stop households — shared surname, address and landline — from merging.
 *
 * <p>Properties (cleaner; comparator; low, high; used for the Lucene look-up):
 * <table>
 *   <caption>Duke properties</caption>
 *   <tr><td>ID</td><td>record key</td><td>identity</td></tr>
 *   <tr><td>GIVEN</td><td>lower-case/normalize; Levenshtein; 0.10, 0.85; look-up</td></tr>
 *   <tr><td>FAMILY</td><td>lower-case/normalize; Levenshtein; 0.15, 0.75; look-up</td></tr>
 *   <tr><td>MIDDLE</td><td>lower-case/normalize; Levenshtein; 0.40, 0.60</td></tr>
 *   <tr><td>DOB</td><td>ISO date, placeholders dropped (custom); exact; 0.20, 0.95; look-up</td></tr>
 *   <tr><td>EMAIL</td><td>lower-case/normalize, placeholders dropped (custom); exact; 0.45, 0.95; look-up</td></tr>
 *   <tr><td>PHONE</td><td>last ten digits, placeholders dropped (custom); exact; 0.45, 0.75; look-up</td></tr>
 *   <tr><td>ADDRESS</td><td>lower-case/normalize (number + street); Levenshtein; 0.40, 0.70; look-up</td></tr>
 *   <tr><td>POSTCODE</td><td>digits only; exact; 0.45, 0.60</td></tr>
 *   <tr><td>CITY</td><td>lower-case/normalize; exact; 0.45, 0.52</td></tr>
 *   <tr><td>CUSTOMER_ID</td><td>lower-case/normalize; exact; 0.10, 0.99</td></tr>
 *   <tr><td>LOYALTY_ID</td><td>digits only; exact; 0.10, 0.99</td></tr>
 * </table>
 * Threshold {@value #THRESHOLD}. Identifiers Unum's customer rules do not use (device, cookie,
 * social handles) are left out for Duke too, so both engines see the same evidence.
 */
final class DukeSetup {

    static final double THRESHOLD = 0.95;

    /** Lucene hits per look-up; Duke's default of 1,000,000 makes every common name a scan. */
    static final int DEFAULT_MAX_SEARCH_HITS = 50;

    private static final Cleaner LOWER = new LowerCaseNormalizeCleaner();
    private static final Cleaner DIGITS = new DigitsOnlyCleaner();
    private static final Cleaner DATE = new IsoDateCleaner();
    private static final Cleaner PHONE = new UsPhoneCleaner();
    private static final Cleaner EMAIL = new PlaceholderEmailCleaner();

    private DukeSetup() {
    }

    /** Duke's matches as clusters over record positions, with its counts. */
    record Deduplicated(SideBySide.UnionFind clusters, long matchPairs, long comparisons) {
    }

    /**
     * Runs Duke's deduplication with {@link #configuration} and joins every reported match pair.
     *
     * @param index each record's {@code ID} to its position in {@code records}
     */
    static Deduplicated deduplicate(List<Record> records, Map<String, Integer> index, int threads, int maxSearchHits) {
        SideBySide.UnionFind clusters = new SideBySide.UnionFind(records.size());
        java.util.concurrent.atomic.AtomicLong matches = new java.util.concurrent.atomic.AtomicLong();
        no.priv.garshol.duke.Processor processor = new no.priv.garshol.duke.Processor(configuration(maxSearchHits));
        processor.setThreads(threads);
        processor.addMatchListener(new no.priv.garshol.duke.matchers.AbstractMatchListener() {
            @Override
            public void matches(Record r1, Record r2, double confidence) {
                matches.incrementAndGet();
                synchronized (clusters) {
                    clusters.union(index.get(r1.getValue("ID")), index.get(r2.getValue("ID")));
                }
            }
        });
        processor.deduplicate(records);
        long comparisons = processor.getComparisonCount();
        processor.close();
        return new Deduplicated(clusters, matches.get(), comparisons);
    }

    /** The configuration, with an in-memory Lucene database. */
    static ConfigurationImpl configuration(int maxSearchHits) {
        List<Property> properties = new ArrayList<>();
        properties.add(new PropertyImpl("ID"));
        properties.add(lookup(property("GIVEN", new Levenshtein(), 0.10, 0.85)));
        properties.add(lookup(property("FAMILY", new Levenshtein(), 0.15, 0.75)));
        properties.add(property("MIDDLE", new Levenshtein(), 0.40, 0.60));
        properties.add(lookup(property("DOB", new ExactComparator(), 0.20, 0.95)));
        properties.add(lookup(property("EMAIL", new ExactComparator(), 0.45, 0.95)));
        properties.add(lookup(property("PHONE", new ExactComparator(), 0.45, 0.75)));
        properties.add(lookup(property("ADDRESS", new Levenshtein(), 0.40, 0.70)));
        properties.add(property("POSTCODE", new ExactComparator(), 0.45, 0.60));
        properties.add(property("CITY", new ExactComparator(), 0.45, 0.52));
        properties.add(property("CUSTOMER_ID", new ExactComparator(), 0.10, 0.99));
        properties.add(property("LOYALTY_ID", new ExactComparator(), 0.10, 0.99));
        ConfigurationImpl config = new ConfigurationImpl();
        config.setProperties(properties);
        config.setThreshold(THRESHOLD);
        LuceneDatabase database = new LuceneDatabase();
        database.setMaxSearchHits(maxSearchHits);
        config.setDatabase(database);
        config.validate();
        return config;
    }

    private static PropertyImpl property(String name, Comparator comparator, double low, double high) {
        return new PropertyImpl(name, comparator, low, high);
    }

    private static PropertyImpl lookup(PropertyImpl property) {
        property.setLookupBehaviour(Property.Lookup.TRUE);
        return property;
    }

    /** One generated row as a Duke record, cleaned as Duke's data sources clean columns. */
    static Record toRecord(CSVRecord row) {
        Map<String, Collection<String>> values = new HashMap<>();
        put(values, "ID", row.get("source") + "/" + row.get("record_id"));
        put(values, "GIVEN", clean(LOWER, GeneratedData.value(row, "first_name")));
        put(values, "FAMILY", clean(LOWER, GeneratedData.value(row, "last_name")));
        put(values, "MIDDLE", clean(LOWER, GeneratedData.value(row, "middle_name")));
        put(values, "DOB", clean(DATE, GeneratedData.value(row, "date_of_birth")));
        put(values, "EMAIL", clean(EMAIL, GeneratedData.value(row, "email")));
        put(values, "EMAIL", clean(EMAIL, GeneratedData.value(row, "email_2")));
        put(values, "PHONE", clean(PHONE, GeneratedData.value(row, "phone")));
        put(values, "PHONE", clean(PHONE, GeneratedData.value(row, "phone_2")));
        String number = GeneratedData.value(row, "street_number");
        String street = GeneratedData.value(row, "address_1");
        put(values, "ADDRESS", clean(LOWER, street == null ? null : number == null ? street : number + " " + street));
        put(values, "POSTCODE", clean(DIGITS, GeneratedData.value(row, "postcode")));
        put(values, "CITY", clean(LOWER, GeneratedData.value(row, "city")));
        put(values, "CUSTOMER_ID", clean(LOWER, GeneratedData.value(row, "customer_id")));
        put(values, "LOYALTY_ID", clean(DIGITS, GeneratedData.value(row, "loyalty_id")));
        return new RecordImpl(values);
    }

    private static String clean(Cleaner cleaner, String value) {
        return value == null ? null : cleaner.clean(value);
    }

    private static void put(Map<String, Collection<String>> values, String property, String value) {
        if (value != null && !value.isEmpty()) {
            Collection<String> list = values.computeIfAbsent(property, k -> new ArrayList<>(1));
            if (!list.contains(value)) {
                list.add(value);
            }
        }
    }

    /** A Duke cleaner for dates in the generator's styles: ISO, M/D/Y, YYYYMMDD, "7 Mar 1984", "March 7, 1984". */
    static final class IsoDateCleaner implements Cleaner {
        private static final DateTimeFormatter[] FORMATS = {
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM d, uuuu").toFormatter(Locale.ENGLISH),
        };

        @Override
        public String clean(String value) {
            String v = value.strip();
            for (DateTimeFormatter format : FORMATS) {
                try {
                    LocalDate date = LocalDate.parse(v, format);
                    // placeholders such as 1900-01-01 and 1911-11-11: nobody that old is a customer
                    return date.getYear() < 1915 ? null : date.toString();
                } catch (DateTimeParseException e) {
                    // next style
                }
            }
            return null;
        }
    }

    /**
     * Duke's lower-case cleaner plus generic placeholder rules (no list taken from the
     * generator): an address whose local part repeats its domain's first label
     * ({@code none@none.com}), a junk local part ({@code test}, {@code noemail}, {@code none},
     * {@code na}, {@code no}, {@code null}, {@code customer}) or a reserved domain
     * ({@code example.com}, {@code email.com}, {@code test.com}) is dropped.
     */
    static final class PlaceholderEmailCleaner implements Cleaner {
        private static final java.util.Set<String> JUNK_LOCAL = java.util.Set.of("test", "noemail", "none", "na", "no",
                "null", "customer", "nobody", "noreply");
        private static final java.util.Set<String> JUNK_DOMAIN = java.util.Set.of("example.com", "email.com",
                "test.com");

        @Override
        public String clean(String value) {
            String v = LOWER.clean(value);
            int at = v == null ? -1 : v.indexOf('@');
            if (at <= 0) {
                return v;
            }
            String local = v.substring(0, at);
            String domain = v.substring(at + 1);
            int dot = domain.indexOf('.');
            String label = dot < 0 ? domain : domain.substring(0, dot);
            return local.equals(label) || JUNK_LOCAL.contains(local) || JUNK_DOMAIN.contains(domain) ? null : v;
        }
    }

    /**
     * A Duke cleaner for US phone numbers: extension dropped, the last ten digits kept; numbers
     * of fewer than three distinct digits or {@code 1234567890} are placeholders and dropped.
     */
    static final class UsPhoneCleaner implements Cleaner {
        @Override
        public String clean(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            int ext = v.indexOf('x');
            if (ext >= 0) {
                v = v.substring(0, ext);
            }
            StringBuilder digits = new StringBuilder(v.length());
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                }
            }
            if (digits.length() < 10) {
                return null;
            }
            String ten = digits.substring(digits.length() - 10);
            return ten.chars().distinct().count() < 3 || ten.equals("1234567890") ? null : ten;
        }
    }
}
