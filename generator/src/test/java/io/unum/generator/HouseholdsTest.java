package io.unum.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The true values of households: the hard negatives hold exactly as documented. */
class HouseholdsTest {

    private static final long SEED = 31;

    private static List<List<Person>> households(int count) {
        Households households = new Households(SEED);
        List<List<Person>> all = new ArrayList<>();
        long next = 0;
        for (long h = 0; h < count; h++) {
            List<Person> people = households.build(h, next, Integer.MAX_VALUE, Rng.stream(SEED, h));
            next += people.size();
            all.add(people);
        }
        return all;
    }

    @Test
    void hardNegativesHoldOnTheTrueValues() {
        int twins = 0;
        int juniors = 0;
        for (List<Person> household : households(20_000)) {
            for (Person p : household) {
                assertEquals(household.get(0).address, p.address, "one address per household");
            }
            List<Person> twinPair = household.stream().filter(p -> p.is(HardNegative.TWINS)).toList();
            if (!twinPair.isEmpty()) {
                twins++;
                assertEquals(2, twinPair.size());
                Person a = twinPair.get(0);
                Person b = twinPair.get(1);
                assertEquals(a.last, b.last);
                assertEquals(List.of(a.birthYear, a.birthMonth, a.birthDay), List.of(b.birthYear, b.birthMonth, b.birthDay));
                assertNotNull(a.familyEmail);
                assertEquals(a.familyEmail, b.familyEmail);
                assertNotEquals(a.first, b.first);
                assertTrue(a.is(HardNegative.SHARED_FAMILY_EMAIL) && b.is(HardNegative.SHARED_FAMILY_EMAIL));
            }
            List<Person> pair = household.stream().filter(p -> p.is(HardNegative.JUNIOR_SENIOR)).toList();
            if (!pair.isEmpty()) {
                juniors++;
                assertEquals(2, pair.size());
                Person senior = pair.stream().filter(p -> "Sr.".equals(p.suffix)).findFirst().orElseThrow();
                Person junior = pair.stream().filter(p -> "Jr.".equals(p.suffix)).findFirst().orElseThrow();
                assertEquals(senior.first, junior.first);
                assertEquals(senior.middle, junior.middle);
                assertEquals(senior.last, junior.last);
                int gap = junior.birthYear - senior.birthYear;
                assertTrue(gap >= 25 && gap <= 30, "junior/senior gap " + gap);
            }
        }
        assertTrue(twins > 100, "twin pairs: " + twins);
        assertTrue(juniors > 100, "junior/senior pairs: " + juniors);
    }

    @Test
    void personalValuesAreUniqueAndEmailsFollowTheName() {
        Set<String> seen = new HashSet<>();
        for (List<Person> household : households(20_000)) {
            for (Person p : household) {
                for (String email : p.emails) {
                    assertTrue(seen.add(email), "unique e-mail " + email);
                    String local = email.substring(0, email.indexOf('@'));
                    String first = Text.handle(p.first);
                    String last = Text.handle(p.last);
                    assertTrue(local.contains(first) || local.startsWith(first.charAt(0) + last),
                            "e-mail of " + p.first + " " + p.last + ": " + email);
                }
                for (String value : new String[] {p.mobile, p.workPhone, p.customerId, p.loyaltyId, p.socialX}) {
                    if (value != null) {
                        assertTrue(seen.add(value), "unique value " + value);
                    }
                }
            }
        }
    }
}
