package io.unum.privacy;

import io.unum.model.Identifier;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identifiers of erased people, kept only as keyed hashes (HMAC-SHA-256 of the type's name
 * and the normalized value) with the time of erasure, so that a later re-ingest of the same
 * person is refused (or admitted only with fresh consent, see {@link SuppressionPolicy}) without
 * keeping what was erased.
 *
 * <p>The list lives in memory; {@link #export()} and {@link #restore(Collection)} carry it across
 * restarts (the entries hold no plaintext, but keep the secret apart from them). One list may be
 * shared by several resolvers. Thread-safe.
 */
public final class SuppressionList {

    /**
     * One suppressed identifier.
     *
     * @param hash the keyed hash, hexadecimal
     * @param erasedAt when it was erased
     */
    public record Entry(String hash, Instant erasedAt) {
        public Entry {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(erasedAt, "erasedAt");
        }
    }

    private final KeyedHash hash;
    private final Map<String, Instant> entries = new ConcurrentHashMap<>();

    private SuppressionList(byte[] secret) {
        this.hash = new KeyedHash(secret);
    }

    /**
     * A list keyed with a caller-supplied secret (at least 16 bytes), needed to restore it later.
     */
    public static SuppressionList withSecret(byte[] secret) {
        return new SuppressionList(secret);
    }

    /** A list with a random secret: it works until the JVM stops and cannot be restored. */
    public static SuppressionList inMemory() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SuppressionList(secret);
    }

    /**
     * Adds a normalized identifier; an earlier erasure time is kept.
     *
     * @return the entry as the list now holds it (its keyed hash and erasure time), for a store
     *     that keeps the list durably
     */
    public Entry add(Identifier normalized, Instant erasedAt) {
        Objects.requireNonNull(erasedAt, "erasedAt");
        String hash = key(normalized);
        return new Entry(hash, entries.merge(hash, erasedAt, (a, b) -> a.isBefore(b) ? a : b));
    }

    /** When a normalized identifier was erased, if it was. */
    public Optional<Instant> erasedAt(Identifier normalized) {
        return entries.isEmpty() ? Optional.empty() : Optional.ofNullable(entries.get(key(normalized)));
    }

    /** Whether the list is empty. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The number of suppressed identifiers. */
    public int size() {
        return entries.size();
    }

    /** The entries, for persisting. */
    public List<Entry> export() {
        List<Entry> list = new ArrayList<>(entries.size());
        entries.forEach((h, at) -> list.add(new Entry(h, at)));
        list.sort((x, y) -> x.hash().compareTo(y.hash()));
        return list;
    }

    /** Adds exported entries (made with the same secret). */
    public void restore(Collection<Entry> exported) {
        for (Entry entry : exported) {
            entries.merge(entry.hash(), entry.erasedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    private String key(Identifier normalized) {
        Objects.requireNonNull(normalized, "identifier");
        return hash.hex(normalized.type().name(), normalized.value());
    }

    @Override
    public String toString() {
        return "SuppressionList[" + entries.size() + " entries]";
    }
}
