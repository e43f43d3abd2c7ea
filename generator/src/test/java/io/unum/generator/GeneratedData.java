package io.unum.generator;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Generated records read back with commons-csv (the oracle for the CSV syntax), joined with
 * their truth, plus the small parsers and groupings the tests use to find hard negatives and
 * errors in the data itself.
 */
final class GeneratedData {

    final GenerationSummary summary;
    final String recordsCsv;
    final String truthCsv;
    final List<String> header;
    final List<Map<String, String>> rows = new ArrayList<>();
    final List<String> persons = new ArrayList<>();

    private GeneratedData(GenerationSummary summary, String recordsCsv, String truthCsv) throws IOException {
        this.summary = summary;
        this.recordsCsv = recordsCsv;
        this.truthCsv = truthCsv;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser records = CSVParser.parse(new StringReader(recordsCsv), format);
                CSVParser truth = CSVParser.parse(new StringReader(truthCsv), format)) {
            header = records.getHeaderNames();
            List<CSVRecord> truthRows = truth.getRecords();
            int i = 0;
            for (CSVRecord record : records) {
                if (record.size() != header.size()) {
                    throw new IllegalStateException("row " + record.getRecordNumber() + " has " + record.size() + " cells");
                }
                Map<String, String> row = new HashMap<>(record.toMap());
                rows.add(row);
                CSVRecord truthRow = truthRows.get(i++);
                if (!truthRow.get("record_id").equals(row.get("record_id"))) {
                    throw new IllegalStateException("truth row " + i + " is for another record");
                }
                persons.add(truthRow.get("person_id"));
            }
            if (truthRows.size() != rows.size()) {
                throw new IllegalStateException("truth has " + truthRows.size() + " rows, records " + rows.size());
            }
        }
    }

    static GeneratedData generate(long people, long seed) throws IOException {
        return generate(people, seed, true);
    }

    static GeneratedData generate(long people, long seed, boolean junk) throws IOException {
        StringBuilder records = new StringBuilder();
        StringBuilder truth = new StringBuilder();
        GenerationSummary summary = CustomerDataGenerator.newBuilder().people(people).seed(seed).junk(junk).build()
                .writeTo(records, truth);
        return new GeneratedData(summary, records.toString(), truth.toString());
    }

    int size() {
        return rows.size();
    }

    String get(int row, String column) {
        String value = rows.get(row).get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Groups the rows by a key (rows whose key is null are skipped) and counts the groups in
     * which at least two different people meet the condition on their rows.
     */
    Map<String, Map<String, List<Integer>>> groupByKey(Function<Integer, String> key) {
        Map<String, Map<String, List<Integer>>> groups = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String k = key.apply(i);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(persons.get(i), x -> new ArrayList<>())
                        .add(i);
            }
        }
        return groups;
    }

    /** Rows per person. */
    Map<String, List<Integer>> byPerson() {
        Map<String, List<Integer>> map = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            map.computeIfAbsent(persons.get(i), x -> new ArrayList<>()).add(i);
        }
        return map;
    }

    /** Distinct non-null values of a column over some rows, after a mapping. */
    Set<String> values(List<Integer> rowIndexes, String column, Function<String, String> mapping) {
        Set<String> set = new HashSet<>();
        for (int i : rowIndexes) {
            String v = get(i, column);
            if (v != null) {
                String mapped = mapping.apply(v);
                if (mapped != null) {
                    set.add(mapped);
                }
            }
        }
        return set;
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern US = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2}) ([A-Z][a-z]{2}) (\\d{4})");
    private static final Pattern MONTH_DAY = Pattern.compile("([A-Z][a-z]+) (\\d{1,2}), (\\d{4})");

    /**
     * Parses a date of birth in the documented style of its source, or returns null if it is
     * not in that style (or not a valid date).
     */
    static LocalDate parseDate(String source, String text) {
        Matcher m;
        try {
            switch (source) {
                case "crm":
                    m = ISO.matcher(text);
                    return m.matches() ? date(m.group(1), m.group(2), m.group(3)) : null;
                case "webshop":
                    m = US.matcher(text);
                    return m.matches() ? date(m.group(3), m.group(1), m.group(2)) : null;
                case "pos":
                    m = COMPACT.matcher(text);
                    return m.matches() ? date(m.group(1), m.group(2), m.group(3)) : null;
                case "newsletter":
                    m = DAY_MONTH.matcher(text);
                    return m.matches() ? date(m.group(3), month(m.group(2), Tables.MONTH_SHORT), m.group(1)) : null;
                case "support":
                    m = MONTH_DAY.matcher(text);
                    return m.matches() ? date(m.group(3), month(m.group(1), Tables.MONTH_LONG), m.group(2)) : null;
                default:
                    return null;
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String month(String name, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return Integer.toString(i + 1);
            }
        }
        return "13";
    }

    private static LocalDate date(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    /** The date of birth of a row as a date, null if absent or a placeholder year (before 1920). */
    LocalDate dob(int row) {
        String text = get(row, "date_of_birth");
        if (text == null) {
            return null;
        }
        LocalDate date = parseDate(get(row, "source"), text);
        return date == null || date.getYear() < 1920 ? null : date;
    }

    /** The ten digits of a US phone cell (country code and extension dropped), or null. */
    static String phoneDigits(String text) {
        String main = text;
        int ext = main.indexOf('x');
        if (ext >= 0) {
            main = main.substring(0, ext);
        }
        StringBuilder digits = new StringBuilder();
        for (char c : main.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            digits.deleteCharAt(0);
        }
        return digits.length() == 10 ? digits.toString() : null;
    }

    /** Lower-cased, diacritics dropped, " Jr."/" Sr." removed. */
    static String name(String text) {
        String n = Text.stripDiacritics(text).toLowerCase(Locale.ROOT);
        if (n.endsWith(" jr.") || n.endsWith(" sr.")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }

    /** Levenshtein distance (for telling typos from different names). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
