package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.rules.Feature;
import io.unum.rules.FeatureSource;
import io.unum.spi.Normalizers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What features are derived from is observed from the reads of their sources. */
class FeatureInputsTest {

    private static FeatureRecord entry(SourceRecord record) {
        return new FeatureRecord(record, new String[0], new io.unum.model.Identifier[0], new io.unum.model.Identifier[0],
                new long[0], new int[0], new long[0], record.attributes(), null, null, null);
    }

    @Test
    void aFeatureIsDerivedFromWhatItsSourceReads() {
        Feature given = Feature.of("given", "first_name", Normalizers.trim());
        Feature nameSet = Feature.of("name_set", FeatureSource.attributes("first_name", "last_name"), Normalizers.trim());
        // reads the full name only when the parts are missing, as a name parser does
        Feature family = Feature.of("family", record -> record.attribute("last_name") != null
                ? record.attribute("last_name") : record.attribute("full_name"), Normalizers.trim());
        Feature email = Feature.of("email", FeatureSource.identifier(IdentifierType.EMAIL), Normalizers.trim());
        Feature failing = Feature.of("failing", record -> {
            record.attribute("gender");
            throw new IllegalStateException("a source that fails");
        }, Normalizers.trim());
        SourceRecord parts = SourceRecord.builder("s", "1").attribute("first_name", "Ann").attribute("last_name", "Lee")
                .identifier(IdentifierType.EMAIL, "ann@example.org").build();
        SourceRecord whole = SourceRecord.builder("s", "2").attribute("full_name", "Ann Lee").build();

        Feature[] features = {given, nameSet, family, email, failing};
        List<Set<String>> first = FeatureInputs.observe(features, List.of(entry(parts)), 10);
        assertEquals(Set.of("attribute first_name"), first.get(0));
        assertEquals(Set.of("attribute first_name", "attribute last_name"), first.get(1));
        assertEquals(Set.of("attribute last_name"), first.get(2), "the full name was not needed");
        assertEquals(Set.of("identifier email"), first.get(3));
        assertEquals(Set.of("attribute gender"), first.get(4), "a failing source's reads count");

        List<Set<String>> both = FeatureInputs.observe(features, List.of(entry(parts), entry(whole)), 10);
        assertEquals(Set.of("attribute last_name", "attribute full_name"), both.get(2));
        assertEquals(Set.of("attribute last_name"), FeatureInputs.observe(features, List.of(entry(parts), entry(whole)), 1)
                .get(2), "only the first records are observed");

        assertTrue(FeatureInputs.overlap(both.get(0), both.get(1)), "the given name and the name set share first_name");
        assertFalse(FeatureInputs.overlap(both.get(1), both.get(3)));
    }
}
