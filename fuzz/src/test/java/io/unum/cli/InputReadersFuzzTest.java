package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unum.ProgressListener;
import io.unum.fuzz.Leaks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the CLI's CSV and JSON lines readers ({@link Inputs#read}, through {@link CsvInput} and
 * {@link JsonLinesInput}) with Jazzer. For every input:
 * <ul>
 *   <li>reading returns or throws {@link InputException}, the documented user error; any other
 *       exception is a crash;</li>
 *   <li>it finishes within the {@link Timeout} (Jazzer reports a slower input as a hang);</li>
 *   <li>for generated files, neither the error message nor any warning or column summary holds
 *       a value of the input (values are written in the canary alphabet, see {@link Leaks}).</li>
 * </ul>
 * The fuzzer's first byte picks raw bytes (any file at all) or a generated file: a header of
 * known and unknown column names, rows of cells in the canary alphabet with every kind of
 * quoting (and broken quoting), delimiters, line ends and byte order marks.
 *
 * <p>Seeds: {@code src/test/resources/io/unum/cli/InputReadersFuzzTestInputs/read}, each a file's
 * bytes, a byte {@code 01} (raw) and a byte {@code 00} (CSV) or {@code 01} (JSON lines). See the
 * README's "Fuzzing" for the runs.
 */
class InputReadersFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    private static final String[] COLUMNS = {"id", "record_id", "source", "first_name", "last_name", "name",
        "full_name", "email", "phone", "mobile", "dob", "birth_date", "address", "street", "city", "postcode",
        "zip", "country", "observed_at", "customer_id", "gender", "name_first", "NAME_LAST", "PHONE_NUMBER"};

    /** What goes into a generated cell besides canary letters. */
    private static final String CELL_EXTRAS = ",;\t\"' @+.-:/0123456789\n\r\\{}[]";

    /**
     * One fuzz test for both formats, so that one bounded run (one JVM: Jazzer fuzzes one test
     * per JVM) covers both. The fuzzer's last byte picks the format (odd: JSON lines), the one
     * before it raw bytes (odd) or a generated file.
     */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void read(FuzzedDataProvider data) {
        boolean jsonLines = data.consumeBoolean();
        boolean raw = data.consumeBoolean();
        if (jsonLines && raw) {
            readRaw("people.jsonl", data.consumeRemainingAsBytes());
        } else if (jsonLines) {
            readGenerated("people.jsonl", generatedJsonLines(data));
        } else if (raw) {
            readRaw("people.csv", data.consumeRemainingAsBytes());
        } else {
            readGenerated("people.csv", generatedCsv(data));
        }
    }

    /**
     * Any bytes: read without a crash. Messages are not checked here: in arbitrary bytes nothing
     * tells a value from a column name, so the generated files check that property.
     */
    private static void readRaw(String name, byte[] bytes) {
        messagesOf(name, bytes);
    }

    /** A generated file: values are in the canary alphabet, so a canary run in a message is a leak. */
    private static void readGenerated(String name, String content) {
        for (String message : messagesOf(name, content.getBytes(StandardCharsets.UTF_8))) {
            String run = Leaks.canaryRun(message);
            assertNull(run, () -> "a message quotes a value (" + run + "): " + message);
        }
    }

    /** Reads one input; returns its error message, or its warnings and column summaries. */
    private static List<String> messagesOf(String name, byte[] bytes) {
        InputFile input = new InputFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
        List<String> messages = new ArrayList<>();
        try {
            Inputs.Batch batch = Inputs.read(List.of(input), ReadOptions.DEFAULTS, ProgressListener.NONE);
            assertNotNull(batch.rows());
            messages.addAll(batch.warnings());
            messages.addAll(batch.columnSummaries());
        } catch (InputException e) {
            // what the user sees (Main prints the message alone, never the cause)
            messages.add(e.getMessage());
        }
        return messages;
    }

    private static String generatedCsv(FuzzedDataProvider data) {
        char delimiter = data.pickValue(new Character[] {',', ',', ',', ';', '\t', '|'});
        String lineEnd = data.consumeBoolean() ? "\n" : "\r\n";
        StringBuilder csv = new StringBuilder();
        if (data.consumeBoolean()) {
            csv.append('\uFEFF');
        }
        // a header of one line with a name in it: a blank first line would make the first row
        // the header, and its values column names, which messages may quote
        int columns = data.consumeInt(1, 8);
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                csv.append(delimiter);
            }
            String column = data.consumeBoolean() ? data.pickValue(COLUMNS)
                    : data.consumeAsciiString(12).replaceAll("[\"\r\n]", "");
            csv.append(c == 0 && column.isBlank() ? "id" : column);
        }
        csv.append(lineEnd);
        int rows = data.consumeInt(0, 16);
        for (int r = 0; r < rows && data.remainingBytes() > 0; r++) {
            int cells = data.consumeInt(0, columns + 2);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    csv.append(delimiter);
                }
                String value = canaryValue(data);
                switch (data.consumeInt(0, 4)) {
                    case 0 -> csv.append(value.replace("\"", "").replace(String.valueOf(delimiter), "")
                            .replace("\n", "").replace("\r", ""));
                    case 1 -> csv.append('"').append(value.replace("\"", "\"\"")).append('"');
                    case 2 -> csv.append(' ').append('"').append(value.replace("\"", "\"\"")).append("\" ");
                    case 3 -> csv.append('"').append(value); // unbalanced quote
                    default -> csv.append(value); // raw, delimiters and quotes included
                }
            }
            csv.append(lineEnd);
        }
        return csv.toString();
    }

    private static String generatedJsonLines(FuzzedDataProvider data) {
        StringBuilder out = new StringBuilder();
        int lines = data.consumeInt(0, 12);
        for (int l = 0; l < lines && data.remainingBytes() > 0; l++) {
            String line;
            switch (data.consumeInt(0, 5)) {
                case 0 -> line = ""; // blank line
                case 1 -> line = canaryValue(data); // not JSON
                case 2 -> line = JSON.valueToTree(canaryValue(data)).toString(); // JSON, not an object
                default -> line = object(data, 0).toString();
            }
            if (!line.isEmpty() && data.consumeInt(0, 7) == 0) {
                line = line.substring(0, data.consumeInt(0, line.length() - 1)); // cut short
            }
            out.append(line).append(data.consumeBoolean() ? "\n" : "\r\n");
        }
        return out.toString();
    }

    private static ObjectNode object(FuzzedDataProvider data, int depth) {
        ObjectNode object = JSON.createObjectNode();
        int fields = data.consumeInt(0, 6);
        for (int f = 0; f < fields && data.remainingBytes() > 0; f++) {
            String key = data.consumeBoolean() ? data.pickValue(COLUMNS) : data.consumeAsciiString(10);
            object.set(key, value(data, depth));
        }
        return object;
    }

    private static JsonNode value(FuzzedDataProvider data, int depth) {
        int kind = data.consumeInt(0, depth >= 3 ? 4 : 6);
        switch (kind) {
            case 0:
                return JSON.nullNode();
            case 1:
                return JSON.getNodeFactory().booleanNode(data.consumeBoolean());
            case 2:
                return data.consumeBoolean() ? JSON.getNodeFactory().numberNode(data.consumeLong())
                        : JSON.getNodeFactory().numberNode(data.consumeDouble());
            case 5:
                return object(data, depth + 1);
            case 6: {
                ArrayNode array = JSON.createArrayNode();
                int elements = data.consumeInt(0, 4);
                for (int e = 0; e < elements && data.remainingBytes() > 0; e++) {
                    array.add(value(data, depth + 1));
                }
                return array;
            }
            default:
                return JSON.getNodeFactory().textNode(canaryValue(data));
        }
    }

    /** A value of canary letters mixed with the characters that matter to the formats. */
    private static String canaryValue(FuzzedDataProvider data) {
        int length = data.consumeInt(0, 16);
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(data.consumeInt(0, 3) == 0
                    ? CELL_EXTRAS.charAt(data.consumeInt(0, CELL_EXTRAS.length() - 1))
                    : Leaks.CANARY.charAt(data.consumeInt(0, Leaks.CANARY.length() - 1)));
        }
        return value.toString();
    }
}
