package io.unum.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.EngineSpec;
import io.unum.Resolver;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.matchers.email.EmailNormalizer;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.training.TrainedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test of {@link EngineSpec} with {@link CustomerRules}: a trained resolver's spec
 * survives JSON and Java serialization with the same hash and JSON, and the resolver rebuilt
 * from it puts every record in the same profile; the hash follows the configuration and the
 * model, not the blocking secret or when the model was trained.
 */
class EngineSpecRoundTripTest {

    private static List<SourceRecord> records;
    private static CustomerRules rules;
    private static TrainedModel model;
    private static Resolver resolver;
    private static Map<RecordKey, ProfileId> partition;

    @BeforeAll
    static void trainAndResolve() {
        records = SeededCustomers.records(20240611L, 2000);
        rules = CustomerRules.builder().defaultRegion("US").dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST)
                .emails(EmailNormalizer.builder().placeholderDomains("shop.example.io").build())
                .nicknames(CustomerRulesProviderTest.customNicknames())
                .build();
        Resolver untrained = rules.applyTo(Resolver.newBuilder()).blockSizeCap(500).maxProfileSize(50).build();
        model = untrained.train(records, rules.trainingOptions());
        resolver = untrained.withModel(model);
        partition = resolver.resolve(records).assignments();
    }

    @Test
    void theRecordsAndTheModelAreWorthTesting() {
        assertTrue(records.size() >= 3000, records.size() + " records");
        long profiles = new HashSet<>(partition.values()).size();
        assertTrue(profiles > 1500 && profiles < 2600, profiles + " profiles of " + records.size() + " records");
        assertNotEquals(rules.personRule().toString(), resolver.rules().get(resolver.rules().size() - 1).toString(),
                "the trained model changes the person rule");
        Map<RecordKey, ProfileId> untrained = rules.applyTo(Resolver.newBuilder()).blockSizeCap(500).maxProfileSize(50)
                .build().resolve(records).assignments();
        assertNotEquals(untrained, partition, "the model makes a difference on these records");
    }

    @Test
    void jsonRoundTrip() {
        EngineSpec spec = resolver.spec();
        String json = spec.toJson();
        assertTrue(json.contains("\"customer\""), json.substring(0, Math.min(400, json.length())));
        assertTrue(json.contains("\"defaultRegion\""));
        EngineSpec read = EngineSpec.fromJson(json);
        assertEquals(spec.hash(), read.hash());
        assertEquals(json, read.toJson());
        assertEquals(List.of(rules), read.ruleSets());
        assertEquals(spec.model(), read.model());
        assertEquals(partition, Resolver.newBuilder(read).build().resolve(records).assignments());
        EngineSpec withProvider = EngineSpec.fromJson(json, List.of(new CustomerRulesProvider()));
        assertEquals(spec.hash(), withProvider.hash());
    }

    @Test
    void javaSerializationRoundTrip() throws IOException, ClassNotFoundException {
        EngineSpec spec = resolver.spec();
        EngineSpec read = deserialize(serialize(spec));
        assertEquals(spec.hash(), read.hash());
        assertEquals(spec.toJson(), read.toJson());
        assertEquals(spec, read, "with the blocking secret and the model");
        assertEquals(List.of(rules), read.ruleSets());
        assertEquals(partition, Resolver.newBuilder(read).build().resolve(records).assignments());
        EngineSpec again = deserialize(serialize(EngineSpec.fromJson(spec.toJson())));
        assertEquals(spec.hash(), again.hash(), "a spec read from JSON serializes too");
    }

    @Test
    void aRebuiltResolverDescribesItselfAlike() {
        EngineSpec spec = resolver.spec();
        Resolver rebuilt = Resolver.newBuilder(EngineSpec.fromJson(spec.toJson())).build();
        assertEquals(spec.hash(), rebuilt.spec().hash());
        assertEquals(spec.toJson(), rebuilt.spec().toJson());
    }

    @Test
    void theHashFollowsTheConfiguration() {
        String hash = resolver.spec().hash();
        CustomerRules otherPrior = CustomerRules.builder().defaultRegion("US").dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST)
                .emails(EmailNormalizer.builder().placeholderDomains("shop.example.io").build())
                .nicknames(CustomerRulesProviderTest.customNicknames()).prior(2e-4).build();
        assertEquals(Map.of("prior", "2.0E-4"), diff(rules.parameters(), otherPrior.parameters()));
        Resolver other = otherPrior.applyTo(Resolver.newBuilder()).blockSizeCap(500).maxProfileSize(50).build().withModel(model);
        assertNotEquals(hash, other.spec().hash(), "one parameter changes the hash");
        Resolver otherSetting = rules.applyTo(Resolver.newBuilder()).blockSizeCap(501).maxProfileSize(50).build().withModel(model);
        assertNotEquals(hash, otherSetting.spec().hash(), "one setting changes the hash");
        assertNotEquals(hash, resolver.spec().withModel(null).hash(), "the model is part of the hash");
        Resolver same = rules.applyTo(Resolver.newBuilder()).blockSizeCap(500).maxProfileSize(50).build().withModel(model);
        assertEquals(hash, same.spec().hash(), "the same configuration, another builder");
    }

    @Test
    void theHashIgnoresTheBlockingSecretAndTheTrainingTime() {
        EngineSpec spec = resolver.spec();
        EngineSpec secretA = rules.applyTo(Resolver.newBuilder()).blockSizeCap(500).maxProfileSize(50).blockingSecret(1, 2)
                .build().withModel(model).spec();
        EngineSpec secretB = rules.applyTo(Resolver.newBuilder()).blockSizeCap(500).maxProfileSize(50).blockingSecret(3, 4)
                .build().withModel(model).spec();
        assertEquals(spec.hash(), secretA.hash());
        assertEquals(secretA.hash(), secretB.hash());
        assertEquals(secretA.toJson(), secretB.toJson(), "the JSON never holds the secret");
        assertNotEquals(secretA, secretB, "but the specs carry their secrets");

        TrainedModel later = new TrainedModel(model.trainedAt().plusSeconds(86_400), model.records() + 1, model.rules());
        EngineSpec retrained = spec.withModel(later);
        assertEquals(spec.hash(), retrained.hash(), "training time and record count are not in the hash");
        assertNotEquals(spec.toJson(), retrained.toJson(), "but they are in the JSON");
        assertFalse(retrained.equals(spec));
    }

    private static Map<String, String> diff(Map<String, String> a, Map<String, String> b) {
        Map<String, String> changed = new java.util.TreeMap<>();
        b.forEach((k, v) -> {
            if (!v.equals(a.get(k))) {
                changed.put(k, v);
            }
        });
        a.keySet().stream().filter(k -> !b.containsKey(k)).forEach(k -> changed.put(k, null));
        return changed;
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static EngineSpec deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (EngineSpec) in.readObject();
        }
    }
}
