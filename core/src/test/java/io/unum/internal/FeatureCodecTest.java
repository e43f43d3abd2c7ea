package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.privacy.RecordConsent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stored form of a record's features reads back to the same values; bytes of another
 * configuration, or cut short anywhere, are refused (the record is then featurized again) rather
 * than misread; equal values decoded through one cache are one string.
 */
class FeatureCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final IdentifierType LOYALTY = IdentifierType.of("loyalty_card");

    private static SourceRecord record(String id) {
        return SourceRecord.builder("crm", id).observedAt(NOW)
                .identifier(IdentifierType.EMAIL, "Ana.Lopez@Example.org")
                .identifier(IdentifierType.PHONE, "+34 600 000 001")
                .identifier(LOYALTY, "0000000001")
                .attribute("first_name", "Ana").attribute("city", "Málaga").build();
    }

    private static FeatureRecord features(SourceRecord record, FeatureCodec codec) {
        Identifier email = new Identifier(IdentifierType.EMAIL, "ana.lopez@example.org");
        Identifier phone = new Identifier(IdentifierType.PHONE, "34600000001");
        Identifier loyalty = new Identifier(LOYALTY, "0000000001"); // a placeholder: kept, not linkable
        Identifier[] all = {email, loyalty, phone};
        Arrays.sort(all);
        Identifier[] linkable = {email, phone};
        Arrays.sort(linkable);
        String[] values = {"ana", null, "málaga", "", "ana␟lopez␟1980-02-29", "日本語"};
        return new FeatureRecord(record, values, all, linkable, new long[] {-5L, 3L, Long.MAX_VALUE},
                new int[] {0, 1 << 16 | 2, Integer.MIN_VALUE}, new long[] {1L, 2L}, record.attributes(),
                RecordConsent.none().at(NOW), new double[] {-3.25, Double.NaN}, codec);
    }

    @Test
    void theStoredFormReadsBackToTheSameValues() {
        FeatureCodec codec = FeatureCodec.of(() -> "spec-a");
        SourceRecord record = record("1");
        FeatureRecord original = features(record, codec);
        byte[] bytes = original.storedForm();
        assertNotNull(bytes);

        FeatureCodec.Decoded d = codec.decode(bytes, record, original.features().length, new FeatureCodec.StringCache(6));
        assertNotNull(d);
        assertArrayEquals(original.features(), codec.features(bytes, record, d.identifiers()));
        assertArrayEquals(original.features(), codec.features(bytes, record, d.identifiers(), null), "without a cache");
        assertArrayEquals(original.identifiers, d.identifiers());
        assertArrayEquals(original.linkable, d.linkable());
        for (Identifier id : d.identifiers()) {
            assertSame(record.identifiers().stream().filter(r -> r.type().equals(id.type())).findFirst().get().type(),
                    id.type(), "the record's own type object, with its normalizer and limits");
        }
        assertArrayEquals(original.keys, d.keys());
        assertArrayEquals(original.keyMeta, d.keyMeta());
        assertEquals(original.tfLog.length, d.tfLog().length);
        for (int t = 0; t < original.tfLog.length; t++) {
            assertEquals(Double.doubleToRawLongBits(original.tfLog[t]), Double.doubleToRawLongBits(d.tfLog()[t]));
        }
        assertEquals(true, d.allAttributesUsable(), "no attribute was over-long");
        assertNull(codec.decode(bytes, record, original.features().length + 1, null), "another number of features");
        FeatureRecord cut = new FeatureRecord(record, original.features(), original.identifiers, original.linkable,
                original.keys, original.keyMeta, original.lookupKeys, Map.of("first_name", "Ana"), original.consent,
                original.tfLog, codec);
        assertEquals(false, codec.decode(cut.storedForm(), record, 6, null).allAttributesUsable(),
                "an over-long attribute was left out: derived again when decoded");
    }

    @Test
    void aRestoredRecordDecodesItsValuesWhenFirstAskedForWhicheverThreadsAsk() throws Exception {
        FeatureCodec codec = FeatureCodec.of(() -> "spec-a");
        SourceRecord record = record("1");
        FeatureRecord original = features(record, codec);
        byte[] bytes = original.storedForm();
        FeatureCodec.Decoded d = codec.decode(bytes, record, 6, null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                FeatureRecord restored = new FeatureRecord(record, bytes, d.identifiers(), d.linkable(), d.keys(),
                        d.keyMeta(), original.lookupKeys, record.attributes(), original.consent, d.tfLog(), codec);
                assertTrue(restored.featuresPending(), "nothing decoded before it is asked for");
                assertSame(bytes, restored.storedForm(), "the stored form as read while the values are not decoded");
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<String[]>> asked = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    asked.add(pool.submit(() -> {
                        start.await();
                        return restored.features();
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<String[]> values : asked) {
                    assertArrayEquals(original.features(), values.get(), "round " + round);
                }
                assertFalse(restored.featuresPending(), "the bytes are dropped once the values are published");
                assertArrayEquals(bytes, restored.storedForm(), "encoded again from the values: the same bytes");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherConfigurationOrACutIsRefusedNeverMisread() {
        FeatureCodec codec = FeatureCodec.of(() -> "spec-a");
        SourceRecord record = record("1");
        byte[] bytes = features(record, codec).storedForm();
        assertNull(FeatureCodec.of(() -> "spec-b").decode(bytes, record, 6, null), "another configuration");
        for (int cut = 0; cut < bytes.length; cut++) {
            assertNull(codec.decode(Arrays.copyOf(bytes, cut), record, 6, null), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertNull(codec.decode(longer, record, 6, null), "trailing bytes");
        SourceRecord fewer = SourceRecord.builder("crm", "1").observedAt(NOW).identifier(IdentifierType.EMAIL, "a@b.org")
                .build();
        assertNull(codec.decode(bytes, fewer, 6, null), "identifier types the record does not have");
    }

    @Test
    void aConfigurationWithoutANameHasNoStoredForm() {
        FeatureCodec none = FeatureCodec.of(() -> null);
        assertNull(features(record("1"), none).storedForm());
        assertNull(features(record("1"), null).storedForm());
        assertNull(none.decode(features(record("1"), FeatureCodec.of(() -> "spec-a")).storedForm(), record("1"), 6,
                null));
    }

    @Test
    void equalValuesDecodedThroughOneCacheAreOneString() {
        FeatureCodec codec = FeatureCodec.of(() -> "spec-a");
        FeatureCodec.StringCache cache = new FeatureCodec.StringCache(6);
        SourceRecord a = record("1");
        SourceRecord b = record("2");
        byte[] ba = features(a, codec).storedForm();
        byte[] bb = features(b, codec).storedForm();
        FeatureCodec.Decoded da = codec.decode(ba, a, 6, cache);
        FeatureCodec.Decoded db = codec.decode(bb, b, 6, cache);
        String[] fa = codec.features(ba, a, da.identifiers(), cache);
        String[] fb = codec.features(bb, b, db.identifiers(), cache);
        assertSame(fa[0], fb[0], "\"ana\" once");
        assertSame(da.keyMeta(), db.keyMeta(), "one array for equal key tags");
        assertEquals(fa[2], fb[2], "non-ASCII values are decoded, not shared");
        assertSame(codec.features(ba, a, da.identifiers())[0], codec.features(bb, b, db.identifiers())[0],
                "through the decoding thread's own cache");
    }

    @Test
    void valuesTheRecordHoldsAlreadyAreItsOwnObjects() {
        FeatureCodec codec = FeatureCodec.of(() -> "spec-a");
        SourceRecord record = record("1");
        FeatureRecord original = features(record, codec);
        String[] values = original.features().clone();
        values[1] = "Ana"; // the first_name attribute as given
        values[3] = "0000000001"; // the loyalty identifier's value
        values[4] = "ana|lopez"; // a value of an earlier slot
        values[5] = new String("ana|lopez".toCharArray());
        FeatureRecord e = new FeatureRecord(record, values, original.identifiers, original.linkable, original.keys,
                original.keyMeta, original.lookupKeys, record.attributes(), original.consent, original.tfLog, codec);
        byte[] bytes = e.storedForm();
        FeatureCodec.Decoded d = codec.decode(bytes, record, 6, new FeatureCodec.StringCache(6));
        String[] decoded = codec.features(bytes, record, d.identifiers(), new FeatureCodec.StringCache(6));
        assertArrayEquals(values, decoded);
        Identifier loyalty = record.identifiers().stream().filter(r -> r.type().equals(LOYALTY)).findFirst().get();
        Identifier given = Arrays.stream(d.identifiers()).filter(r -> r.type().equals(LOYALTY)).findFirst().get();
        assertSame(loyalty, given, "stored as given: the record's identifier itself");
        assertSame(record.attributes().get("first_name"), decoded[1], "the attribute's string");
        assertSame(loyalty.value(), decoded[3], "the identifier's string");
        assertSame(decoded[4], decoded[5], "an earlier slot's string");
        Identifier email = Arrays.stream(d.identifiers()).filter(r -> r.type().equals(IdentifierType.EMAIL)).findFirst()
                .get();
        assertEquals("ana.lopez@example.org", email.value(), "normalized, unlike the given value: a new one");
    }

    @Test
    void aSlotWhoseValuesTheRecordNeverHoldsStopsBeingComparedWithThem() {
        FeatureCodec.StringCache cache = new FeatureCodec.StringCache(2);
        for (int i = 0; i < FeatureCodec.StringCache.PROBE; i++) {
            assertTrue(cache.looksAtGiven(0) && cache.looksAtGiven(1), "compared during the probe");
            cache.lookedAtGiven(0, false);
            cache.lookedAtGiven(1, i % 8 == 0); // found one time in eight
        }
        assertFalse(cache.looksAtGiven(0), "never found: no longer compared");
        assertTrue(cache.looksAtGiven(1), "found often enough: still compared");
    }

    @Test
    void aSlotWhoseValuesDoNotRepeatStopsBeingLookedUp() {
        FeatureCodec.StringCache cache = new FeatureCodec.StringCache(2);
        for (int i = 0; i < 3 * FeatureCodec.StringCache.PROBE; i++) {
            byte[] unique = ("user" + i + "@example.org").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] common = ("city" + (i % 20)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("user" + i + "@example.org", cache.get(0, unique, 0, unique.length));
            assertEquals("city" + (i % 20), cache.get(1, common, 0, common.length));
        }
        assertTrue(cache.off(0), "unique values: decoded directly after the probe");
        assertFalse(cache.off(1), "repeated values: still shared");
        byte[] again = "city7".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertSame(cache.get(1, again, 0, again.length), cache.get(1, again, 0, again.length));
    }
}
