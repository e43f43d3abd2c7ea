package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.Feature;
import io.unum.rules.RecordView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What each feature is derived from: the attributes and identifier types its source reads,
 * observed by running the sources over sample records through a view that notes every read.
 * Two features that read a common input are derived from the same data (a set of name words and
 * the given name), so inside the blocks of one the other agrees by construction. A source that
 * reads an input only for some records shows it only if a sample record takes that path.
 * Stateless; thread-safe.
 */
final class FeatureInputs {

    private FeatureInputs() {
    }

    /** The sample records training observes ({@link #observe}): enough to meet every kind of record, cheap. */
    static final int TRAINING_RECORDS = 2000;

    /**
     * Per feature (in the order given), the inputs its source read on the first {@code limit}
     * records of {@code sample}: {@code "attribute <name>"} and {@code "identifier <type>"}.
     */
    static List<Set<String>> observe(Feature[] features, List<FeatureRecord> sample, int limit) {
        List<Set<String>> inputs = new ArrayList<>(features.length);
        for (int f = 0; f < features.length; f++) {
            inputs.add(new HashSet<>());
        }
        for (int i = 0; i < Math.min(limit, sample.size()); i++) {
            SourceRecord record = sample.get(i).record;
            if (record == null) {
                continue;
            }
            for (int f = 0; f < features.length; f++) {
                Recorder view = new Recorder(record, inputs.get(f));
                try {
                    features[f].source().extract(view);
                } catch (RuntimeException e) {
                    // the featurizer reports a failing source; here only its reads matter
                }
            }
        }
        return inputs;
    }

    /** Whether the two sets share an input. */
    static boolean overlap(Set<String> a, Set<String> b) {
        for (String input : a) {
            if (b.contains(input)) {
                return true;
            }
        }
        return false;
    }

    /** A view of a source record that notes the inputs read. */
    private static final class Recorder implements RecordView {
        private final SourceRecord record;
        private final Set<String> read;

        Recorder(SourceRecord record, Set<String> read) {
            this.record = record;
            this.read = read;
        }

        @Override
        public RecordKey key() {
            return record.key();
        }

        @Override
        public String attribute(String name) {
            read.add("attribute " + name);
            return record.attribute(name);
        }

        @Override
        public List<String> identifiers(IdentifierType type) {
            read.add("identifier " + type.name());
            List<String> values = new ArrayList<>(2);
            for (Identifier identifier : record.identifiers(type)) {
                values.add(identifier.value());
            }
            return values;
        }
    }
}
