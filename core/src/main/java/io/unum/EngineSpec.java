package io.unum;

import io.unum.internal.Json;
import io.unum.rules.RuleSet;
import io.unum.spi.RuleSetProvider;
import io.unum.training.TrainedModel;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Everything that decides a resolution — the {@link RuleSet}s (features, identifier normalizers,
 * rules, merge protection), the resolver's own settings (block-size cap, profile size, value
 * length, limits, survivorship, cannot-link pairs) and the trained model — as one immutable value
 * that can be written as JSON, sent through Java serialization and rebuilt into the same engine:
 * {@code Resolver.newBuilder(spec).build()} resolves every set of records exactly as the
 * resolver the spec came from ({@link Resolver#spec()}).
 *
 * <p>What a spec does <em>not</em> hold is the run-time environment: privacy filters, the clock,
 * the suppression list, the executor and the parallelism, which a caller adds to the builder. The
 * 128-bit blocking secret travels with Java serialization (so that the executors of one job hash
 * alike) but never in JSON and never in the {@link #hash()}: results do not depend on it.
 *
 * <p>{@link #hash()} is the SHA-256 of the spec's canonical JSON without the model's metadata
 * (training time, record count, notes): two specs with the same hash configure the same engine.
 * A store records it to refuse being opened with another configuration.
 *
 * <p>Immutable and thread-safe.
 */
public final class EngineSpec implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The JSON format name. */
    public static final String FORMAT = "unum-engine-spec";
    /** The JSON format version this Unum writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private final transient List<RuleSet> ruleSets;
    private final transient Map<String, Object> settings;
    private final transient TrainedModel model;
    private final transient long[] secret;
    private final transient String hash;

    EngineSpec(List<RuleSet> ruleSets, Map<String, Object> settings, TrainedModel model, long[] secret) {
        this.ruleSets = List.copyOf(ruleSets);
        this.settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        this.model = model;
        this.secret = secret == null ? null : secret.clone();
        this.hash = sha256(Json.write(canonical(false)));
    }

    /** The rule sets, in the order the resolver applied them. */
    public List<RuleSet> ruleSets() {
        return ruleSets;
    }

    /** The trained model, if the resolver had one. */
    public Optional<TrainedModel> model() {
        return Optional.ofNullable(model);
    }

    /** This spec with another trained model (or none). */
    public EngineSpec withModel(TrainedModel value) {
        return new EngineSpec(ruleSets, settings, value, secret);
    }

    /**
     * The content hash: 64 lower-case hex digits of the SHA-256 of the canonical JSON, without
     * the blocking secret and the model's training time, record count and notes.
     */
    public String hash() {
        return hash;
    }

    /** This spec with a blocking secret (for a store that keeps its own). */
    EngineSpec withSecret(long[] value) {
        return new EngineSpec(ruleSets, settings, model, value);
    }

    /** The resolver settings set directly on the builder, by name (for {@link Resolver.Builder}). */
    Map<String, Object> settings() {
        return settings;
    }

    /** The blocking secret, or {@code null} (JSON never carries one). */
    long[] secret() {
        return secret == null ? null : secret.clone();
    }

    /**
     * The spec as JSON (format {@value #FORMAT}, version {@value #FORMAT_VERSION}): the rule sets
     * by name, {@linkplain RuleSet#revision() revision} (when not 1) and parameters, the
     * settings, and the model as {@code TrainedModel.toJson()} writes it. The blocking secret is
     * never written.
     */
    public String toJson() {
        return Json.write(canonical(true));
    }

    private Map<String, Object> canonical(boolean withModelMetadata) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", FORMAT_VERSION);
        List<Object> sets = new ArrayList<>();
        for (RuleSet ruleSet : ruleSets) {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("name", ruleSet.name());
            if (ruleSet.revision() != 1) {
                set.put("revision", ruleSet.revision()); // absent for revision 1: earlier specs keep their hash
            }
            set.put("parameters", new TreeMap<String, Object>(ruleSet.parameters()));
            sets.add(set);
        }
        root.put("rule_sets", sets);
        root.put("settings", settings);
        if (model != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Json.parse(model.toJson());
            if (!withModelMetadata) {
                m.remove("trained_at");
                m.remove("records");
                Object rules = m.get("rules");
                if (rules instanceof Map<?, ?> byName) {
                    for (Object rule : byName.values()) {
                        if (rule instanceof Map<?, ?> r) {
                            r.remove("notes");
                        }
                    }
                }
            }
            root.put("model", m);
        }
        return root;
    }

    /**
     * Reads a spec written by {@link #toJson()}, making its rule sets with the
     * {@link RuleSetProvider}s that {@link ServiceLoader} finds.
     *
     * @throws IllegalArgumentException naming what is malformed, or the rule set no provider makes
     */
    public static EngineSpec fromJson(String json) {
        List<RuleSetProvider> providers = new ArrayList<>();
        ServiceLoader.load(RuleSetProvider.class).forEach(providers::add);
        if (providers.isEmpty()) {
            ServiceLoader.load(RuleSetProvider.class, EngineSpec.class.getClassLoader()).forEach(providers::add);
        }
        return fromJson(json, providers);
    }

    /**
     * Reads a spec written by {@link #toJson()}, making its rule sets with the given providers.
     *
     * @throws IllegalArgumentException naming what is malformed, the rule set no provider makes, or
     *     the rule set whose provider makes another {@linkplain RuleSet#revision() revision}
     */
    public static EngineSpec fromJson(String json, Collection<? extends RuleSetProvider> providers) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(providers, "providers");
        Map<String, Object> root = object(Json.parse(json), "the engine spec");
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("not a Unum engine spec: \"format\" must be \"" + FORMAT + "\"");
        }
        Object version = root.get("version");
        if (!(version instanceof Number n) || n.doubleValue() != FORMAT_VERSION) {
            throw new IllegalArgumentException("engine spec \"version\" must be " + FORMAT_VERSION + ", was " + version);
        }
        Map<String, RuleSetProvider> byName = new LinkedHashMap<>();
        for (RuleSetProvider provider : providers) {
            byName.putIfAbsent(provider.name(), provider);
        }
        List<RuleSet> ruleSets = new ArrayList<>();
        Object sets = root.get("rule_sets");
        if (!(sets instanceof List<?> list)) {
            throw new IllegalArgumentException("engine spec \"rule_sets\" must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> set = object(list.get(i), "rule_sets[" + i + "]");
            if (!(set.get("name") instanceof String name)) {
                throw new IllegalArgumentException("rule_sets[" + i + "].name must be a string");
            }
            RuleSetProvider provider = byName.get(name);
            if (provider == null) {
                throw new IllegalArgumentException("rule_sets[" + i + "] names rule set \"" + name
                        + "\", which no RuleSetProvider on the class path makes; known: " + byName.keySet());
            }
            Map<String, String> parameters = new TreeMap<>();
            Object given = set.get("parameters");
            if (given != null) {
                for (Map.Entry<String, Object> parameter : object(given, "rule_sets[" + i + "].parameters").entrySet()) {
                    if (!(parameter.getValue() instanceof String s)) {
                        throw new IllegalArgumentException("rule_sets[" + i + "].parameters." + parameter.getKey()
                                + " must be a string");
                    }
                    parameters.put(parameter.getKey(), s);
                }
            }
            Object revision = set.getOrDefault("revision", 1);
            if (!(revision instanceof Number r) || r.doubleValue() != r.intValue() || r.intValue() < 1) {
                throw new IllegalArgumentException("rule_sets[" + i + "].revision must be a whole number of at least 1,"
                        + " was " + revision);
            }
            RuleSet ruleSet = provider.create(parameters);
            if (!name.equals(ruleSet.name())) {
                throw new IllegalArgumentException("the provider of rule set \"" + name + "\" made one named \""
                        + ruleSet.name() + "\"");
            }
            int recorded = ((Number) revision).intValue();
            if (ruleSet.revision() != recorded) {
                throw new IllegalArgumentException("rule_sets[" + i + "]: this configuration was made by revision "
                        + recorded + " of rule set \"" + name + "\", and this version of Unum has revision "
                        + ruleSet.revision() + ", which derives other features or keys from the same records; a graph"
                        + " built with it must be resolved again with this version (Resolver.rebuildGraph(store))");
            }
            ruleSets.add(ruleSet);
        }
        Map<String, Object> settings = root.get("settings") == null ? Map.of()
                : object(root.get("settings"), "settings");
        SpecSettings.check(settings);
        TrainedModel model = root.get("model") == null ? null
                : TrainedModel.fromJson(Json.write(object(root.get("model"), "model")));
        return new EngineSpec(ruleSets, settings, model, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineSpec other && hash.equals(other.hash)
                && java.util.Arrays.equals(secret, other.secret) && Objects.equals(model, other.model);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder names = new StringBuilder();
        for (RuleSet ruleSet : ruleSets) {
            names.append(names.length() == 0 ? "" : ", ").append(ruleSet.name());
        }
        return "EngineSpec[rule sets " + names + ", " + settings.size() + " settings, "
                + (model == null ? "no model" : "trained model") + ", hash " + hash.substring(0, 12) + "]";
    }

    // ------------------------------------------------------------------------------------------
    // Java serialization: the JSON and the secret (a serialization proxy, Effective Java item 90)

    @Serial
    private Object writeReplace() {
        return new Form(toJson(), secret);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an EngineSpec is serialized through its proxy");
    }

    /** The serialized form: the spec's JSON and its blocking secret. */
    private record Form(String json, long[] secret) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            EngineSpec spec = fromJson(json);
            return secret == null ? spec : new EngineSpec(spec.ruleSets, spec.settings, spec.model, secret);
        }
    }
}
