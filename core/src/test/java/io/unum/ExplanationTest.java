package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static SourceRecord record(String id, String first, String last, String dob, String email) {
        return SourceRecord.builder("crm", id).attribute(Attributes.FIRST_NAME, first).attribute(Attributes.LAST_NAME, last)
                .attribute(Attributes.DATE_OF_BIRTH, dob).identifier(IdentifierType.EMAIL, email).build();
    }

    @Test
    void explanationAgreesWithTheDecisionStepByStep() {
        Resolver resolver = TestFixtures.customerResolver().build();
        SourceRecord a = record("1", "Anna", "Smith", "19800101", "anna.private@example.com");
        SourceRecord b = record("2", "Anna", "Smithe", "19800101", null); // bigram Dice 8/9
        Explanation explanation = resolver.explain(a, b);
        assertEquals(2 + 1, explanation.rules().size());
        Explanation.Deterministic contact = (Explanation.Deterministic) explanation.rules().get(0);
        assertEquals(Explanation.Outcome.NO_LINK, contact.outcome());
        Explanation.Probabilistic person = (Explanation.Probabilistic) explanation.rules().get(2);
        assertEquals("prior", person.steps().get(0).comparison());
        double total = 0;
        for (Explanation.Step step : person.steps()) {
            total += step.weight();
            assertEquals(total, step.total(), 1e-9, "running total at " + step.comparison());
        }
        assertEquals(total, person.weight(), 1e-9);
        assertEquals("exact", step(person, Attributes.FIRST_NAME).level());
        assertEquals("dice >= 0.6", step(person, Attributes.LAST_NAME).level());
        assertEquals("null", step(person, Attributes.CITY).level());
        assertEquals(0.0, step(person, Attributes.CITY).weight());
        boolean linked = resolver.resolve(List.of(a, b)).profiles().size() == 1;
        assertEquals(linked, explanation.linked());
        String text = explanation.toText();
        assertTrue(text.contains("rule person (probabilistic)"), text);
        assertFalse(text.contains("Smith") || text.contains("anna.private"), "no values in explanations: " + text);
    }

    @Test
    void deterministicExplanationNamesTheSharedType() {
        Resolver resolver = TestFixtures.customerResolver().build();
        Explanation explanation = resolver.explain(record("1", "A", "B", null, "x@example.com"),
                record("2", "C", "D", null, "X@Example.com"));
        Explanation.Deterministic contact = (Explanation.Deterministic) explanation.rules().get(0);
        assertEquals(Explanation.Outcome.LINK, contact.outcome());
        assertEquals(List.of(IdentifierType.EMAIL), contact.shared());
        assertTrue(explanation.linked());
    }

    @Test
    void profileExplanationIsASpanningTreeOfLinks() {
        List<SourceRecord> records = TestFixtures.people(21, 200);
        IdentityGraph graph = TestFixtures.customerResolver().build().newGraph();
        graph.upsertAll(records);
        int checked = 0;
        for (Profile profile : graph.profiles()) {
            ProfileExplanation explanation = graph.explain(profile.id()).orElseThrow();
            assertEquals(profile.members().size() - 1, explanation.links().size(), "a spanning tree of " + profile);
            java.util.Set<RecordKey> reached = new java.util.HashSet<>();
            reached.add(profile.members().get(0));
            List<ProfileExplanation.Link> pending = new ArrayList<>(explanation.links());
            boolean progress = true;
            while (progress) {
                progress = false;
                for (ProfileExplanation.Link link : new ArrayList<>(pending)) {
                    if (reached.contains(link.first()) || reached.contains(link.second())) {
                        reached.add(link.first());
                        reached.add(link.second());
                        pending.remove(link);
                        progress = true;
                    }
                }
            }
            assertEquals(new java.util.HashSet<>(profile.members()), reached, "the links connect every member");
            for (ProfileExplanation.Link link : explanation.links()) {
                assertTrue(graph.explain(link.first(), link.second()).orElseThrow().linked(), link + " is a real link");
            }
            checked += profile.members().size() > 1 ? 1 : 0;
        }
        assertTrue(checked > 20, "enough multi-record profiles: " + checked);
    }

    @Test
    void candidatePairsAndLargestBlocksDescribeTheRun() {
        List<SourceRecord> records = TestFixtures.people(22, 300);
        Resolver resolver = TestFixtures.customerResolver().build();
        List<Double> weights = new ArrayList<>();
        resolver.candidatePairs(records, (first, second, rule, weight, probability) -> {
            assertTrue(first.compareTo(second) < 0);
            assertEquals("person", rule);
            weights.add(weight);
        });
        Resolution resolution = resolver.resolve(records);
        assertEquals(resolution.statistics().candidatePairs(), weights.size(), "every scored pair once");
        assertTrue(resolution.statistics().largestBlocks().size() <= 20);
        assertTrue(resolution.statistics().largestBlocks().get(0).size()
                >= resolution.statistics().largestBlocks().get(1).size());
    }

    private static Explanation.Step step(Explanation.Probabilistic rule, String comparison) {
        return rule.steps().stream().filter(s -> s.comparison().equals(comparison)).findFirst().orElseThrow();
    }
}
