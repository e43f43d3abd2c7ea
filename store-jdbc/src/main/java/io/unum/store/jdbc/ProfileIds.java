package io.unum.store.jdbc;

import io.unum.model.ProfileId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The profile ids of a store being opened, one object per id, found by the UTF-8 bytes of a
 * record's {@code profile_id} column: no string is made for the million records that name one
 * of a few hundred thousand profiles (a concurrent map from new strings had been a quarter of the
 * decoding threads' time).
 *
 * <h2>Design</h2>
 * The ids of the {@code unum_profiles} table are {@linkplain #add added} first, on one thread,
 * into an open-addressing table of byte keys; after that the table is only read, by any number
 * of threads (the caller publishes it to them, as handing work to an executor does). An id that
 * no profile row holds — a store written by hand, say — is made on demand and remembered in a
 * concurrent map, so it too is one object.
 */
final class ProfileIds {

    private byte[][] keys = new byte[16][];
    private ProfileId[] values = new ProfileId[16];
    private int size;
    private final ConcurrentHashMap<String, ProfileId> others = new ConcurrentHashMap<>();

    /** Adds a stored profile's id (one thread, before any {@link #get}); returns its object. */
    ProfileId add(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        ProfileId known = find(key, key.length);
        if (known != null) {
            return known;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        ProfileId made = ProfileId.of(id);
        insert(key, made);
        size++;
        return made;
    }

    /** The id whose UTF-8 bytes are {@code utf8}, or {@code null} for {@code null}. Thread-safe after the adds. */
    ProfileId get(byte[] utf8) {
        if (utf8 == null) {
            return null;
        }
        ProfileId known = find(utf8, utf8.length);
        return known != null ? known : other(new String(utf8, StandardCharsets.UTF_8));
    }

    /** The id {@code id}, or {@code null} for {@code null}. Thread-safe after the adds. */
    ProfileId get(String id) {
        if (id == null) {
            return null;
        }
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        ProfileId known = find(key, key.length);
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

    private ProfileId find(byte[] b, int len) {
        int mask = keys.length - 1;
        for (int i = hash(b, len) & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (Arrays.equals(k, 0, k.length, b, 0, len)) {
                return values[i];
            }
        }
    }

    private void insert(byte[] key, ProfileId value) {
        int mask = keys.length - 1;
        int i = hash(key, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        ProfileId[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new ProfileId[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(byte[] b, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
