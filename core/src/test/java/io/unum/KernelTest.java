package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.model.Survivorship;
import io.unum.rules.RuleSet;
import io.unum.spi.FieldComparator;
import io.unum.spi.RuleSetProvider;
import io.unum.store.GraphStore;
import io.unum.training.TrainingOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The kernel's seams: an {@link EngineSpec} rebuilds the same engine, the executor is injectable
 * without changing results, and every change is one store transaction that a failure aborts.
 */
class KernelTest {

    /**
     * The customer fixture as a rule set with one parameter, the name key's cap, at a revision (1,
     * or as a later release of the rule set would be).
     */
    record FixtureRules(int nameKeyCap, int revision) implements RuleSet {
        FixtureRules(int nameKeyCap) {
            this(nameKeyCap, 1);
        }

        @Override
        public String name() {
            return "fixture";
        }

        @Override
        public Map<String, String> parameters() {
            return nameKeyCap == 0 ? Map.of() : Map.of("nameKeyCap", Integer.toString(nameKeyCap));
        }

        @Override
        public void configure(Resolver.Builder builder) {
            TestFixtures.configure(builder, nameKeyCap);
        }
    }

    static final class FixtureProvider implements RuleSetProvider {
        @Override
        public String name() {
            return "fixture";
        }

        @Override
        public RuleSet create(Map<String, String> parameters) {
            for (String key : parameters.keySet()) {
                if (!key.equals("nameKeyCap")) {
                    throw new IllegalArgumentException("rule set \"fixture\": unknown parameter \"" + key + "\"");
                }
            }
            return new FixtureRules(Integer.parseInt(parameters.getOrDefault("nameKeyCap", "0")));
        }
    }

    private static Resolver fixture(int nameKeyCap) {
        return Resolver.newBuilder().ruleSet(new FixtureRules(nameKeyCap)).blockSizeCap(50)
                .survivorship(Attributes.CITY, Survivorship.sourcePriority("crm", "shop"))
                .cannotLink(RecordKey.of("crm", "r1"), RecordKey.of("shop", "r2")).build();
    }

    @Test
    void aSpecRoundTripsThroughJsonAndRebuildsTheSameEngine() {
        List<SourceRecord> records = TestFixtures.people(7, 400);
        Resolver original = fixture(5);
        Resolver trained = original.withModel(original.train(records, TrainingOptions.newBuilder().build()));
        EngineSpec spec = trained.spec();
        EngineSpec read = EngineSpec.fromJson(spec.toJson(), List.of(new FixtureProvider()));
        assertEquals(spec.hash(), read.hash());
        assertEquals(spec.toJson(), read.toJson());
        assertEquals(64, spec.hash().length());
        Resolver rebuilt = Resolver.newBuilder(read).build();
        assertEquals(trained.resolve(records).assignments(), rebuilt.resolve(records).assignments(),
                "the same partition and the same profile ids");
        assertTrue(spec.toJson().contains("\"blockSizeCap\": 50"), spec.toJson());
        assertTrue(!spec.toJson().contains("secret"), "the blocking secret never goes into JSON");
    }

    @Test
    void theHashNamesTheConfiguration() {
        assertEquals(fixture(5).spec().hash(), fixture(5).spec().hash(), "not the random blocking secret");
        assertNotEquals(fixture(5).spec().hash(), fixture(6).spec().hash(), "a rule-set parameter");
        assertNotEquals(fixture(5).spec().hash(),
                Resolver.newBuilder().ruleSet(new FixtureRules(5)).build().spec().hash(), "a setting");
    }

