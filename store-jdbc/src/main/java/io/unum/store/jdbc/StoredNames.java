package io.unum.store.jdbc;

import io.unum.model.IdentifierType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects decoded records share by name: one string per source name and one
 * {@link IdentifierType} per type name, for {@link Codec} and {@link RecordDecoder}. At most
 * {@value #MAX_NAMES} names of each are remembered; others are made each time. Thread-safe.
 */
final class StoredNames {

    static final int MAX_NAMES = 1024;
    private static final ConcurrentHashMap<String, String> SOURCES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, IdentifierType> TYPES = new ConcurrentHashMap<>();

    private StoredNames() {
    }

    /**
     * One string object per source name (a store has a handful of sources and a million records:
     * each record's key would otherwise hold its own copy). At most {@value #MAX_NAMES} names
     * are remembered.
     */
    static String source(String name) {
        if (name == null) {
            return null;
        }
        String known = SOURCES.get(name);
        if (known != null) {
            return known;
        }
        if (SOURCES.size() < MAX_NAMES) {
            known = SOURCES.putIfAbsent(name, name);
        }
        return known != null ? known : name;
    }

    /**
     * {@link IdentifierType#named}, remembered: a type compares by name, so one object per name
     * serves every identifier ({@code named} builds a new type and matches its name against a
     * pattern for a social or user-defined name; per identifier that was a twentieth of
     * decoding). At most {@value #MAX_NAMES} names are remembered.
     */
    static IdentifierType type(String name) {
        IdentifierType known = name == null ? null : TYPES.get(name);
        if (known != null) {
            return known;
        }
        IdentifierType made = IdentifierType.named(name);
        if (TYPES.size() < MAX_NAMES) {
            TYPES.putIfAbsent(name, made);
        }
        return made;
    }
}
