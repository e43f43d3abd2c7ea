package io.unum.spark;

import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps the columns of an input row to a {@link SourceRecord} by the command line's recognised
 * headers: {@code source} and {@code record_id} (or {@code id}) make the key, {@code observed_at}
 * an ISO-8601 instant, the identifier headers ({@code email}, {@code phone}, {@code customer_id},
 * {@code loyalty_id}, {@code device_id}, {@code cookie_id}, {@code national_id},
 * {@code social_<network>} or {@code <network>_handle}, each also with a {@code _2}, {@code _3}
 * … suffix) identifiers of that type, {@code person_id} (a truth label) nothing, and every other
 * column an attribute of its (lower-case) name. Values are trimmed; empty cells are absent. A row
 * without a source takes {@code defaultSource}.
 *
 * <p>Immutable and thread-safe; serializable, so it travels to the executors.
 */
final class RecordColumns implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> IDENTIFIERS = Set.of("email", "phone", "customer_id", "loyalty_id", "device_id",
            "cookie_id", "national_id");

    /** What a column is. */
    private enum Kind { ID, SOURCE, OBSERVED_AT, IDENTIFIER, ATTRIBUTE, IGNORED }

    private final String[] names;
    private final Kind[] kinds;
    /** Per identifier column: the identifier type's name. */
    private final String[] types;
    private final String defaultSource;

    RecordColumns(List<String> columns, String defaultSource) {
        int n = columns.size();
        this.names = new String[n];
        this.kinds = new Kind[n];
        this.types = new String[n];
        this.defaultSource = defaultSource;
        boolean hasId = false;
        for (int i = 0; i < n; i++) {
            String name = columns.get(i).strip().toLowerCase(Locale.ROOT);
            names[i] = name;
            String base = name.replaceFirst("_[0-9]+$", "");
            if (name.equals("record_id") || (name.equals("id") && !columns.contains("record_id"))) {
                kinds[i] = Kind.ID;
                hasId = true;
            } else if (name.equals("source")) {
                kinds[i] = Kind.SOURCE;
            } else if (name.equals("observed_at")) {
                kinds[i] = Kind.OBSERVED_AT;
            } else if (name.equals("person_id")) {
                kinds[i] = Kind.IGNORED;
            } else if (IDENTIFIERS.contains(base)) {
                kinds[i] = Kind.IDENTIFIER;
                types[i] = base;
            } else if (base.startsWith("social_") && base.length() > "social_".length()) {
                kinds[i] = Kind.IDENTIFIER;
                types[i] = "social:" + base.substring("social_".length());
            } else if (base.endsWith("_handle") && base.length() > "_handle".length()) {
                kinds[i] = Kind.IDENTIFIER;
                types[i] = "social:" + base.substring(0, base.length() - "_handle".length());
            } else {
                kinds[i] = Kind.ATTRIBUTE;
            }
        }
        if (!hasId) {
            throw new IllegalArgumentException("input: no record_id column; expected a column named record_id (or id)");
        }
    }

    /** The result of mapping one row: a record, or the problem that kept it out. */
    record Mapped(SourceRecord record, String field, String problem) {
    }

    /**
     * Maps one row.
     *
     * @param cells the row's values as text, in column order ({@code null} for absent)
     */
    Mapped map(String[] cells) {
        String id = null;
        String source = null;
        Instant observedAt = null;
        String badInstant = null;
        for (int i = 0; i < names.length; i++) {
            String v = clean(cells[i]);
            if (v == null) {
                continue;
            }
            switch (kinds[i]) {
                case ID -> id = id == null ? v : id;
                case SOURCE -> source = source == null ? v : source;
                case OBSERVED_AT -> {
                    try {
                        observedAt = Instant.parse(v);
                    } catch (DateTimeParseException e) {
                        badInstant = names[i];
                    }
                }
                default -> { }
            }
        }
        if (id == null) {
            return new Mapped(null, "record_id", "MISSING_RECORD_ID");
        }
        SourceRecord.Builder builder = SourceRecord.builder(RecordKey.of(source == null ? defaultSource : source, id));
        if (observedAt != null) {
            builder.observedAt(observedAt);
        }
        for (int i = 0; i < names.length; i++) {
            String v = clean(cells[i]);
            if (v == null) {
                continue;
            }
            if (kinds[i] == Kind.IDENTIFIER) {
                builder.identifier(IdentifierType.named(types[i]), v);
            } else if (kinds[i] == Kind.ATTRIBUTE) {
                builder.attribute(names[i], v);
            }
        }
        return new Mapped(builder.build(), badInstant, badInstant == null ? null : "UNREADABLE_OBSERVED_AT");
    }

    private static String clean(String v) {
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }
}