    @Test
    void aResolverWithDirectFeaturesHasNoSpec() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestFixtures.customerResolver().build().spec());
        assertTrue(e.getMessage().contains("feature first_name"), e.getMessage());
        assertTrue(e.getMessage().contains("RuleSet"), e.getMessage());
    }

    @Test
    void malformedSpecsAreRefusedByName() {
        String json = fixture(5).spec().toJson();
        List<RuleSetProvider> providers = List.of(new FixtureProvider());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> EngineSpec.fromJson(json, List.of()));
        assertTrue(unknown.getMessage().contains("\"fixture\""), unknown.getMessage());
        IllegalArgumentException setting = assertThrows(IllegalArgumentException.class,
                () -> EngineSpec.fromJson(json.replace("blockSizeCap", "blockSizeCop"), providers));
        assertTrue(setting.getMessage().contains("blockSizeCop"), setting.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> EngineSpec.fromJson(json.replace("\"blockSizeCap\": 50", "\"blockSizeCap\": 1"), providers));
        assertTrue(value.getMessage().contains("blockSizeCap"), value.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EngineSpec.fromJson("{\"format\": \"other\"}", providers));
    }

    @Test
    void aRuleSetsRevisionIsPartOfTheSpecAndAnotherRevisionIsRefusedByName() {
        String first = Resolver.newBuilder().ruleSet(new FixtureRules(0)).build().spec().toJson();
        assertTrue(!first.contains("revision"), "revision 1 is not written: specs from before revisions keep their hash");
        EngineSpec second = Resolver.newBuilder().ruleSet(new FixtureRules(0, 2)).build().spec();
        assertTrue(second.toJson().contains("\"revision\": 2"), second.toJson());
        assertNotEquals(EngineSpec.fromJson(first, List.of(new FixtureProvider())).hash(), second.hash(),
                "another revision is another configuration");

        // the provider on the class path makes revision 1: a spec of revision 2 cannot be made again
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineSpec.fromJson(second.toJson(), List.of(new FixtureProvider())));
        assertTrue(e.getMessage().contains("revision 2 of rule set \"fixture\""), e.getMessage());
        assertTrue(e.getMessage().contains("has revision 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Resolver.rebuildGraph"), e.getMessage());
        RuleSetProvider revised = new RuleSetProvider() {
            @Override
            public String name() {
                return "fixture";
            }

            @Override
            public RuleSet create(Map<String, String> parameters) {
                return new FixtureRules(0, 2);
            }
        };
        assertEquals(second.hash(), EngineSpec.fromJson(second.toJson(), List.of(revised)).hash(),
                "the same revision reads back");
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
                () -> EngineSpec.fromJson(first, List.of(revised)));
        assertTrue(old.getMessage().contains("revision 1 of rule set"), "a spec without a revision is revision 1: "
                + old.getMessage());
        for (String bad : new String[] {"0", "1.5", "\"2\""}) {
            IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                    () -> EngineSpec.fromJson(second.toJson().replace("\"revision\": 2", "\"revision\": " + bad),
                            List.of(revised)));
            assertTrue(malformed.getMessage().contains("rule_sets[0].revision"), malformed.getMessage());
        }
    }

    @Test
    void theExecutorDoesNotChangeResults() throws Exception {
        List<SourceRecord> records = TestFixtures.people(11, 1500);
        Map<RecordKey, ProfileId> expected = TestFixtures.customerResolver().parallelism(1).build().resolve(records)
                .assignments();
        AtomicInteger ran = new AtomicInteger();
        assertEquals(expected, TestFixtures.customerResolver().parallelism(4).executor(task -> {
            ran.incrementAndGet();
            task.run();
        }).build().resolve(records).assignments(), "a same-thread executor");
        assertTrue(ran.get() > 0, "the injected executor was used");
        ExecutorService one = Executors.newSingleThreadExecutor();
        ExecutorService three = Executors.newFixedThreadPool(3);
        try {
            assertEquals(expected, TestFixtures.customerResolver().parallelism(4).executor(one).build().resolve(records)
                    .assignments(), "a saturated one-thread pool");
            assertEquals(expected, TestFixtures.customerResolver().parallelism(3).executor(three).build().resolve(records)
                    .assignments(), "a three-thread pool");
        } finally {
            one.shutdownNow();
            three.shutdownNow();
        }
    }

    /** A comparator that fails on one value: a change that meets it fails half-way. */
    private static final FieldComparator FAILING = new FieldComparator() {
        @Override
        public double compare(String a, String b) {
            if (a.equals("boom") || b.equals("boom")) {
                throw new IllegalStateException("comparator failure for the test");
            }
            return a.equals(b) ? 1 : 0;
        }
    };

    @Test
    void aFailedChangeLeavesTheGraphAsItWas() {
        Resolver resolver = Resolver.newBuilder()
                .feature(Feature.of(Attributes.LAST_NAME))
                .feature(Feature.of(Attributes.CITY))
                .rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .rule(MatchRule.probabilistic("name-city")
                        .comparison(Comparison.of(Attributes.LAST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                        .comparison(Comparison.of(Attributes.CITY,
                                ComparisonLevel.of("same", LevelCondition.atLeast(FAILING, 1.0), 0.9, 0.05),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.95)))
                        .blockingKey(BlockingKey.on(Attributes.LAST_NAME))
                        .prior(0.01)
                        .build())
                .build();
        IdentityGraph graph = resolver.newGraph();
        List<SourceRecord> records = TestFixtures.people(3, 200);
        graph.upsertAll(records);
        Resolution before = graph.snapshot();
        SourceRecord bad = records.get(0).toBuilder().attribute(Attributes.CITY, "boom").build();
        assertThrows(IllegalStateException.class, () -> graph.upsertAll(List.of(bad, records.get(1).toBuilder()
                .attribute(Attributes.CITY, "elsewhere").build())));
        Resolution after = graph.snapshot();
        assertEquals(before.assignments(), after.assignments());
        assertEquals(before.profiles(), after.profiles());
        assertEquals(records.get(0), graph.record(records.get(0).key()).orElseThrow());
        // and it keeps working: the same records again change nothing; after a delete the graph
        // equals a batch of what remains
        assertTrue(graph.upsertAll(records).changes().isEmpty());
        graph.delete(records.get(5).key());
        List<SourceRecord> rest = records.stream().filter(r -> !r.key().equals(records.get(5).key())).toList();
        assertEquals(Partitions.of(resolver.resolve(rest).profiles()), Partitions.of(graph.profiles()));
    }

    @Test
    void aGraphOverAGivenStoreKeepsItsStateThere() {
        Resolver resolver = TestFixtures.customerResolver().build();
        List<SourceRecord> records = TestFixtures.people(5, 300);
        GraphStore store = GraphStore.inMemory();
        IdentityGraph first = resolver.newGraph(store);
        first.upsertAll(records.subList(0, 500));
        first.delete(records.get(3).key());
        IdentityGraph second = resolver.newGraph(store); // e.g. after a restart of the process
        assertEquals(first.snapshot().assignments(), second.snapshot().assignments());
        second.upsertAll(records.subList(500, records.size()));
        Map<RecordKey, ProfileId> batch = new TreeMap<>(resolver.resolve(records.stream()
                .filter(r -> !r.key().equals(records.get(3).key())).toList()).assignments());
        assertEquals(Partitions.of(resolver.resolve(records.stream()
                .filter(r -> !r.key().equals(records.get(3).key())).toList()).profiles()),
                Partitions.of(second.profiles()), "batch = incremental, over any store");
        assertEquals(batch.size(), second.size());
        assertTrue(store.snapshot().changeSequence() >= 3, "every change is numbered");
        store.close();
    }

    @Test
    void aStoreKeepsItsConfigurationAndRefusesAnother() {
        List<SourceRecord> records = TestFixtures.people(13, 300);
        GraphStore store = GraphStore.inMemory();
        Resolver first = fixture(5);
        first.newGraph(store).upsertAll(records);
        IllegalStateException other = assertThrows(IllegalStateException.class, () -> fixture(6).newGraph(store));
        assertTrue(other.getMessage().contains("another configuration"), other.getMessage());
        assertTrue(other.getMessage().contains("rebuildGraph"), other.getMessage());
        Resolver sameConfigOtherSecret = fixture(5);
        IllegalStateException secret = assertThrows(IllegalStateException.class,
                () -> sameConfigOtherSecret.newGraph(store));
        assertTrue(secret.getMessage().contains("blocking secret"), secret.getMessage());
        assertThrows(IllegalStateException.class, () -> TestFixtures.customerResolver().build().newGraph(store));
        // the same configuration and secret (Resolver.newBuilder(store) makes it from the store's
        // metadata; matchers' tests run that, core has no rule-set provider on its module path)
        IdentityGraph graph = Resolver.newBuilder(first.spec()).build().newGraph(store);
        assertEquals(first.resolve(records).assignments(), graph.snapshot().assignments());
    }

    @Test
    void aRebuildReResolvesTheStoredRecordsKeepingIdsWhereTheirFounderSurvives() {
        List<SourceRecord> records = TestFixtures.people(17, 400);
        GraphStore store = GraphStore.inMemory();
        Resolver before = fixture(5);
        IdentityGraph old = before.newGraph(store);
        old.upsertAll(records);
        Map<RecordKey, ProfileId> oldIds = old.snapshot().assignments();
        Resolver after = Resolver.newBuilder().ruleSet(new FixtureRules(5)).blockSizeCap(50).maxProfileSize(2).build();
        IdentityGraph rebuilt = after.rebuildGraph(store);
        Resolution batch = after.resolve(records);
        assertEquals(Partitions.of(batch.profiles()), Partitions.of(rebuilt.profiles()),
                "the partition the new configuration makes of the same records");
        assertTrue(!Partitions.of(before.resolve(records).profiles()).equals(Partitions.of(batch.profiles())),
                "the test needs configurations that disagree");
        int kept = 0;
        for (io.unum.model.Profile profile : rebuilt.profiles()) {
            SourceRecord oldest = profile.members().stream().map(k -> rebuilt.record(k).orElseThrow())
                    .min((x, y) -> { int c = x.observedAt().compareTo(y.observedAt());
                        return c != 0 ? c : x.key().compareTo(y.key()); }).orElseThrow();
            ProfileId oldId = oldIds.get(oldest.key());
            io.unum.model.Profile oldProfile = old.profile(oldId).orElse(null);
            if (oldProfile != null && oldProfile.id().equals(profile.id())) {
                kept++;
            }
        }
        assertTrue(kept > rebuilt.profileCount() / 2, "most ids survive: " + kept + " of " + rebuilt.profileCount());
        after.newGraph(store); // the store now records the new configuration
        assertThrows(IllegalStateException.class, () -> before.newGraph(store));
    }

    @Test
    void aRebuildIntoAConfigurationWithFewerRules() {
        List<SourceRecord> records = TestFixtures.people(19, 300);
        GraphStore store = GraphStore.inMemory();
        fixture(5).newGraph(store).upsertAll(records);
        Resolver fewer = Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL)).build();
        IdentityGraph rebuilt = fewer.rebuildGraph(store);
        assertEquals(Partitions.of(fewer.resolve(records).profiles()), Partitions.of(rebuilt.profiles()));
        rebuilt.upsertAll(TestFixtures.people(23, 20));
    }
}
