package io.unum.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.unum.Resolution;
import io.unum.model.GoldenValue;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a resolution: {@code clusters.csv} ({@code record_id,profile_id}, one row per input row,
 * in input order; a rejected record has an empty profile id) and {@code profiles.jsonl} (one
 * golden profile per line with members, identifiers and golden values with provenance).
 * {@code unum export} writes a store's graph in the same files through {@link Clusters} and
 * {@link Profiles}, and {@code unum profile} prints profiles as the same lines.
 *
 * <p>{@code record_id} is the record's id as read. When the same id occurs in two sources, every
 * row is written as {@code source/id} instead, so that ids stay unique.
 */
final class ResultWriter {

    private ResultWriter() {
    }

    /** Profiles serialized per task when {@code profiles.jsonl} is written in parallel. */
    private static final int PROFILES_PER_TASK = 2048;

    /**
     * Writes both files; {@code clusters.csv} on a thread of its own while the profiles are
     * serialized in parallel chunks and written in order (the bytes are those of writing one
     * profile after the other).
     */
    static void write(Path dir, List<Inputs.Row> rows, Resolution resolution) throws IOException {
        Files.createDirectories(dir);
        Map<RecordKey, ProfileId> assignments = resolution.assignments();
        java.util.concurrent.FutureTask<Void> clustersTask = new java.util.concurrent.FutureTask<>(() -> {
            try (Clusters clusters = new Clusters(dir, idsCollide(rows))) {
                for (Inputs.Row row : rows) {
                    RecordKey key = row.record().key();
                    clusters.write(key, assignments.get(key));
                }
            }
            return null;
        });
        Thread clustersThread = new Thread(clustersTask, "unum-clusters-writer");
        clustersThread.start();
        try {
            writeProfiles(dir, resolution.profiles());
        } finally {
            try {
                clustersTask.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing clusters.csv", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static void writeProfiles(Path dir, List<Profile> profiles) throws IOException {
        int tasks = (profiles.size() + PROFILES_PER_TASK - 1) / PROFILES_PER_TASK;
        int window = 4 * Math.max(1, Runtime.getRuntime().availableProcessors()); // bounds the bytes held
        try (OutputStream out = Files.newOutputStream(dir.resolve("profiles.jsonl"))) {
            for (int first = 0; first < tasks; first += window) {
                byte[][] chunks = java.util.stream.IntStream.range(first, Math.min(tasks, first + window)).parallel()
                        .mapToObj(t -> serialize(profiles.subList(t * PROFILES_PER_TASK,
                                Math.min(profiles.size(), (t + 1) * PROFILES_PER_TASK))))
                        .toArray(byte[][]::new);
                for (byte[] chunk : chunks) {
                    out.write(chunk);
                }
            }
        }
    }

    /** Profiles as JSON lines, each ended by a newline. */
    private static byte[] serialize(List<Profile> profiles) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(profiles.size() * 512);
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            Instants instants = new Instants();
            for (Profile profile : profiles) {
                writeProfile(json, profile, instants);
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** {@code DIR/clusters.csv}, written row by row (the directory is created if needed). */
    static final class Clusters implements Closeable {
        private final CSVPrinter csv;
        private final boolean qualify;

        /**
         * @param qualify whether to write every record id as {@code source/id} (ids repeat across sources)
         */
        Clusters(Path dir, boolean qualify) throws IOException {
            Files.createDirectories(dir);
            this.qualify = qualify;
            BufferedWriter out = Files.newBufferedWriter(dir.resolve("clusters.csv"), StandardCharsets.UTF_8);
            this.csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            csv.printRecord("record_id", "profile_id");
        }

        /** One row; a {@code null} profile (a rejected record) is written empty. */
        void write(RecordKey key, ProfileId profile) throws IOException {
            csv.printRecord(qualify ? key.toString() : key.id(), profile == null ? "" : profile.value());
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /** {@code DIR/profiles.jsonl}, written profile by profile (the directory is created if needed). */
    static final class Profiles implements Closeable {
        private final JsonGenerator json;
        private final Instants instants = new Instants();

        Profiles(Path dir) throws IOException {
            Files.createDirectories(dir);
            OutputStream out = Files.newOutputStream(dir.resolve("profiles.jsonl"));
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }

        void write(Profile profile) throws IOException {
            writeProfile(json, profile, instants);
        }

        @Override
        public void close() throws IOException {
            json.writeRaw('\n');
            json.close();
        }
    }

    /**
     * Profiles as JSON lines on a writer that stays open (standard output): one line per
     * profile, each ended by a newline.
     */
    static void writeProfiles(Writer out, List<Profile> profiles) throws IOException {
        JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out);
        json.setRootValueSeparator(null); // lines are ended by hand
        Instants instants = new Instants();
        for (Profile profile : profiles) {
            writeProfile(json, profile, instants);
            json.flush();
            out.write('\n');
        }
        json.close();
        out.flush();
    }

    /**
     * The text of the instant last written: a profile's values that came from one record share
     * their record's instant, and formatting one ({@link Instant#toString}) cost a fifth of
     * writing a profile. One per writing thread.
     */
    private static final class Instants {
        private Instant last;
        private String text;

        String of(Instant instant) {
            if (!instant.equals(last)) {
                text = instant.toString();
                last = instant;
            }
            return text;
        }
    }

    static void writeProfile(JsonGenerator json, Profile profile, Instants instants) throws IOException {
        json.writeStartObject();
        json.writeStringField("profile_id", profile.id().value());
        json.writeNumberField("version", profile.version());
        json.writeArrayFieldStart("records");
        for (RecordKey key : profile.members()) {
            json.writeStartObject();
            json.writeStringField("source", key.source());
            json.writeStringField("id", key.id());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("identifiers");
        for (Identifier identifier : profile.identifiers()) {
            json.writeStartObject();
            json.writeStringField("type", identifier.type().name());
            json.writeStringField("value", identifier.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, List<GoldenValue>> attribute : profile.attributes().entrySet()) {
            json.writeArrayFieldStart(attribute.getKey());
            for (GoldenValue value : attribute.getValue()) {
                json.writeStartObject();
                json.writeStringField("value", value.value());
                json.writeStringField("source", value.provenance().source());
                json.writeStringField("record", value.provenance().record().id());
                json.writeStringField("observed_at", instants.of(value.provenance().observedAt()));
                json.writeStringField("rule", value.provenance().rule().name());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Whether two rows of different sources share a record id. */
    static boolean idsCollide(List<Inputs.Row> rows) {
        Set<String> ids = new HashSet<>(rows.size() * 2);
        Set<RecordKey> keys = new HashSet<>(rows.size() * 2);
        for (Inputs.Row row : rows) {
            RecordKey key = row.record().key();
            if (keys.add(key) && !ids.add(key.id())) {
                return true;
            }
        }
        return false;
    }
}
