package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.privacy.RecordConsent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link Scorer#sharesOnlyGeneric} against its definition (every value of the type that the
 * records share is generic, and they share one), written the plain way: each identifier of the
 * first record looked up in the second by binary search.
 */
class SharedGenericTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<IdentifierType> TYPES = List.of(IdentifierType.EMAIL, IdentifierType.PHONE,
            IdentifierType.of("loyalty_card"), IdentifierType.of("customer_id"));

    private static boolean byDefinition(Identifier[] a, Identifier[] b, IdentifierType type, Scorer.Generics generics) {
        boolean shared = false;
        for (Identifier id : a) {
            if (id.type().equals(type) && Arrays.binarySearch(b, id) >= 0) {
                if (!generics.generic(id)) {
                    return false;
                }
                shared = true;
            }
        }
        return shared;
    }

    private static Identifier[] identifiers(Random random) {
        TreeSet<Identifier> ids = new TreeSet<>();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            IdentifierType type = TYPES.get(random.nextInt(TYPES.size()));
            // a fresh type object of the same name now and then: types are equal by name
            if (random.nextInt(4) == 0) {
                type = IdentifierType.of(type.name());
            }
            ids.add(new Identifier(type, new String("v" + random.nextInt(6)))); // equal values, other objects
        }
        return ids.toArray(new Identifier[0]);
    }

    private static FeatureRecord record(String id, Identifier[] linkable) {
        SourceRecord record = SourceRecord.builder("crm", id).observedAt(NOW).build();
        // look-up keys as the featurizer's: one per identifier, equal for equal identifiers, sorted
        long[] lookupKeys = Arrays.stream(linkable).mapToLong(i -> (i.type().name() + "\u0000" + i.value()).hashCode())
                .sorted().distinct().toArray();
        return new FeatureRecord(record, new String[0], linkable, linkable, new long[0], new int[0], lookupKeys,
                record.attributes(), RecordConsent.none().at(NOW), new double[0], null);
    }

    @Test
    void answersAsTheDefinitionOnRandomRecords() {
        Random random = new Random(20261207);
        int shared = 0;
        for (int round = 0; round < 50_000; round++) {
            Identifier[] a = identifiers(random);
            Identifier[] b = identifiers(random);
            Set<String> genericValues = new HashSet<>();
            for (int v = 0; v < 6; v++) {
                if (random.nextBoolean()) {
                    genericValues.add("v" + v);
                }
            }
            Scorer.Generics generics = id -> genericValues.contains(id.value());
            IdentifierType type = TYPES.get(random.nextInt(TYPES.size()));
            boolean expected = byDefinition(a, b, type, generics);
            shared += expected ? 1 : 0;
            assertEquals(expected, Scorer.sharesOnlyGeneric(record("a", a), record("b", b), type, generics),
                    () -> Arrays.toString(a) + " / " + Arrays.toString(b));
            assertEquals(byDefinition(a, b, type, Scorer.Generics.NONE),
                    Scorer.sharesOnlyGeneric(record("a", a), record("b", b), type, Scorer.Generics.NONE));
        }
        assertEquals(true, shared > 1_000, "the random records share generic values often enough to test it: " + shared);
    }
}
