package io.unum.training;

import io.unum.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trained parameters of a resolver's probabilistic rules: per rule the prior λ, per
 * comparison level m and u, optional term frequencies and the corrections of the rule's
 * dependencies ({@link io.unum.rules.Dependence}; an optional {@code "dependencies"} member of
 * the rule in the JSON, absent when there are none); plus notes on how training went.
 * Apply it with {@code Resolver.withModel}; save and load it as versioned JSON. A model trained
 * on one data set can resolve another, as long as the rules' names, comparisons and level labels
 * match.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrainedModel {

    /** The JSON format's version; {@link #fromJson} reads this version only. */
    public static final int FORMAT_VERSION = 1;

    /**
     * m and u of one level.
     *
     * @param m P(level | match)
     * @param u P(level | non-match)
     */
    public record Level(double m, double u) {
        public Level {
            if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
                throw new IllegalArgumentException("m and u must be in (0, 1], were " + m + " and " + u);
            }
        }
    }

    /**
     * One comparison's parameters.
     *
     * @param levels by level label, in level order
     * @param termFrequencies the value frequencies, or {@code null}
     */
    public record Comparison(Map<String, Level> levels, TermFrequencies termFrequencies) {
        public Comparison {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        }
    }

    /**
     * One rule's parameters.
     *
     * @param prior λ
     * @param comparisons by comparison name
     * @param dependencies the corrections of the rule's dependencies ({@link io.unum.rules.Dependence}):
     *     by dependent comparison name, the correction in bits by level label
     * @param notes how training went (passes, iterations, convergence), value-free
     */
    public record Rule(double prior, Map<String, Comparison> comparisons, Map<String, Map<String, Double>> dependencies,
            List<String> notes) {
        public Rule {
            if (!(prior > 0 && prior < 1)) {
                throw new IllegalArgumentException("prior must be in (0, 1), was " + prior);
            }
            comparisons = Collections.unmodifiableMap(new LinkedHashMap<>(comparisons));
            Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
            dependencies.forEach((name, corrections) -> copy.put(name,
                    Collections.unmodifiableMap(new LinkedHashMap<>(corrections))));
            dependencies = Collections.unmodifiableMap(copy);
            notes = List.copyOf(notes);
        }

        /** A rule's parameters without dependencies. */
        public Rule(double prior, Map<String, Comparison> comparisons, List<String> notes) {
            this(prior, comparisons, Map.of(), notes);
        }
    }

    private final Instant trainedAt;
    private final long records;
    private final Map<String, Rule> rules;

    /**
     * @param trainedAt when it was trained
     * @param records how many records it was trained on
     * @param rules by rule name
     */
    public TrainedModel(Instant trainedAt, long records, Map<String, Rule> rules) {
        this.trainedAt = Objects.requireNonNull(trainedAt, "trainedAt");
        this.records = records;
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** When it was trained. */
    public Instant trainedAt() {
        return trainedAt;
    }

    /** How many records it was trained on. */
    public long records() {
        return records;
    }

    /** The rules' parameters by rule name. */
    public Map<String, Rule> rules() {
        return rules;
    }

    /** Writes the model as JSON (format version {@value #FORMAT_VERSION}). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "unum-model");
        root.put("version", FORMAT_VERSION);
        root.put("trained_at", trainedAt.toString());
        root.put("records", records);
        Map<String, Object> ruleMap = new LinkedHashMap<>();
        rules.forEach((name, rule) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("prior", rule.prior());
            Map<String, Object> comparisons = new LinkedHashMap<>();
            rule.comparisons().forEach((cname, comparison) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                Map<String, Object> levels = new LinkedHashMap<>();
                comparison.levels().forEach((label, level) -> {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("m", level.m());
                    l.put("u", level.u());
                    levels.put(label, l);
                });
                c.put("levels", levels);
                TermFrequencies tf = comparison.termFrequencies();
                if (tf != null) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("key", hex(tf.key0()) + hex(tf.key1()));
                    t.put("floor", tf.floor());
                    Map<String, Object> table = new java.util.TreeMap<>();
                    tf.table().forEach((h, f) -> table.put(hex(h), f));
                    t.put("values", table);
                    c.put("term_frequencies", t);
                }
                comparisons.put(cname, c);
            });
            r.put("comparisons", comparisons);
            if (!rule.dependencies().isEmpty()) {
                Map<String, Object> dependencies = new LinkedHashMap<>();
                rule.dependencies().forEach((dependent, corrections) -> dependencies.put(dependent,
                        new LinkedHashMap<String, Object>(corrections)));
                r.put("dependencies", dependencies);
            }
            r.put("notes", new ArrayList<Object>(rule.notes()));
            ruleMap.put(name, r);
        });
        root.put("rules", ruleMap);
        return Json.write(root);
    }

    /**
     * Reads a model written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static TrainedModel fromJson(String json) {
        Map<String, Object> root = object(Json.parse(json), "the model");
        if (!"unum-model".equals(root.get("format"))) {
            throw new IllegalArgumentException("not a Unum model: \"format\" must be \"unum-model\"");
        }
        double version = number(root.get("version"), "version");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("model format version " + (long) version + " is not supported; this Unum reads "
                    + FORMAT_VERSION);
        }
        Instant trainedAt;
        try {
            trainedAt = Instant.parse(string(root.get("trained_at"), "trained_at"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("trained_at must be an ISO-8601 instant");
        }
        long records = (long) number(root.get("records"), "records");
        Map<String, Rule> rules = new LinkedHashMap<>();
        object(root.get("rules"), "rules").forEach((name, value) -> {
            String where = "rule " + name;
            Map<String, Object> r = object(value, where);
            Map<String, Comparison> comparisons = new LinkedHashMap<>();
            object(r.get("comparisons"), where + " comparisons").forEach((cname, cvalue) -> {
                String cwhere = where + " comparison " + cname;
                Map<String, Object> c = object(cvalue, cwhere);
                Map<String, Level> levels = new LinkedHashMap<>();
                object(c.get("levels"), cwhere + " levels").forEach((label, lvalue) -> {
                    Map<String, Object> l = object(lvalue, cwhere + " level " + label);
                    levels.put(label, new Level(number(l.get("m"), cwhere + " level " + label + " m"),
                            number(l.get("u"), cwhere + " level " + label + " u")));
                });
                TermFrequencies tf = null;
                if (c.get("term_frequencies") != null) {
                    Map<String, Object> t = object(c.get("term_frequencies"), cwhere + " term_frequencies");
                    String key = string(t.get("key"), cwhere + " term_frequencies key");
                    if (key.length() != 32) {
                        throw new IllegalArgumentException(cwhere + " term_frequencies key must be 32 hex digits");
                    }
                    Map<Long, Double> table = new java.util.HashMap<>();
                    object(t.get("values"), cwhere + " term_frequencies values").forEach((h, f) ->
                            table.put(parseHex(h, cwhere), number(f, cwhere + " term frequency")));
                    tf = new TermFrequencies(parseHex(key.substring(0, 16), cwhere), parseHex(key.substring(16), cwhere),
                            number(t.get("floor"), cwhere + " term_frequencies floor"), table);
                }
                comparisons.put(cname, new Comparison(levels, tf));
            });
            List<String> notes = new ArrayList<>();
            Object n = r.get("notes");
            if (n instanceof List<?> list) {
                list.forEach(x -> notes.add(String.valueOf(x)));
            }
            Map<String, Map<String, Double>> dependencies = new LinkedHashMap<>();
            if (r.get("dependencies") != null) {
                object(r.get("dependencies"), where + " dependencies").forEach((dependent, dvalue) -> {
                    String dwhere = where + " dependence of " + dependent;
                    Map<String, Double> corrections = new LinkedHashMap<>();
                    object(dvalue, dwhere).forEach((label, bits) -> corrections.put(label,
                            number(bits, dwhere + " level " + label)));
                    dependencies.put(dependent, corrections);
                });
            }
            rules.put(name, new Rule(number(r.get("prior"), where + " prior"), comparisons, dependencies, notes));
        });
        return new TrainedModel(trainedAt, records, rules);
    }

    /** Writes the JSON to a file (UTF-8). */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** Reads a model from a file written by {@link #write(Path)}. */
    public static TrainedModel read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainedModel other && trainedAt.equals(other.trainedAt) && records == other.records
                && rules.equals(other.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trainedAt, records, rules);
    }

    @Override
    public String toString() {
        return "TrainedModel[" + rules.keySet() + ", " + records + " records, trained " + trainedAt + "]";
    }

    private static String hex(long v) {
        return HexFormat.of().toHexDigits(v);
    }

    private static long parseHex(String h, String where) {
        try {
            return HexFormat.fromHexDigitsToLong(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": a term-frequency hash is not 16 hex digits");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static double number(Object value, String where) {
        if (!(value instanceof Double d)) {
            throw new IllegalArgumentException(where + " must be a number");
        }
        return d;
    }

    private static String string(Object value, String where) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        return s;
    }
}
