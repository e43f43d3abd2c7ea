package io.unum.store;

import io.unum.ChangeSet;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where an identity graph keeps its state: the resident records, the blocking index (block
 * membership), the match graph's edges, profile membership, the golden profiles and their
 * aliases, the suppression list of erased identifiers and a change sequence. The engine reads it
 * through a {@link Reader} and changes it only inside one atomic {@link Transaction}. This
 * interface is the seam between the engine and storage, as Lucene's {@code Directory} is between
 * its index and files; its javadoc is the contract, and {@code GraphStoreContract} in core's
 * test-jar checks it against any implementation.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Ordinals.</b> A resident record is addressed by a small non-negative {@code int}, its
 *       ordinal, assigned by {@link Transaction#insert} and stable until the record is removed;
 *       a removed record's ordinal may be reused by a later insert. Every ordinal in use is below
 *       {@link Reader#ordinalBound()}, which stays within a small factor of the largest number of
 *       records resident at once, so that the engine can keep per-record scratch in arrays.</li>
 *   <li><b>Blocks</b> are sets of ordinals under a 64-bit key, created by the first
 *       {@link Transaction#addMember} and gone when their last member is removed. Each block
 *       carries an {@code int} tag chosen by the engine when it was created ({@link Members#tag()}).
 *       Keys and tags are opaque to the store. Member order is unspecified.</li>
 *   <li><b>Edges</b> are symmetric: {@code setEdge(a, b, e)} makes the edge between {@code a} and
 *       {@code b} equal to {@code e} seen from either end. An edge is an opaque non-zero
 *       {@code long} chosen by the engine; {@code 0} is "no edge". Partner order is unspecified.</li>
 *   <li><b>Profiles</b> are stored as given; a record's profile id is what
 *       {@link Transaction#setProfileOf} last set, or {@code null}. An alias maps an absorbed id
 *       to the id it was merged into; the store does not follow chains.</li>
 *   <li><b>Transactions.</b> At most one is open at a time ({@link #begin()} throws
 *       {@link IllegalStateException} otherwise). A transaction reads its own writes. Its writes
 *       become visible to later snapshots on {@link Transaction#commit()}, all at once, and are
 *       undone entirely by {@link Transaction#abort()} (or by closing it uncommitted); either
 *       ends it. A durable store has made the commit durable when {@code commit} returns.</li>
 *   <li><b>Snapshots.</b> {@link #snapshot()} reads the state of the last commit. A store may
 *       require that no transaction is open while a snapshot is read (the in-memory store does:
 *       its snapshot is a view of its live state; {@code IdentityGraph} guarantees it with its
 *       lock). Several threads may read one snapshot or transaction at once while nothing
 *       writes.</li>
 *   <li><b>Metadata</b> is a small map of strings ({@link Reader#meta}), written in
 *       transactions like everything else.</li>
 *   <li><b>Derived data.</b> With each record the engine stores an opaque object derived from it
 *       (its features and keys). A store never interprets it. A persistent store may keep the
 *       bytes of {@link StorableDerived#storedForm()} (when the object is one and the bytes are
 *       not {@code null}) with the record, written in the same transaction, and after reopening
 *       return them, as a {@code byte[]}, for the record's derived data; otherwise it returns
 *       {@code null}. The engine decodes bytes it made with the same configuration and derives
 *       everything else again ({@link Transaction#setDerived} for what it derived, which a
 *       persistent store keeps; {@link Transaction#restoreDerived} for what it decoded, which it
 *       need not write again).</li>
 *   <li>Arguments are validated: an ordinal that is not in use, a duplicate record key, an
 *       edge of a record to itself, a zero edge passed to {@code addEdge} or a {@code null}
 *       where a value is required throws {@link IllegalArgumentException} or
 *       {@link NullPointerException} and changes nothing.</li>
 * </ul>
 *
 * <p>{@link #inMemory()} gives the engine's default store; {@code unum-store-jdbc} provides
 * durable ones.
 */
public interface GraphStore extends AutoCloseable {

    /** A new, empty in-memory store (the default of every graph and batch). */
    static GraphStore inMemory() {
        return new io.unum.internal.InMemoryGraphStore();
    }

    /** A read view of the last committed state; see the class javadoc for its validity. */
    Reader snapshot();

    /**
     * Begins the write transaction.
     *
     * @throws IllegalStateException if a transaction is open or the store is closed
     */
    Transaction begin();

    /** Releases the store's resources; an open transaction is aborted. Idempotent. */
    @Override
    void close();

    /** The members of one block. */
    interface Members {
        /** The block's key. */
        long key();

        /** The tag the engine gave the block when it created it. */
        int tag();

        /** The number of members. */
        int size();

        /**
         * The {@code i}-th member's ordinal, {@code 0 <= i < size()}.
         *
         * @throws IndexOutOfBoundsException outside that range (implementations may skip the check)
         */
        int member(int i);
    }

    /** Reads of the state. */
    interface Reader {
        /** The number of resident records. */
        int recordCount();

        /** An exclusive upper bound on every ordinal in use. */
        int ordinalBound();

        /** The ordinal of the resident record with this key, or {@code -1}. */
        int ordinal(RecordKey key);

        /** The resident record with this ordinal, or {@code null} if the ordinal is not in use. */
        SourceRecord record(int ordinal);

        /** The engine's derived data of a record (see the class javadoc), or {@code null}. */
        Object derived(int ordinal);

        /** The block with this key, or {@code null}; the view follows later writes of the same transaction. */
        Members block(long key);

        /** Calls {@code action} for every block, in no particular order. */
        void forEachBlock(Consumer<Members> action);

        /** The number of blocks. */
        int blockCount();

        /** The number of edges of a record. */
        int degree(int ordinal);

        /** The ordinal of a record's {@code i}-th partner, {@code 0 <= i < degree(ordinal)}. */
        int partner(int ordinal, int i);

        /** A record's {@code i}-th edge, {@code 0 <= i < degree(ordinal)}. */
        long edge(int ordinal, int i);

        /** The profile id of a record, or {@code null}. */
        ProfileId profileOf(int ordinal);

        /** The profile stored under exactly this id (aliases are not followed), or {@code null}. */
        Profile profile(ProfileId id);

        /** The id an absorbed id was merged into, or {@code null}. */
        ProfileId aliasOf(ProfileId id);

        /** The number of stored profiles. */
        int profileCount();

        /** Calls {@code action} for every stored profile, in no particular order. */
        void forEachProfile(Consumer<Profile> action);

        /** Calls {@code action} for every alias (absorbed id, id merged into), in no particular order. */
        void forEachAlias(BiConsumer<ProfileId, ProfileId> action);

        /** When the identifier with this keyed hash was erased, or {@code null}. */
        Instant suppressedAt(String hash);

        /** Calls {@code action} for every suppressed hash and its erasure time. */
        void forEachSuppressed(BiConsumer<String, Instant> action);

        /** The number of changes recorded so far ({@link Transaction#recordChange}). */
        long changeSequence();

        /**
         * A metadata value of the store, or {@code null}. The engine keeps the configuration a
         * store was built with here ({@code spec.hash}, {@code spec.json}, {@code blocking.check}).
         */
        String meta(String key);
    }

    /**
     * Derived data that can outlive the process (see the class javadoc): the engine's features
     * of a record, with a stored form the engine reads back when the store reopens.
     */
    interface StorableDerived {
        /**
         * The bytes to keep with the record, or {@code null} when this derived data has no stored
         * form (a resolver not built from rule sets, whose configuration a store cannot check).
         * Opaque to the store; they hold the record's normalized values, so they are personal data
         * like the record itself.
         */
        byte[] storedForm();
    }

    /** The one write transaction. Not thread-safe for writes; reads may run in parallel while nothing writes. */
    interface Transaction extends Reader, AutoCloseable {
        /**
         * Makes a record resident.
         *
         * @return its ordinal
         * @throws IllegalArgumentException if a record with its key is resident
         */
        int insert(SourceRecord record, Object derived);

        /**
         * Removes a resident record, its profile assignment and every edge it has. The caller
         * removes its block memberships first (a store need not check).
         *
         * @throws IllegalArgumentException if the ordinal is not in use
         */
        void remove(int ordinal);

        /**
         * Replaces the derived data of a resident record (after reopening a persistent store, or
         * when the configuration changes); a persistent store keeps its stored form as for
         * {@link #insert}.
         */
        void setDerived(int ordinal, Object derived);

        /**
         * Replaces the derived data of a resident record with what the engine decoded from the
         * bytes this store returned for it: nothing new to keep. Both are the same data, so a
         * store need not undo it: after an abort a reader may find either. By default
         * {@link #setDerived}.
         */
        default void restoreDerived(int ordinal, Object derived) {
            setDerived(ordinal, derived);
        }

        /**
         * Adds a record to a block, creating the block with {@code tag} if it does not exist (an
         * existing block keeps its tag). Adding a member twice is a caller error.
         */
        void addMember(long key, int tag, int ordinal);

        /**
         * Adds many records to blocks: the same as {@link #addMember addMember(keys[i], tags[i],
         * ordinals[i])} for each {@code i} below {@code count} in that order (the first
         * membership of a new key gives its block's tag), but a store may apply them in another
         * order that costs less (the in-memory store sorts them by where they land in its block
         * index). The arrays are read, not kept. By default one {@code addMember} after another.
         *
         * @throws IndexOutOfBoundsException if an array is shorter than {@code count}
         */
        default void addMembers(long[] keys, int[] tags, int[] ordinals, int count) {
            java.util.Objects.checkFromIndexSize(0, count, Math.min(keys.length, Math.min(tags.length, ordinals.length)));
            for (int i = 0; i < count; i++) {
                addMember(keys[i], tags[i], ordinals[i]);
            }
        }

        /** Removes a record from a block; the block goes when it is empty. Unknown pairs are ignored. */
        void removeMember(long key, int ordinal);

        /**
         * Calls {@code visitor} once for every block whose membership this transaction changed,
         * with the block (possibly empty now) and its size when the transaction began.
         */
        void forEachChangedBlock(ChangedBlockVisitor visitor);

        /** Sets, replaces or (with {@code 0}) removes the edge between two records. */
        void setEdge(int a, int b, long edge);

        /** Adds an edge between two records that have none (the caller knows it); faster than {@link #setEdge}. */
        void addEdge(int a, int b, long edge);

        /** Sets a record's profile id ({@code null} for none). */
        void setProfileOf(int ordinal, ProfileId id);

        /** Stores or replaces a profile under its id. */
        void putProfile(Profile profile);

        /** Removes the profile stored under an id, if any. */
        void removeProfile(ProfileId id);

        /** Records that {@code absorbed} was merged into {@code into}. */
        void putAlias(ProfileId absorbed, ProfileId into);

        /** Adds a keyed hash of an erased identifier; an earlier erasure time is kept. */
        void suppress(String hash, Instant erasedAt);

        /**
         * Records a change set in the change sequence (a durable store appends it to its change
         * feed, without personal values).
         *
         * @return the change's sequence number, one more than the last
         */
        long recordChange(ChangeSet changes);

        /** Sets ({@code value} non-null) or removes ({@code null}) a metadata value. */
        void putMeta(String key, String value);

        /** Makes every write visible (and, for a durable store, durable) and ends the transaction. */
        void commit();

        /** Undoes every write and ends the transaction. */
        void abort();

        /** Aborts the transaction unless it was committed or aborted. */
        @Override
        void close();
    }

    /** Sees one changed block. */
    @FunctionalInterface
    interface ChangedBlockVisitor {
        /**
         * @param block the block as it is now (size 0 if it lost every member)
         * @param sizeAtBegin its size when the transaction began (0 if it did not exist)
         */
        void visit(Members block, int sizeAtBegin);
    }
}
