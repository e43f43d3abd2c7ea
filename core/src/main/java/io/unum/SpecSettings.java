package io.unum;

import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.Survivorship;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolver settings an {@link EngineSpec} holds, as JSON values: recorded by
 * {@link Resolver.Builder} when they are set directly (not by a rule set), and applied to a
 * builder again through its setters, which validate them. Names are the setters' names:
 * {@code blockSizeCap}, {@code maxProfileSize}, {@code maxValueLength}, {@code maxContradiction},
 * {@code genericValues} ({@code people}, {@code bits}), {@code absoluteIdentifiers}, {@code duplicateFreeSources},
 * {@code defaultSurvivorship}, {@code survivorship} (by attribute), {@code limits} (by identifier
 * type) and {@code cannotLink} ({@code [source, id, source, id]} lists).
 */
final class SpecSettings {

    private SpecSettings() {
    }

    /**
     * What a builder records for its spec: the rule sets it applied, the settings made on it
     * directly (not by a rule set, which makes its own again), and what was added directly that a
     * spec cannot name. Not thread-safe, like the builder.
     */
    static final class Recorder {
        private final List<io.unum.rules.RuleSet> ruleSets = new java.util.ArrayList<>();
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final List<String> direct = new java.util.ArrayList<>();
        private int applying;

        /** Runs a rule set's configuration, recording the rule set (not what it sets). */
        void ruleSet(io.unum.rules.RuleSet ruleSet, Runnable configure) {
            applying++;
            try {
                configure.run();
            } finally {
                applying--;
            }
            if (applying == 0) {
                ruleSets.add(ruleSet);
            }
        }

        /** A setting made directly. */
        void setting(String name, Object value) {
            if (applying == 0) {
                settings.put(name, value);
            }
        }

        /** One entry of a keyed setting ({@code limits}, {@code survivorship}) made directly. */
        @SuppressWarnings("unchecked")
        void entry(String name, String key, Object value) {
            if (applying == 0) {
                ((Map<String, Object>) settings.computeIfAbsent(name, k -> new java.util.TreeMap<String, Object>()))
                        .put(key, value);
            }
        }

        /** A cannot-link pair declared directly. */
        @SuppressWarnings("unchecked")
        void cannotLink(RecordKey a, RecordKey b) {
            if (applying == 0) {
                ((List<Object>) settings.computeIfAbsent("cannotLink", k -> new java.util.ArrayList<Object>()))
                        .add(List.of(a.source(), a.id(), b.source(), b.id()));
            }
        }

        /** Something added directly that only a rule set could describe. */
        void directly(String what) {
            if (applying == 0) {
                direct.add(what);
            }
        }

        Recorded recorded(long[] secret) {
            return new Recorded(ruleSets, settings, direct, secret);
        }
    }

    /** What a built resolver's spec is made of. */
    record Recorded(List<io.unum.rules.RuleSet> ruleSets, Map<String, Object> settings, List<String> direct,
            long[] secret) {
        Recorded {
            ruleSets = List.copyOf(ruleSets);
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            direct = List.copyOf(direct);
        }

        /** The spec with a model, or an exception naming what was added directly. */
        EngineSpec spec(io.unum.training.TrainedModel model) {
            if (!direct.isEmpty()) {
                throw new IllegalStateException("this resolver cannot be described as an EngineSpec: "
                        + String.join(", ", direct.subList(0, Math.min(3, direct.size())))
                        + (direct.size() > 3 ? " and " + (direct.size() - 3) + " more" : "")
                        + " were added to the builder directly; add them through a RuleSet (Resolver.Builder.ruleSet)");
            }
            return new EngineSpec(ruleSets, settings, model, secret);
        }
    }

    static Map<String, Object> survivorshipJson(Survivorship rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", rule.name());
        if (rule instanceof Survivorship.SourcePriority priority) {
            json.put("sources", priority.sources());
        }
        return json;
    }

