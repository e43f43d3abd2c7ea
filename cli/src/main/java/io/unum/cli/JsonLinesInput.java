package io.unum.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines (one JSON object per line; blank lines skipped) into records. Each object is
 * flattened into (column, value) pairs, which then go through the same {@link ColumnMapping}
 * and {@link RecordAssembler} as CSV cells:
 * <ul>
 *   <li>a scalar is one value of its key; strings are trimmed, numbers and booleans written as
 *       text, {@code null} is absent;</li>
 *   <li>a nested object's keys are prefixed by its key and {@code _}:
 *       {@code {"name": {"first": "..."}}} gives the column {@code name_first};</li>
 *   <li>an array of scalars gives its key once per element (several e-mails, phones, ...);</li>
 *   <li>an array of objects merges its elements into the enclosing object: the Senzing form
 *       {@code {"FEATURES": [{"NAME_FIRST": "..."}, {"PHONE_NUMBER": "..."}]}} gives the columns
 *       {@code NAME_FIRST} and {@code PHONE_NUMBER}. A key that repeats across elements gives
 *       several values.</li>
 * </ul>
 * How several values of one column become identifiers or attributes is {@link RecordAssembler}'s
 * rule. Errors name the file and line, never the content.
 */
final class JsonLinesInput {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 1.50 stays 1.50
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private JsonLinesInput() {
    }

    /** One flattened (column, value) pair. */
    record Field(String column, String value) {
    }

    static void read(InputFile input, ReadOptions options, ReadProgress progress, List<Inputs.Row> rows,
            List<String> warnings, List<String> summaries, List<String> columnsFound) {
        Map<String, ColumnTarget> targets = new LinkedHashMap<>();
        RecordAssembler assembler = new RecordAssembler(input.name(), "line", input.baseName(), warnings);
        long withoutId = 0;
        boolean truthSeen = false;
        long objects = 0;
        try (BufferedReader reader = new BufferedReader(InputText.open(input, options.charset(), progress), 1 << 16)) {
            long number = 0;
            List<Field> fields = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                fields.clear();
                flatten("", parse(input, number, line), fields);
                objects++;
                assembler.begin(number);
                for (Field field : fields) {
                    ColumnTarget target = targets.computeIfAbsent(field.column(), c -> ColumnMapping.target(c, options));
                    truthSeen |= target instanceof ColumnTarget.Truth;
                    assembler.add(field.column(), target, field.value());
                }
                if (!assembler.hasId()) {
                    withoutId++;
                }
                rows.add(assembler.finish(options.mapping().source()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.name() + ": " + e.getMessage(), e);
        }
        if (objects == 0) {
            throw new InputException(input.name() + ": empty input (no JSON object on any line)");
        }
        List<String> keys = new ArrayList<>(targets.keySet());
        options.mapping().checkIdColumn(input.name(), keys);
        columnsFound.addAll(keys);
        summaries.add(input.name() + ": " + ColumnMapping.of(keys, options).describe());
        if (options.truthColumn() != null && !truthSeen) {
            throw new InputException(input.name() + " has no key " + options.truthColumn() + " (--truth-column) on any"
                    + " line; its keys are " + targets.keySet());
        }
        if (withoutId > 0) {
            warnings.add(input.name() + ": " + withoutId + " line(s) without a record id; numbered row-N by line number");
        }
    }

    private static JsonNode parse(InputFile input, long number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String reason = message.startsWith("Duplicate field") ? "an object names one key twice" : "not valid JSON";
            throw new InputException(input.name() + " line " + number + ": " + reason
                    + (at == null ? "" : " (at column " + at.getColumnNr() + ")"), e);
        } catch (NumberFormatException | ArithmeticException e) {
            // a number Jackson cannot hold as a BigDecimal, e.g. an exponent of 17 digits
            throw new InputException(input.name() + " line " + number
                    + ": a number cannot be read (its exponent is too large); write it as a string", e);
        }
        if (node == null || !node.isObject()) {
            throw new InputException(input.name() + " line " + number + ": expected a JSON object, was "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return node;
    }

    /** Flattens an object's fields under a column prefix ({@code ""} at the top). */
    static void flatten(String prefix, JsonNode object, List<Field> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String column = prefix.isEmpty() ? entry.getKey() : prefix + "_" + entry.getKey();
            value(prefix, column, entry.getValue(), out);
        }
    }

    private static void value(String prefix, String column, JsonNode node, List<Field> out) {
        if (node.isObject()) {
            flatten(column, node, out);
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isObject()) {
                    flatten(prefix, element, out);
                } else {
                    value(prefix, column, element, out);
                }
            }
        } else if (node.isTextual()) {
            out.add(new Field(column, node.textValue().strip()));
        } else if (node.isIntegralNumber() || node.isBoolean()) {
            out.add(new Field(column, node.asText()));
        } else if (node.isNumber()) {
            java.math.BigDecimal number = node.decimalValue();
            // plain digits for ordinary numbers; an exponent where the plain form would be huge
            // (1e999999999 has a billion digits)
            out.add(new Field(column, Math.abs(number.scale()) > 64 ? number.toString() : number.toPlainString()));
        }
        // null and missing: absent
    }
}
