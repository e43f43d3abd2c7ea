package io.unum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolution;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedConfigurationTest {

    @Test
    void theRebuiltEngineResolvesAsTheOriginal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Resolution resolution = SharedConfiguration.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Quickstart.resolver().resolve(Quickstart.records()).assignments(), resolution.assignments());
        assertTrue(out.contains("rebuilt, same hash: true"), out);
        assertTrue(out.contains("as the original makes: true"), out);
        assertTrue(out.contains("recorded 1 change(s), 4 records"), out);
    }
}
