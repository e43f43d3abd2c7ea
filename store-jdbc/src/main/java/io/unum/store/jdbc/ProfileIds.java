package io.unum.store.jdbc;

import io.unum.model.ProfileId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The profile ids of a store being opened, one object per id, found by the UTF-8 bytes of a
 * record's {@code profile_id} column: no string is made for the million records that name one
 * of a few hundred thousand profiles (a concurrent map from new strings had been a quarter of the
 * decoding threads' time).
 *
 * <h2>Design</h2>
 * The ids of the {@code unum_profiles} table are {@linkplain #add added} first, on one thread,
 * into a table of byte keys ({@link Utf8Keys}); after that the table is only read, by any number
 * of threads (the caller publishes it to them, as handing work to an executor does). An id that
 * no profile row holds — a store written by hand, say — is made on demand and remembered in a
 * concurrent map, so it too is one object.
 */
final class ProfileIds {

    private final Utf8Keys<ProfileId> stored = new Utf8Keys<>();
    private final ConcurrentHashMap<String, ProfileId> others = new ConcurrentHashMap<>();

    /** Adds a stored profile's id (one thread, before any {@link #get}); returns its object. */
    ProfileId add(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        ProfileId known = stored.get(key, 0, key.length);
        if (known != null) {
            return known;
        }
        ProfileId made = ProfileId.of(id);
        stored.put(key, made);
        return made;
    }

    /** The id whose UTF-8 bytes are {@code utf8}, or {@code null} for {@code null}. Thread-safe after the adds. */
    ProfileId get(byte[] utf8) {
        if (utf8 == null) {
            return null;
        }
        ProfileId known = stored.get(utf8, 0, utf8.length);
        return known != null ? known : other(new String(utf8, StandardCharsets.UTF_8));
    }

    /** The id {@code id}, or {@code null} for {@code null}. Thread-safe after the adds. */
    ProfileId get(String id) {
        if (id == null) {
            return null;
        }
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        ProfileId known = stored.get(key, 0, key.length);
        return known != null ? known : other(id);
    }

    private ProfileId other(String id) {
        ProfileId known = others.get(id);
        if (known == null) {
            ProfileId made = ProfileId.of(id);
            known = others.putIfAbsent(id, made);
            if (known == null) {
                known = made;
            }
        }
        return known;
    }
}
