package io.unum.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Identifier}'s written-out {@code equals}, {@code hashCode} and order against what a
 * record of the same two components derives and the order by type, then value.
 */
class IdentifierTest {

    private record Derived(IdentifierType type, String value) {
    }

    private static final Comparator<Identifier> BY_TYPE_THEN_VALUE =
            Comparator.comparing(Identifier::type).thenComparing(Identifier::value);

    /** Another object for the type: types are equal by name. */
    private static IdentifierType sameName(IdentifierType type) {
        return type.isProtected() ? IdentifierType.of(type.base().name()).protectedVariant() : IdentifierType.of(type.name());
    }

    @Test
    void behavesAsARecordOfTheTwoComponents() {
        List<IdentifierType> types = List.of(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.of("loyalty_card"),
                IdentifierType.of("loyalty_card").protectedVariant(), IdentifierType.of("customer_id"));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            IdentifierType ta = types.get(random.nextInt(types.size()));
            IdentifierType tb = random.nextInt(3) == 0 ? sameName(ta) : types.get(random.nextInt(types.size()));
            String va = "x" + random.nextInt(5) + (random.nextBoolean() ? "é" : "");
            String vb = random.nextInt(3) == 0 ? new String(va) : "x" + random.nextInt(5);
            Identifier a = new Identifier(ta, va);
            Identifier b = new Identifier(tb, vb);
            assertEquals(new Derived(ta, va).hashCode(), a.hashCode());
            assertEquals(ta.name().hashCode(), ta.hashCode());
            assertEquals(new Derived(ta, va).equals(new Derived(tb, vb)), a.equals(b));
            assertEquals(Integer.signum(BY_TYPE_THEN_VALUE.compare(a, b)), Integer.signum(a.compareTo(b)));
            assertEquals(a.equals(b), a.compareTo(b) == 0);
        }
        assertNotEquals(new Identifier(IdentifierType.EMAIL, "a"), "a");
        assertEquals(new Identifier(IdentifierType.EMAIL, "a"), new Identifier(IdentifierType.of("email"), "a"));
    }
}
