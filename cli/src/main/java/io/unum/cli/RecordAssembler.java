package io.unum.cli;

import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one {@link SourceRecord} from the (column, value) pairs of one input row, whatever the
 * format. Empty values are absent. Several values for one target:
 * <ul>
 *   <li>identifiers: each distinct value is an identifier (a record may have several e-mails);</li>
 *   <li>attributes: the first value keeps the attribute's name, each further distinct value is
 *       kept as {@code <name>_2}, {@code <name>_3}, ... (nothing is dropped);</li>
 *   <li>record id, source, observation time and truth label: the first value counts.</li>
 * </ul>
 * The source is the row's source value, else the mapping's fixed source, else the input's base
 * name. A row without an id gets {@code row-N}. Warnings name the input, row and column, never a
 * value. One use per input; not thread-safe.
 */
final class RecordAssembler {

    private static final int MAX_OBSERVED_AT_WARNINGS = 5;

    private final String inputName;
    private final String rowWord;
    private final String defaultSource;
    private final List<String> warnings;
    private int observedAtWarnings;

    private long number;
    private String id;
    private String source;
    private Instant observedAt;
    private String truthLabel;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private final List<ColumnTarget.Identifier> identifierTypes = new ArrayList<>();
    private final List<String> identifierValues = new ArrayList<>();

    /**
     * @param inputName the input's name, for warnings
     * @param rowWord {@code "row"} or {@code "line"}, for warnings
     * @param defaultSource the source of records without a source value
     * @param warnings receives warnings
     */
    RecordAssembler(String inputName, String rowWord, String defaultSource, List<String> warnings) {
        this.inputName = Objects.requireNonNull(inputName, "inputName");
        this.rowWord = Objects.requireNonNull(rowWord, "rowWord");
        this.defaultSource = Objects.requireNonNull(defaultSource, "defaultSource");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Starts a row. */
    void begin(long rowNumber) {
        number = rowNumber;
        id = null;
        source = null;
        observedAt = null;
        truthLabel = null;
        attributes.clear();
        identifierTypes.clear();
        identifierValues.clear();
    }

    /**
     * Adds one value.
     *
     * @param column the column's name as written, for warnings
     * @param target where it goes
     * @param value the value, trimmed; empty is absent
     */
    void add(String column, ColumnTarget target, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (target instanceof ColumnTarget.Attribute a) {
            List<String> values = attributes.computeIfAbsent(a.name(), k -> new ArrayList<>(1));
            if (!values.contains(value)) {
                values.add(value);
            }
        } else if (target instanceof ColumnTarget.Identifier i) {
            identifierTypes.add(i);
            identifierValues.add(value);
        } else if (target instanceof ColumnTarget.Id) {
            if (id == null) {
                id = value;
            }
        } else if (target instanceof ColumnTarget.Source) {
            if (source == null) {
                source = value;
            }
        } else if (target instanceof ColumnTarget.ObservedAt) {
            if (observedAt == null) {
                Instant at = parseInstant(value);
                if (at != null) {
                    observedAt = at;
                } else if (observedAtWarnings++ < MAX_OBSERVED_AT_WARNINGS) {
                    warnings.add(inputName + " " + rowWord + " " + number + ": column " + column.strip()
                            + " is not an ISO-8601 instant or date; treated as absent");
                }
            }
        } else if (target instanceof ColumnTarget.Truth) {
            if (truthLabel == null) {
                truthLabel = value;
            }
        }
    }

    /** Whether the current row has a record id so far. */
    boolean hasId() {
        return id != null;
    }

    /**
     * Finishes the row.
     *
     * @param fixedSource the mapping's fixed source, or {@code null}
     * @throws InputException if the id or source is longer than {@link RecordKey#MAX_LENGTH}
     */
    Inputs.Row finish(String fixedSource) {
        String rowId = id != null ? id : "row-" + number;
        String rowSource = source != null ? source : fixedSource != null ? fixedSource : defaultSource;
        if (rowId.length() > RecordKey.MAX_LENGTH || rowSource.length() > RecordKey.MAX_LENGTH) {
            throw new InputException(inputName + " " + rowWord + " " + number + ": the record "
                    + (rowId.length() > RecordKey.MAX_LENGTH ? "id" : "source") + " is longer than "
                    + RecordKey.MAX_LENGTH + " characters");
        }
        SourceRecord.Builder builder = SourceRecord.builder(RecordKey.of(rowSource, rowId));
        if (observedAt != null) {
            builder.observedAt(observedAt);
        }
        for (Map.Entry<String, List<String>> attribute : attributes.entrySet()) {
            List<String> values = attribute.getValue();
            builder.attribute(attribute.getKey(), values.get(0));
            for (int i = 1; i < values.size(); i++) {
                builder.attribute(attribute.getKey() + "_" + (i + 1), values.get(i));
            }
        }
        for (int i = 0; i < identifierTypes.size(); i++) {
            builder.identifier(identifierTypes.get(i).type(), identifierValues.get(i));
        }
        return new Inputs.Row(inputName, number, builder.build(), truthLabel);
    }

    /** An ISO instant, a local date-time (taken as UTC) or a date (start of day UTC); else {@code null}. */
    /**
     * The common form {@code yyyy-MM-ddTHH:mm:ssZ} without the formatter (which costs a few
     * microseconds a value); {@code null} for anything else, including invalid dates, which the
     * formatters then judge.
     */
    private static Instant parseUtcSeconds(String v) {
        if (v.length() != 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code v[from, to)}, or -1 unless it is all ASCII digits. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static Instant parseInstant(String value) {
        String v = value.strip();
        Instant fast = parseUtcSeconds(v);
        return fast != null ? fast : parseWithFormatters(v);
    }

    /** {@link #parseInstant} through {@code java.time}'s formatters alone (the reference of the fast path). */
    static Instant parseWithFormatters(String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
