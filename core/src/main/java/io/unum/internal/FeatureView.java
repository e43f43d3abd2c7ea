package io.unum.internal;

import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.rules.RecordView;
import io.unum.spi.Normalizer;
import io.unum.spi.Normalizers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one record's feature sources read while the {@link Featurizer} computes its features, and
 * the normalizations made for it: a normalizer applied to a value once for this record (by a
 * feature, or by a source combining other features' values) is not applied again, and values
 * missing here are looked up in the batch's {@link NormalizationMemo}, if any. Confined to the
 * thread featurizing the record.
 */
final class FeatureView implements RecordView {

    private final RecordKey key;
    private final Map<String, String> attributes;
    private final Map<IdentifierType, List<String>> linkable;
    private final NormalizationMemo memo;
    private Normalizer[] normalizers;
    private String[] raws;
    private String[] results;
    private int size;

    FeatureView(RecordKey key, Map<String, String> attributes, Map<IdentifierType, List<String>> linkable,
            NormalizationMemo memo) {
        this.key = key;
        this.attributes = attributes;
        this.linkable = linkable;
        this.memo = memo;
    }

    @Override
    public RecordKey key() {
        return key;
    }

    @Override
    public String attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public List<String> identifiers(IdentifierType type) {
        return linkable.getOrDefault(type, List.of());
    }

    @Override
    public String normalized(Normalizer normalizer, String raw) {
        if (normalizer == Normalizers.identity()) {
            return normalizer.normalize(raw); // nothing worth remembering
        }
        for (int i = 0; i < size; i++) {
            if (normalizers[i] == normalizer && (raws[i] == raw || raws[i].equals(raw))) {
                return results[i];
            }
        }
        String result = memo == null ? normalizer.normalize(raw) : memo.normalize(normalizer, raw);
        if (normalizers == null) {
            normalizers = new Normalizer[16];
            raws = new String[16];
            results = new String[16];
        } else if (size == normalizers.length) {
            normalizers = Arrays.copyOf(normalizers, size * 2);
            raws = Arrays.copyOf(raws, size * 2);
            results = Arrays.copyOf(results, size * 2);
        }
        normalizers[size] = normalizer;
        raws[size] = raw;
        results[size++] = result;
        return result;
    }
}
