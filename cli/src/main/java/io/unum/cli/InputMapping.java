package io.unum.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A mapping file ({@code --mapping FILE.json}): tells the CLI what the columns of an input mean
 * when their headers are not recognized, or are recognized wrongly.
 *
 * <pre>{@code
 * {
 *   "columns":  {"cust_no": "customer_id", "fname": "first_name", "e_mail": "email",
 *                "whatsapp": "identifier:whatsapp", "fav": "attribute:favourite_colour"},
 *   "id":       "cust_no",
 *   "source":   "crm",
 *   "ignore":   ["cluster", "notes"],
 *   "unmapped": "auto"
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code columns}: input column (CSV header or flattened JSON key) to field. Fields are
 *       {@link #FIELD_NAMES}: {@code record_id}, {@code source}, {@code observed_at},
 *       {@code ignore}, an attribute ({@code first_name}, {@code last_name}, {@code date_of_birth},
 *       {@code address_1}, {@code postcode}, ...), an identifier ({@code email}, {@code phone},
 *       {@code national_id}, {@code customer_id}, {@code loyalty_id}, {@code device_id},
 *       {@code cookie_id}), or {@code attribute:<name>}, {@code identifier:<type>},
 *       {@code social:<network>} for any other attribute, identifier type or social network.</li>
 *   <li>{@code id}: the column holding the record id (the same as mapping it to {@code record_id}).</li>
 *   <li>{@code source}: a fixed source name for every record of the inputs (instead of a source
 *       column or the file name).</li>
 *   <li>{@code ignore}: columns not to read.</li>
 *   <li>{@code unmapped}: what to do with the other columns: {@code "auto"} (default) recognizes
 *       them by their header as without a mapping; {@code "ignore"} does not read them.</li>
 * </ul>
 *
 * <p>Column names are compared as {@link ColumnMapping#normalize normalized} headers (trimmed,
 * lower-case, spaces and hyphens as underscores). When the mapping names a record id column (or
 * a source column or fixed source), other columns that would be recognized as one become plain
 * attributes. Every problem is an {@link IllegalArgumentException} naming the file and the key at
 * fault; nothing is half-applied.
 *
 * @param columns normalized column name to target, in file order
 * @param source the fixed source name, or {@code null}
 * @param autoDetect whether unmapped columns are recognized by header ({@code false}: ignored)
 * @param keys normalized column name to the mapping key that names it ({@code "columns.fname"},
 *        {@code "id"}, {@code "ignore[0]"}), for messages
 * @param fileName the mapping file's name, for messages ({@code ""} for {@link #NONE})
 */
record InputMapping(Map<String, ColumnTarget> columns, String source, boolean autoDetect, Map<String, String> keys,
        String fileName) {

    /** No mapping: every column recognized by its header. */
    static final InputMapping NONE = new InputMapping(Map.of(), null, true, Map.of(), "");

    /** The plain field names a column may map to (besides the {@code attribute:} forms). */
    static final Map<String, ColumnTarget> FIELD_NAMES;

    private static final List<String> TOP_LEVEL_KEYS = List.of("columns", "id", "source", "ignore", "unmapped");

    static {
        Map<String, ColumnTarget> fields = new LinkedHashMap<>();
        fields.put("record_id", new ColumnTarget.Id());
        fields.put("source", new ColumnTarget.Source());
        fields.put("observed_at", new ColumnTarget.ObservedAt());
        fields.put("ignore", new ColumnTarget.Ignored());
        for (String attribute : List.of(Attributes.FIRST_NAME, Attributes.MIDDLE_NAME, Attributes.LAST_NAME,
                Attributes.FULL_NAME, Attributes.DATE_OF_BIRTH, Attributes.GENDER, Attributes.STREET_NUMBER,
                Attributes.ADDRESS_1, Attributes.ADDRESS_2, Attributes.CITY, Attributes.STATE, Attributes.POSTCODE,
                Attributes.COUNTRY, Attributes.NATIVE_NAME, Attributes.ORGANIZATION_NAME)) {
            fields.put(attribute, new ColumnTarget.Attribute(attribute));
        }
        for (IdentifierType type : List.of(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.NATIONAL_ID,
                IdentifierType.CUSTOMER_ID, IdentifierType.LOYALTY_ID, IdentifierType.DEVICE_ID,
                IdentifierType.COOKIE_ID)) {
            fields.put(type.name(), new ColumnTarget.Identifier(type));
        }
        FIELD_NAMES = Collections.unmodifiableMap(fields);
    }

    InputMapping {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(columns, "columns")));
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(keys, "keys")));
        Objects.requireNonNull(fileName, "fileName");
    }

    /**
     * Checks that the mapping's record id column is among one input's columns: without it, every
     * row would silently be numbered instead.
     *
     * @param input the input's name
     * @param columns the input's columns as written
     * @throws InputException naming the mapping key, the column and the columns found
     */
    void checkIdColumn(String input, List<String> columns) {
        for (Map.Entry<String, ColumnTarget> column : this.columns.entrySet()) {
            if (column.getValue() instanceof ColumnTarget.Id && !hasColumn(columns, column.getKey())) {
                throw new InputException(prefix(fileName) + "\"" + keys.get(column.getKey()) + "\" names the record id"
                        + " column " + column.getKey() + ", which " + input + " does not have; its columns are "
                        + strip(columns));
            }
        }
    }

    /**
     * Checks that every column the mapping names is in at least one input (a typo would otherwise
     * leave the column read by its header, or not at all).
     *
     * @param found the normalized names of every input's columns
     * @param shown the columns as written, for the message
     * @throws InputException naming the mapping key, the column and the columns found
     */
    void checkColumnsFound(java.util.Set<String> found, java.util.Collection<String> shown) {
        for (String column : columns.keySet()) {
            if (!found.contains(column)) {
                throw new InputException(prefix(fileName) + "\"" + keys.get(column) + "\" names column " + column
                        + ", which no input has; the columns found are " + shown);
            }
        }
    }

    private static boolean hasColumn(List<String> columns, String normalized) {
        for (String column : columns) {
            if (ColumnMapping.normalize(column).equals(normalized)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strip(List<String> columns) {
        List<String> stripped = new java.util.ArrayList<>(columns.size());
        for (String column : columns) {
            stripped.add(ColumnMapping.normalize(column).isEmpty() ? "(blank)" : column.strip());
        }
        return stripped;
    }

    /** Whether the mapping names the record id column. */
    boolean mapsId() {
        return columns.containsValue(new ColumnTarget.Id());
    }

    /** Whether the mapping fixes the source or names the source column. */
    boolean mapsSource() {
        return source != null || columns.containsValue(new ColumnTarget.Source());
    }

    /** Reads and validates a mapping file. */
    static InputMapping read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("mapping file " + file.getFileName() + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read mapping file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString());
    }

    /**
     * Parses and validates a mapping.
     *
     * @param json the mapping file's text
     * @param name the file's name, for messages
     */
    static InputMapping parse(String json, String name) {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("mapping file " + name + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(prefix(name) + "must hold a JSON object with the keys " + TOP_LEVEL_KEYS
                    + ", was " + kind(root));
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new IllegalArgumentException(prefix(name) + "unknown key \"" + key + "\"; expected one of "
                        + String.join(", ", TOP_LEVEL_KEYS));
            }
        }

        Map<String, ColumnTarget> columns = new LinkedHashMap<>();
        Map<String, String> keyOf = new LinkedHashMap<>(); // normalized column -> the JSON key that set it
        JsonNode columnsNode = root.get("columns");
        if (columnsNode != null) {
            if (!columnsNode.isObject()) {
                throw new IllegalArgumentException(prefix(name) + "\"columns\" must be an object of column name to field, was "
                        + kind(columnsNode));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = columnsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = "columns." + entry.getKey();
                if (!entry.getValue().isTextual()) {
                    throw new IllegalArgumentException(prefix(name) + "\"" + key + "\" must be a field name (a string), was "
                            + kind(entry.getValue()));
                }
                put(name, columns, keyOf, column(name, key, entry.getKey()), field(name, key, entry.getValue().asText()),
                        key);
            }
        }
        JsonNode id = root.get("id");
        if (id != null) {
            if (!id.isTextual()) {
                throw new IllegalArgumentException(prefix(name) + "\"id\" must be a column name (a string), was " + kind(id));
            }
            String column = column(name, "id", id.asText());
            ColumnTarget existing = columns.get(column);
            if (existing != null && !(existing instanceof ColumnTarget.Id)) {
                throw new IllegalArgumentException(prefix(name) + "\"id\" names column \"" + id.asText() + "\", which \""
                        + keyOf.get(column) + "\" already maps to another field");
            }
            if (existing == null) {
                put(name, columns, keyOf, column, new ColumnTarget.Id(), "id");
            }
        }
        JsonNode ignore = root.get("ignore");
        if (ignore != null) {
            if (!ignore.isArray()) {
                throw new IllegalArgumentException(prefix(name) + "\"ignore\" must be an array of column names, was "
                        + kind(ignore));
            }
            for (int i = 0; i < ignore.size(); i++) {
                String key = "ignore[" + i + "]";
                JsonNode element = ignore.get(i);
                if (!element.isTextual()) {
                    throw new IllegalArgumentException(prefix(name) + "\"" + key + "\" must be a column name (a string), was "
                            + kind(element));
                }
                String column = column(name, key, element.asText());
                ColumnTarget existing = columns.get(column);
                if (existing != null && !(existing instanceof ColumnTarget.Ignored)) {
                    throw new IllegalArgumentException(prefix(name) + "\"" + key + "\" ignores column \"" + element.asText()
                            + "\", which \"" + keyOf.get(column) + "\" maps to a field");
                }
                if (existing == null) {
                    put(name, columns, keyOf, column, new ColumnTarget.Ignored(), key);
                }
            }
        }
        String source = null;
        JsonNode sourceNode = root.get("source");
        if (sourceNode != null) {
            if (!sourceNode.isTextual() || sourceNode.asText().isBlank()) {
                throw new IllegalArgumentException(prefix(name) + "\"source\" must be a non-blank source name (a string), was "
                        + kind(sourceNode));
            }
            source = sourceNode.asText().strip();
            if (source.length() > RecordKey.MAX_LENGTH) {
                throw new IllegalArgumentException(prefix(name) + "\"source\" must be at most " + RecordKey.MAX_LENGTH
                        + " characters, was " + source.length());
            }
            if (columns.containsValue(new ColumnTarget.Source())) {
                throw new IllegalArgumentException(prefix(name) + "\"source\" fixes the source, but a column is also mapped "
                        + "to \"source\"; keep one of the two");
            }
        }
        boolean autoDetect = true;
        JsonNode unmapped = root.get("unmapped");
        if (unmapped != null) {
            if (!unmapped.isTextual() || !Set.of("auto", "ignore").contains(unmapped.asText())) {
                throw new IllegalArgumentException(prefix(name) + "\"unmapped\" must be \"auto\" or \"ignore\", was "
                        + (unmapped.isTextual() ? "\"" + unmapped.asText() + "\"" : kind(unmapped)));
            }
            autoDetect = unmapped.asText().equals("auto");
        }
        return new InputMapping(columns, source, autoDetect, keyOf, name);
    }

    private static void put(String name, Map<String, ColumnTarget> columns, Map<String, String> keyOf, String column,
            ColumnTarget target, String key) {
        if (columns.containsKey(column)) {
            throw new IllegalArgumentException(prefix(name) + "\"" + key + "\" maps column \"" + column
                    + "\" again (\"" + keyOf.get(column) + "\" maps it already; names are compared trimmed, lower-case,"
                    + " with spaces and hyphens as underscores)");
        }
        for (Class<? extends ColumnTarget> single : List.of(ColumnTarget.Id.class, ColumnTarget.Source.class,
                ColumnTarget.ObservedAt.class)) {
            if (single.isInstance(target)) {
                for (Map.Entry<String, ColumnTarget> other : columns.entrySet()) {
                    if (single.isInstance(other.getValue())) {
                        throw new IllegalArgumentException(prefix(name) + "\"" + key + "\" maps a second column to \""
                                + fieldName(target) + "\" (\"" + keyOf.get(other.getKey()) + "\" maps one already)");
                    }
                }
            }
        }
        columns.put(column, target);
        keyOf.put(column, key);
    }

    private static String column(String name, String key, String column) {
        String normalized = ColumnMapping.normalize(column);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException(prefix(name) + "\"" + key + "\" names a blank column");
        }
        return normalized;
    }

    /** The target a field name stands for. */
    static ColumnTarget field(String name, String key, String field) {
        String f = field.strip();
        ColumnTarget known = FIELD_NAMES.get(f);
        if (known != null) {
            return known;
        }
        try {
            if (f.startsWith("attribute:") && !f.substring("attribute:".length()).isBlank()) {
                return new ColumnTarget.Attribute(f.substring("attribute:".length()).strip());
            }
            if (f.startsWith("identifier:") && !f.substring("identifier:".length()).isBlank()) {
                return new ColumnTarget.Identifier(ColumnMapping.identifierType(f.substring("identifier:".length()).strip()));
            }
            if (f.startsWith("social:") && !f.substring("social:".length()).isBlank()) {
                return new ColumnTarget.Identifier(IdentifierType.social(f.substring("social:".length())));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix(name) + "\"" + key + "\": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(prefix(name) + "\"" + key + "\": unknown field \"" + field + "\"; expected one of "
                + String.join(", ", FIELD_NAMES.keySet()) + ", or attribute:<name>, identifier:<type>, social:<network>");
    }

    private static String fieldName(ColumnTarget target) {
        for (Map.Entry<String, ColumnTarget> field : FIELD_NAMES.entrySet()) {
            if (field.getValue().equals(target)) {
                return field.getKey();
            }
        }
        return String.valueOf(target);
    }

    private static String prefix(String name) {
        return "mapping file " + name + ": ";
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "empty";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? "a blank string" : "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
