package io.unum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.IdentityGraph;
import io.unum.Resolution;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrivacyExamplesTest {

    @Test
    void consentScopedViews() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Resolution resolution = ConsentScopedViews.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, resolution.profiles().size(), "CRM and shop link on the customer id; the newsletter stays apart");
        assertTrue(out.contains("email: jane@example.com\n"), out);
        assertTrue(out.contains("email: j***@work.example (masked)"), out);
        assertTrue(!out.contains("internal_notes"), out);
        assertTrue(out.contains("View for analytics:"), out);
    }

    @Test
    void erasure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IdentityGraph graph = Erasure.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, graph.size(), "only Ann is left; Jane was not re-created");
        assertTrue(out.contains("reasonCode=SUPPRESSED"), out);
        String erasedLine = out.lines().filter(l -> l.startsWith("Erased:")).findFirst().orElseThrow();
        // The audit line carries a timestamp and profile ids, so look for the erased values
        // themselves (a bare "555" matched the nanoseconds of one run's timestamp).
        for (String personal : new String[] {"jane", "example.com", "555 0134", "5550134", "+1 217"}) {
            assertTrue(!erasedLine.toLowerCase(java.util.Locale.ROOT).contains(personal), erasedLine);
        }
    }
}
