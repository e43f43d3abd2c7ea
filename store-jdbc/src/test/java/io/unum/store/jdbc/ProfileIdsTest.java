package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.unum.model.ProfileId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ProfileIds}: one object per id, found by bytes or by string, through growths. */
class ProfileIdsTest {

    @Test
    void oneObjectPerIdByBytesOrByString() {
        ProfileIds ids = new ProfileIds();
        Map<String, ProfileId> added = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String id = i % 7 == 0 ? "prøfil-" + i : "p" + Long.toHexString(random.nextLong());
            ProfileId made = ids.add(id);
            assertEquals(id, made.value());
            assertSame(made, ids.add(id), "adding again gives the same object");
            added.put(id, made);
        }
        added.forEach((id, made) -> {
            assertSame(made, ids.get(id.getBytes(StandardCharsets.UTF_8)), id);
            assertSame(made, ids.get(new String(id)), id);
        });
        ProfileId other = ids.get("not-a-profile".getBytes(StandardCharsets.UTF_8));
        assertEquals("not-a-profile", other.value());
        assertSame(other, ids.get("not-a-profile"), "an id no profile holds: made once");
        assertNull(ids.get((byte[]) null));
        assertNull(ids.get((String) null));
    }
}
