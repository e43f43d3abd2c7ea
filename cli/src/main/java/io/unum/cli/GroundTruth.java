package io.unum.cli;

import io.unum.model.RecordKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The true entity of each input record, for {@code unum evaluate}, from one of three sources:
 * <ul>
 *   <li>a <b>truth file</b> ({@link #fromFile}): a CSV file with a header row naming the record
 *       id column, optionally a source column, and the entity column. The columns are found by
 *       their headers: the id by the names {@code resolve} recognizes ({@code record_id},
 *       {@code rec_id}, {@code id}, {@code unique_id}, ...), the source likewise
 *       ({@code source}, {@code data_source}, ...), the entity as the first of
 *       {@link #ENTITY_HEADERS} (or, in a two-column file, the column that is not the id).
 *       {@code record_id,person_id} and Senzing's {@code TEST_GROUP,CLUSTER_ID,DATA_SOURCE,RECORD_ID}
 *       are both recognized; {@code --truth-key-columns} and {@code --truth-entity-column} name
 *       the columns explicitly.</li>
 *   <li>a <b>truth column</b> of the inputs ({@link #fromColumn}), such as Splink's
 *       {@code cluster}, which is never read as record data.</li>
 *   <li>a <b>pattern</b> on the record id ({@link #fromPattern}): the first capture group of its
 *       first match (or the whole match without a group), e.g. {@code rec-(\d+)} for FEBRL.</li>
 * </ul>
 *
 * <p><b>Joining a truth file.</b> A truth row with a source joins the record with that source
 * and id (the record's source is its source column, else the file name without extension). A
 * truth row without a source joins the record with that id, or, when its id reads
 * {@code source/id} (as in {@code clusters.csv} when ids collide), that record; if the id occurs
 * in several sources the join is ambiguous and refused. Truth rows for records not in the input
 * are ignored and counted; input records without a label count as true singletons.
 */
final class GroundTruth {

    /** Header names of the entity column, in order of preference (normalized). */
    static final List<String> ENTITY_HEADERS = List.of("person_id", "entity_id", "cluster_id", "cluster", "true_id",
            "truth_id", "match_id", "group_id", "entity", "person", "label");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();

    /**
     * Labels for the input records.
     *
     * @param byKey record key to true entity label, only for input records
     * @param unlabelled input records (distinct keys) without a label
     * @param notInInput truth rows naming records that are not in the input
     * @param entities distinct labels among the input records
     * @param description where the labels came from, for people
     */
    record Labels(Map<RecordKey, String> byKey, long unlabelled, long notInInput, int entities, String description) {
        Labels {
            Objects.requireNonNull(byKey, "byKey");
            Objects.requireNonNull(description, "description");
        }
    }

    private GroundTruth() {
    }

    /** Labels from the rows' truth column values. */
    static Labels fromColumn(List<Inputs.Row> rows, String column) {
        Map<RecordKey, String> labels = new HashMap<>(rows.size() * 2);
        Set<RecordKey> keys = new HashSet<>(rows.size() * 2);
        for (Inputs.Row row : rows) {
            RecordKey key = row.record().key();
            keys.add(key);
            if (row.truthLabel() != null) {
                labels.put(key, row.truthLabel());
            } else {
                labels.remove(key); // the last occurrence of a key is the one resolved
            }
        }
        if (labels.isEmpty() && !keys.isEmpty()) {
            throw new InputException("--truth-column " + column + " is empty on every one of the " + keys.size()
                    + " records");
        }
        return labels(labels, keys.size(), 0, "truth column " + column);
    }

    /** Labels from a pattern's first capture group (or whole match) on each record id. */
    static Labels fromPattern(List<Inputs.Row> rows, Pattern pattern) {
        Map<RecordKey, String> labels = new HashMap<>(rows.size() * 2);
        Set<RecordKey> keys = new HashSet<>(rows.size() * 2);
        for (Inputs.Row row : rows) {
            RecordKey key = row.record().key();
            keys.add(key);
            Matcher m = pattern.matcher(key.id());
            String label = null;
            if (m.find()) {
                label = m.groupCount() >= 1 ? m.group(1) : m.group();
            }
            if (label != null && !label.isEmpty()) {
                labels.put(key, label);
            } else {
                labels.remove(key);
            }
        }
        if (labels.isEmpty() && !keys.isEmpty()) {
            throw new InputException("--truth-pattern " + pattern.pattern() + " matches none of the " + keys.size()
                    + " record ids (e.g. " + rows.get(0).record().key().id() + "); its first group, or the whole match,"
                    + " is the entity");
        }
        return labels(labels, keys.size(), 0, "truth pattern " + pattern.pattern() + " on record ids");
    }

    /**
     * Labels from a truth file.
     *
     * @param rows the input rows
     * @param file the truth file
     * @param keyColumns {@code [id]} or {@code [source, id]} column names, or empty to detect
     * @param entityColumn the entity column's name, or {@code null} to detect
     * @throws InputException if the columns cannot be found, the join is ambiguous, nothing
     *         joins, or one record has two different labels
     */
    static Labels fromFile(List<Inputs.Row> rows, InputFile file, List<String> keyColumns, String entityColumn) {
        Map<RecordKey, RecordKey> inputKeys = new HashMap<>(rows.size() * 2);
        Map<String, RecordKey> byId = new HashMap<>(rows.size() * 2);
        Map<String, List<String>> collisions = new LinkedHashMap<>();
        for (Inputs.Row row : rows) {
            RecordKey key = row.record().key();
            if (inputKeys.put(key, key) == null) {
                RecordKey other = byId.putIfAbsent(key.id(), key);
                if (other != null) {
                    collisions.computeIfAbsent(key.id(), id -> new ArrayList<>(List.of(other.source()))).add(key.source());
                }
            }
        }

        Map<RecordKey, String> labels = new HashMap<>(rows.size() * 2);
        Map<RecordKey, Long> labelLine = new HashMap<>();
        long notInInput = 0;
        long ambiguous = 0;
        String ambiguousExample = null;
        long truthRows = 0;
        long lastLine = 1;
        String description;
        try (Reader reader = new BufferedReader(new InputText(file.opener().open(), file.name(), StandardCharsets.UTF_8),
                1 << 16);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> headers = parser.getHeaderNames();
            Columns columns = columns(file.name(), headers, keyColumns, entityColumn);
            description = "truth file " + file.name() + " (record " + (columns.source >= 0
                    ? headers.get(columns.source).strip() + " + " : "") + headers.get(columns.id).strip() + ", entity "
                    + headers.get(columns.entity).strip() + ")";
            for (CSVRecord csv : parser) {
                lastLine = parser.getCurrentLineNumber();
                truthRows++;
                String id = cell(csv, columns.id);
                String entity = cell(csv, columns.entity);
                String source = columns.source >= 0 ? cell(csv, columns.source) : "";
                if (id.isEmpty() || entity.isEmpty()) {
                    continue;
                }
                RecordKey key;
                if (!source.isEmpty()) {
                    key = inputKeys.get(safeKey(source, id));
                } else if (collisions.containsKey(id)) {
                    ambiguous++;
                    if (ambiguousExample == null) {
                        ambiguousExample = "id " + id + " is in sources " + String.join(", ", collisions.get(id));
                    }
                    continue;
                } else {
                    key = byId.get(id);
                    int slash = id.indexOf('/');
                    if (key == null && slash > 0 && slash < id.length() - 1) {
                        key = inputKeys.get(safeKey(id.substring(0, slash), id.substring(slash + 1)));
                    }
                }
                if (key == null) {
                    notInInput++;
                    continue;
                }
                String previous = labels.put(key, entity);
                if (previous != null && !previous.equals(entity)) {
                    throw new InputException(file.name() + " gives record " + key + " two different entities (lines "
                            + labelLine.get(key) + " and " + parser.getCurrentLineNumber() + ")");
                }
                labelLine.put(key, parser.getCurrentLineNumber());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read truth file " + file.name() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputException("cannot read truth file " + file.name() + " as CSV with a header row (near line "
                    + lastLine + "): " + (e.getCause() != null && e.getCause().getMessage() != null
                    && e.getCause().getMessage().contains("EOF reached before encapsulated token finished")
                    ? "a quoted value is never closed (an unbalanced \")" : "not valid CSV"), e);
        }
        if (ambiguous > 0) {
            throw new InputException(file.name() + ": " + ambiguous + " truth row(s) give a record id without a source, but"
                    + " the id occurs in several inputs (" + ambiguousExample + "); add a source column (source or"
                    + " DATA_SOURCE) to the truth file, or write the ids as source/id");
        }
        if (labels.isEmpty() && truthRows > 0 && !rows.isEmpty()) {
            throw new InputException("none of the " + truthRows + " rows of " + file.name() + " names an input record;"
                    + " check the record ids, and the sources: a record's source is its source column, else its file"
                    + " name without extension (e.g. " + rows.get(0).record().key() + ")");
        }
        return labels(labels, inputKeys.size(), notInInput, description);
    }

    private static RecordKey safeKey(String source, String id) {
        if (source.length() > RecordKey.MAX_LENGTH || id.length() > RecordKey.MAX_LENGTH) {
            return null;
        }
        return RecordKey.of(source, id);
    }

    private static Labels labels(Map<RecordKey, String> labels, long inputKeys, long notInInput, String description) {
        int entities = new HashSet<>(labels.values()).size();
        return new Labels(labels, inputKeys - labels.size(), notInInput, entities, description);
    }

    private static String cell(CSVRecord csv, int column) {
        return column < csv.size() ? csv.get(column) : "";
    }

    /** Column indexes in the truth file; {@code source} is -1 when there is none. */
    private record Columns(int source, int id, int entity) {
    }

    private static Columns columns(String file, List<String> headers, List<String> keyColumns, String entityColumn) {
        List<String> names = new ArrayList<>(headers.size());
        for (String header : headers) {
            names.add(ColumnMapping.normalize(header));
        }
        int source = -1;
        int id = -1;
        if (keyColumns != null && !keyColumns.isEmpty()) {
            if (keyColumns.size() > 2) {
                throw new InputException("--truth-key-columns takes ID or SOURCE,ID, was " + keyColumns.size() + " columns");
            }
            id = find(file, names, headers, keyColumns.get(keyColumns.size() - 1), "--truth-key-columns");
            if (keyColumns.size() == 2) {
                source = find(file, names, headers, keyColumns.get(0), "--truth-key-columns");
            }
        } else {
            for (int i = 0; i < names.size(); i++) {
                ColumnTarget target = ColumnMapping.target(headers.get(i), ReadOptions.DEFAULTS);
                if (id < 0 && target instanceof ColumnTarget.Id) {
                    id = i;
                } else if (source < 0 && target instanceof ColumnTarget.Source) {
                    source = i;
                }
            }
        }
        int entity = -1;
        if (entityColumn != null) {
            entity = find(file, names, headers, entityColumn, "--truth-entity-column");
        } else {
            for (String candidate : ENTITY_HEADERS) {
                int i = names.indexOf(candidate);
                if (i >= 0 && i != id && i != source) {
                    entity = i;
                    break;
                }
            }
            if (entity < 0 && names.size() == 2 && id >= 0) {
                entity = 1 - id;
            }
        }
        if (id < 0 || entity < 0) {
            throw new InputException("truth file " + file + ": cannot tell " + (id < 0 ? "the record id column" : "")
                    + (id < 0 && entity < 0 ? " nor " : "") + (entity < 0 ? "the entity column" : "") + " from its header "
                    + headers + "; expected e.g. record_id,person_id or DATA_SOURCE,RECORD_ID,CLUSTER_ID, or name them"
                    + " with --truth-key-columns [SOURCE,]ID and --truth-entity-column NAME");
        }
        if (entity == id || entity == source) {
            throw new InputException("truth file " + file + ": the entity column must differ from the key columns");
        }
        return new Columns(source, id, entity);
    }

    private static int find(String file, List<String> names, List<String> headers, String column, String option) {
        int i = names.indexOf(ColumnMapping.normalize(column));
        if (i < 0) {
            throw new InputException(option + ": truth file " + file + " has no column " + column + "; its columns are "
                    + headers);
        }
        return i;
    }
}
