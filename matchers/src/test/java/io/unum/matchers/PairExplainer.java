package io.unum.matchers;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.MatchRule;
import io.unum.rules.RecordView;
import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.NormalizedValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes features and Fellegi–Sunter weights of a {@link CustomerRules} configuration outside
 * the engine, to explain a pair in tests (which level each comparison reached, and its weight).
 */
final class PairExplainer {

    private final CustomerRules rules;
    private final List<Feature> features;
    private final MatchRule.Probabilistic rule;

    PairExplainer(CustomerRules rules) {
        this.rules = rules;
        this.features = rules.features();
        this.rule = rules.personRule();
    }

    Map<String, String> features(SourceRecord record) {
        Map<IdentifierType, List<String>> ids = new HashMap<>();
        for (Identifier id : record.identifiers()) {
            IdentifierNormalizer n = rules.identifierNormalizers().getOrDefault(id.type(), id.type().normalizer());
            if (n.normalize(id.value()) instanceof NormalizedValue.Valid v) {
                ids.computeIfAbsent(id.type(), t -> new ArrayList<>()).add(v.value());
            }
        }
        RecordView view = new RecordView() {
            @Override
            public RecordKey key() {
                return record.key();
            }

            @Override
            public String attribute(String name) {
                return record.attribute(name);
            }

            @Override
            public List<String> identifiers(IdentifierType type) {
                return ids.getOrDefault(type, List.of());
            }
        };
        Map<String, String> values = new HashMap<>();
        for (Feature f : features) {
            String raw = f.source().extract(view);
            if (raw != null && !raw.isBlank()) {
                String v = f.normalizer().normalize(raw);
                if (v != null) {
                    values.put(f.name(), v);
                }
            }
        }
        return values;
    }

    /** The weight of a pair in bits, prior included, and the level reached per comparison. */
    String explain(SourceRecord a, SourceRecord b) {
        Map<String, String> fa = features(a);
        Map<String, String> fb = features(b);
        double weight = rule.priorWeight();
        StringBuilder out = new StringBuilder();
        for (Comparison c : rule.comparisons()) {
            if (fa.get(c.feature()) == null || fb.get(c.feature()) == null) {
                continue;
            }
            for (ComparisonLevel level : c.levels()) {
                String f = level.feature() == null ? c.feature() : level.feature();
                String x = fa.get(f);
                String y = fb.get(f);
                if (x != null && y != null && level.condition().test(x, y)) {
                    weight += level.weight();
                    out.append(String.format(java.util.Locale.ROOT, " %s[%s %+.1f]", c.name(), level.label(), level.weight()));
                    break;
                }
            }
        }
        return String.format(java.util.Locale.ROOT, "%.1f bits:", weight) + out;
    }

    double weight(SourceRecord a, SourceRecord b) {
        return Double.parseDouble(explain(a, b).split(" ")[0]);
    }
}
