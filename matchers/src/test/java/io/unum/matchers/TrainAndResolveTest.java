package io.unum.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.SourceRecord;
import io.unum.training.TrainingOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Resolver#trainAndResolve} featurizes each record once for training and resolving; it must
 * give exactly what training, {@code withModel} and {@code resolve} give one after the other.
 */
class TrainAndResolveTest {

    private static Resolver resolver() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        return CustomerRules.standard().applyTo(Resolver.newBuilder()).blockingSecret(3, 4).clock(clock).build();
    }

    private static void assertSame(Resolution expected, Resolution actual) {
        assertEquals(expected.assignments(), actual.assignments());
        assertEquals(expected.profiles(), actual.profiles());
        assertEquals(expected.possibleMatches(), actual.possibleMatches());
        assertEquals(expected.issues(), actual.issues());
        assertEquals(expected.statistics().candidatePairs(), actual.statistics().candidatePairs());
        assertEquals(expected.statistics().links(), actual.statistics().links());
    }

    @Test
    void equalsTrainingThenResolvingWhetherTheSampleHoldsAllRecordsOrSome() {
        List<SourceRecord> records = SeededCustomers.records(11, 1500);
        assertTrue(records.size() >= 3000, "records: " + records.size());
        for (TrainingOptions options : List.of(CustomerRules.standard().trainingOptions(),
                TrainingOptions.newBuilder().maxRecords(records.size() / 2).build())) {
            Resolver base = resolver();
            Resolver trained = base.withModel(base.train(records, options));
            Resolution expected = trained.resolve(records);

            Resolver.Trained both = resolver().trainAndResolve(records, options, io.unum.ProgressListener.NONE);
            assertEquals(trained.model().orElseThrow().toJson(), both.model().toJson());
            assertSame(expected, both.resolution());
            // a resolver whose records were featurized once resolves new batches as any other
            assertSame(trained.resolve(records.subList(0, 500)), both.resolver().resolve(records.subList(0, 500)));
        }
    }
}