    private static Survivorship survivorship(Object json, String where) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("strategy") instanceof String strategy)) {
            throw new IllegalArgumentException("settings." + where + " must be an object with a \"strategy\"");
        }
        Object sources = map.get("sources");
        if (sources != null && (!(sources instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof String))) {
            throw new IllegalArgumentException("settings." + where + ".sources must be a list of source names");
        }
        try {
            return Survivorship.named(strategy,
                    sources == null ? null : ((List<?>) sources).stream().map(String.class::cast).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings." + where + ": " + e.getMessage());
        }
    }

    /** Checks that a spec's settings name known settings with values of the right shape. */
    static void check(Map<String, Object> settings) {
        apply(Resolver.newBuilder(), settings);
    }

    /** Applies a spec's settings to a builder through its setters (which validate the values). */
    static void apply(Resolver.Builder builder, Map<String, Object> settings) {
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            String name = setting.getKey();
            Object value = setting.getValue();
            switch (name) {
                case "blockSizeCap" -> builder.blockSizeCap(integer(value, name));
                case "maxProfileSize" -> builder.maxProfileSize(integer(value, name));
                case "maxValueLength" -> builder.maxValueLength(integer(value, name));
                case "maxContradiction" -> builder.maxContradiction(number(value, name));
                case "genericValues" -> {
                    if (!(value instanceof Map<?, ?> map)) {
                        throw new IllegalArgumentException("settings.genericValues must be an object with people and bits");
                    }
                    builder.genericValues(integer(map.get("people"), "genericValues.people"),
                            number(map.get("bits"), "genericValues.bits"));
                }
                case "absoluteIdentifiers" -> {
                    if (!(value instanceof List<?> types) || !types.stream().allMatch(x -> x instanceof String)) {
                        throw new IllegalArgumentException("settings.absoluteIdentifiers must be a list of identifier types");
                    }
                    types.forEach(type -> builder.absoluteIdentifier(IdentifierType.named((String) type)));
                }
                case "duplicateFreeSources" -> {
                    if (!(value instanceof List<?> sources) || !sources.stream().allMatch(x -> x instanceof String)) {
                        throw new IllegalArgumentException("settings.duplicateFreeSources must be a list of source names");
                    }
                    sources.forEach(source -> builder.duplicateFreeSource((String) source));
                }
                case "defaultSurvivorship" -> builder.defaultSurvivorship(survivorship(value, name));
                case "survivorship" -> {
                    if (!(value instanceof Map<?, ?> map)) {
                        throw new IllegalArgumentException("settings.survivorship must be an object");
                    }
                    map.forEach((attribute, rule) -> builder.survivorship(String.valueOf(attribute),
                            survivorship(rule, "survivorship." + attribute)));
                }
                case "limits" -> {
                    if (!(value instanceof Map<?, ?> map)) {
                        throw new IllegalArgumentException("settings.limits must be an object");
                    }
                    map.forEach((type, limit) -> builder.limit(IdentifierType.named(String.valueOf(type)),
                            integer(limit, "limits." + type)));
                }
                case "cannotLink" -> {
                    if (!(value instanceof List<?> pairs)) {
                        throw new IllegalArgumentException("settings.cannotLink must be a list");
                    }
                    for (Object pair : pairs) {
                        if (!(pair instanceof List<?> p) || p.size() != 4 || !p.stream().allMatch(x -> x instanceof String)) {
                            throw new IllegalArgumentException("settings.cannotLink entries must be"
                                    + " [source, id, source, id] lists of strings");
                        }
                        builder.cannotLink(RecordKey.of((String) p.get(0), (String) p.get(1)),
                                RecordKey.of((String) p.get(2), (String) p.get(3)));
                    }
                }
                default -> throw new IllegalArgumentException("settings: unknown setting \"" + name + "\"; expected"
                        + " blockSizeCap, maxProfileSize, maxValueLength, maxContradiction, genericValues, absoluteIdentifiers,"
                        + " duplicateFreeSources, defaultSurvivorship,"
                        + " survivorship, limits or cannotLink");
            }
        }
    }

    private static double number(Object value, String name) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("settings." + name + " must be a number");
    }

    private static int integer(Object value, String name) {
        double d = number(value, name);
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("settings." + name + " must be a whole number");
        }
        return (int) d;
    }
}
