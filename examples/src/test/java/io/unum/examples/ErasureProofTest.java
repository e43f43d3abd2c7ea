package io.unum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.ErasureAudit;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that {@code forget} leaves nothing behind: unique values are planted, found in a live
 * heap dump, forgotten, and then absent from a second live heap dump (ASCII/Latin-1 and UTF-16
 * forms). The test never holds the planted values in clear: it keeps them XOR-masked and
 * compares against the dump byte by byte, so the only clear copies are the engine's.
 */
class ErasureProofTest {

    private static final byte MASK = 0x5A;

    @Test
    void forgottenValuesAreGoneFromTheHeap(@TempDir Path dir) throws Exception {
        Random random = new Random(20261122);
        byte[][] planted = {
            masked("zq" + token(random) + "@planted.example"),   // an e-mail address
            masked("xylo" + token(random)),                        // a first name (lower case: raw = feature)
            masked("+4791" + digits(random, 6)),                   // a phone number in normalized form
        };
        Resolver resolver = Resolver.newBuilder()
                .feature(Feature.of(Attributes.FIRST_NAME))
                .rule(MatchRule.deterministic("contact", IdentifierType.EMAIL, IdentifierType.PHONE))
                .rule(MatchRule.probabilistic("name")
                        .comparison(Comparison.of(Attributes.FIRST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                        .blockingKey(BlockingKey.on(Attributes.FIRST_NAME)).build())
                .build();
        IdentityGraph graph = resolver.newGraph();
        plant(graph, planted);
        graph.upsert(SourceRecord.builder("crm", "other").identifier(IdentifierType.EMAIL, "someone.else@example.com")
                .attribute(Attributes.FIRST_NAME, "someone").build());

        Path before = dir.resolve("before.hprof");
        dump(before);
        for (byte[] value : planted) {
            assertTrue(contains(before, value), "the planted value must be findable before erasure (test sanity)");
        }
        Files.delete(before);

        ErasureAudit audit = forgetByMaskedEmail(graph, planted[0]);
        assertEquals(2, audit.recordsErased());

        Path after = dir.resolve("after.hprof");
        dump(after);
        for (byte[] value : planted) {
            assertFalse(contains(after, value), "a forgotten value is still on the heap");
        }
        assertEquals(1, graph.size());
        assertTrue(graph.profileOf(RecordKey.of("crm", "other")).isPresent());
    }

    /** Upserts two records of the planted person; no clear copy outlives this method. */
    private static void plant(IdentityGraph graph, byte[][] planted) {
        for (String id : List.of("p1", "p2")) {
            graph.upsert(SourceRecord.builder(id.equals("p1") ? "crm" : "shop", id)
                    .identifier(IdentifierType.EMAIL, clear(planted[0]))
                    .identifier(IdentifierType.PHONE, clear(planted[2]))
                    .attribute(Attributes.FIRST_NAME, clear(planted[1]))
                    .build());
        }
    }

    private static ErasureAudit forgetByMaskedEmail(IdentityGraph graph, byte[] maskedEmail) {
        return graph.forget(Identifier.of(IdentifierType.EMAIL, clear(maskedEmail)));
    }

    private static void dump(Path file) throws IOException {
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        bean.dumpHeap(file.toString(), true); // live objects only: a full GC runs first
    }

    /** Whether the file contains the unmasked value as Latin-1 bytes or as UTF-16 (either byte order). */
    private static boolean contains(Path file, byte[] masked) throws IOException {
        int n = masked.length;
        int[] states = new int[3]; // matched length for latin-1, UTF-16BE, UTF-16LE
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0) {
                states[0] = step(states[0], b, masked, 1, 0);
                states[1] = step(states[1], b, masked, 2, 0);
                states[2] = step(states[2], b, masked, 2, 1);
                if (states[0] == n || states[1] == 2 * n || states[2] == 2 * n) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Advances a naive matcher over the pattern in which each value byte is preceded (width 2,
     * offset 0: big-endian) or followed (offset 1: little-endian) by a zero byte. The planted
     * values have no repeated prefixes, so restarting at zero on a mismatch loses no match.
     */
    private static int step(int matched, int b, byte[] masked, int width, int offset) {
        int expected = expectedAt(matched, masked, width, offset);
        if (b == expected) {
            return matched + 1;
        }
        return b == expectedAt(0, masked, width, offset) ? 1 : 0;
    }

    private static int expectedAt(int position, byte[] masked, int width, int offset) {
        if (width == 1) {
            return (masked[position] ^ MASK) & 0xFF;
        }
        int index = position / 2;
        boolean valueByte = (position % 2) == (offset == 0 ? 1 : 0);
        return valueByte ? (masked[index] ^ MASK) & 0xFF : 0;
    }

    private static byte[] masked(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] ^= MASK;
        }
        return bytes;
    }

    private static String clear(byte[] masked) {
        byte[] bytes = masked.clone();
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] ^= MASK;
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static String token(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static String digits(Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
