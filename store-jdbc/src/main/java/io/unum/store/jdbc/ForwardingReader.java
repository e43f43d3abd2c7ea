package io.unum.store.jdbc;

import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A {@link GraphStore.Reader} that forwards every read but the change sequence to another, the
 * in-memory copy, and adds to its profiles those only stored ({@link StoredProfiles}).
 */
abstract class ForwardingReader implements GraphStore.Reader {

    abstract GraphStore.Reader delegate();

    /** The profiles not read into the in-memory copy. */
    abstract StoredProfiles stored();

    @Override
    public int recordCount() {
        return delegate().recordCount();
    }

    @Override
    public int ordinalBound() {
        return delegate().ordinalBound();
    }

    @Override
    public int ordinal(RecordKey key) {
        return delegate().ordinal(key);
    }

    @Override
    public SourceRecord record(int ordinal) {
        return delegate().record(ordinal);
    }

    @Override
    public Object derived(int ordinal) {
        return delegate().derived(ordinal);
    }

    @Override
    public GraphStore.Members block(long key) {
        return delegate().block(key);
    }

    @Override
    public void forEachBlock(Consumer<GraphStore.Members> action) {
        delegate().forEachBlock(action);
    }

    @Override
    public int blockCount() {
        return delegate().blockCount();
    }

    @Override
    public int degree(int ordinal) {
        return delegate().degree(ordinal);
    }

    @Override
    public int partner(int ordinal, int i) {
        return delegate().partner(ordinal, i);
    }

    @Override
    public long edge(int ordinal, int i) {
        return delegate().edge(ordinal, i);
    }

    @Override
    public ProfileId profileOf(int ordinal) {
        return delegate().profileOf(ordinal);
    }

    @Override
    public Profile profile(ProfileId id) {
        Profile profile = delegate().profile(id);
        return profile != null ? profile : stored().read(id, delegate());
    }

    @Override
    public ProfileId aliasOf(ProfileId id) {
        return delegate().aliasOf(id);
    }

    @Override
    public int profileCount() {
        return delegate().profileCount() + stored().count();
    }

    @Override
    public void forEachProfile(Consumer<Profile> action) {
        delegate().forEachProfile(action);
        stored().forEach(action, delegate());
    }

    @Override
    public void forEachAlias(BiConsumer<ProfileId, ProfileId> action) {
        delegate().forEachAlias(action);
    }

    @Override
    public Instant suppressedAt(String hash) {
        return delegate().suppressedAt(hash);
    }

    @Override
    public void forEachSuppressed(BiConsumer<String, Instant> action) {
        delegate().forEachSuppressed(action);
    }

    @Override
    public String meta(String key) {
        return delegate().meta(key);
    }
}
