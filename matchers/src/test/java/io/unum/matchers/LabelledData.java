package io.unum.matchers;

import io.unum.Resolution;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public labelled data sets of {@code ../shared/data} as source records with their truth,
 * and pairwise precision, recall and F1 of a resolution against it.
 */
final class LabelledData {

    /** Where the shared data sets live: {@code -Dunum.data}, else {@code ../shared/data} from the project root. */
    static Path dataDirectory() {
        String configured = System.getProperty("unum.data");
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return here.resolve("../shared/data").normalize();
    }

    /** Records and the true entity of each record. */
    record Data(List<SourceRecord> records, Map<RecordKey, String> truth) {
    }

    /** Pairwise scores. */
    record Scores(long truePairs, long predictedPairs, long correctPairs) {
        double precision() {
            return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
        }

        double recall() {
            return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "precision %.4f recall %.4f F1 %.4f (true pairs %d, predicted %d, correct %d)",
                    precision(), recall(), f1(), truePairs, predictedPairs, correctPairs);
        }
    }

    private LabelledData() {
    }

    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            rows.add(cells);
        }
        return rows;
    }

    /** FEBRL 3: {@code rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id}. */
    static Data febrl(Path file, boolean withNationalId) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        Map<RecordKey, String> truth = new HashMap<>();
        for (String[] r : csv(file)) {
            SourceRecord.Builder b = SourceRecord.builder("febrl", r[0]).observedAt(Instant.EPOCH);
            put(b, Attributes.FIRST_NAME, r[1]);
            put(b, Attributes.LAST_NAME, r[2]);
            put(b, Attributes.STREET_NUMBER, r[3]);
            put(b, Attributes.ADDRESS_1, r[4]);
            put(b, Attributes.ADDRESS_2, r[5]);
            put(b, Attributes.CITY, r[6]);
            put(b, Attributes.POSTCODE, r[7]);
            put(b, Attributes.STATE, r[8]);
            put(b, Attributes.DATE_OF_BIRTH, r[9]);
            if (withNationalId && !r[10].isEmpty()) {
                b.identifier(IdentifierType.NATIONAL_ID, r[10]);
            }
            SourceRecord record = b.build();
            records.add(record);
            truth.put(record.key(), r[0].split("-")[1]);
        }
        return new Data(records, truth);
    }

    /** Splink fake_1000: {@code unique_id, first_name, surname, dob, city, email, cluster}. */
    static Data fake1000(Path file) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        Map<RecordKey, String> truth = new HashMap<>();
        for (String[] r : csv(file)) {
            SourceRecord.Builder b = SourceRecord.builder("fake", r[0]).observedAt(Instant.EPOCH);
            put(b, Attributes.FIRST_NAME, r[1]);
            put(b, Attributes.LAST_NAME, r[2]);
            put(b, Attributes.DATE_OF_BIRTH, r[3]);
            put(b, Attributes.CITY, r[4]);
            if (!r[5].isEmpty()) {
                b.identifier(IdentifierType.EMAIL, r[5]);
            }
            SourceRecord record = b.build();
            records.add(record);
            truth.put(record.key(), r[6]);
        }
        return new Data(records, truth);
    }

    private static void put(SourceRecord.Builder b, String attribute, String value) {
        if (!value.isEmpty()) {
            b.attribute(attribute, value);
        }
    }

    /** Pairwise scores from contingency counts of (predicted profile, true entity). */
    static Scores score(Resolution resolution, Map<RecordKey, String> truth) {
        Map<ProfileId, Long> predicted = new HashMap<>();
        Map<String, Long> actual = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        for (Map.Entry<RecordKey, ProfileId> e : resolution.assignments().entrySet()) {
            String entity = truth.get(e.getKey());
            predicted.merge(e.getValue(), 1L, Long::sum);
            actual.merge(entity, 1L, Long::sum);
            both.merge(e.getValue() + "\u0000" + entity, 1L, Long::sum);
        }
        return new Scores(pairs(actual), pairs(predicted), pairs(both));
    }

    private static <K> long pairs(Map<K, Long> counts) {
        long total = 0;
        for (long n : counts.values()) {
            total += n * (n - 1) / 2;
        }
        return total;
    }
}
