package io.unum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolution;
import io.unum.model.Attributes;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void linksTheThreeSourcesAndPrintsProvenance() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Resolution resolution = Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(2, resolution.profiles().size());
        Profile bob = resolution.profileOf(RecordKey.of("crm", "C-17")).orElseThrow();
        assertEquals(3, bob.members().size(), "CRM, shop and newsletter records are one person");
        assertEquals("Robert", bob.attribute(Attributes.FIRST_NAME).orElseThrow().value(), "the CRM has priority for names");
        assertEquals("Shelbyville", bob.attribute(Attributes.CITY).orElseThrow().value(), "the most recent city wins");
        assertTrue(out.contains("first_name = Robert  <- crm/C-17 (source_priority)"), out);
        assertTrue(out.contains("live change: merged") || out.contains("live change: updated"), out);
    }
}
