package io.unum.internal;

import io.unum.store.GraphStore;

/**
 * The records sharing one block key in the {@link InMemoryGraphStore}, with the key's tag and
 * the store's bookkeeping for the open transaction: the block's size when the transaction first
 * changed it. Guarded by the store's single-writer discipline.
 */
final class Block implements GraphStore.Members {
    final long key;
    final int tag;
    /**
     * Member ordinals, unordered; the first {@link #size} are valid. {@code null} while the block
     * has never held more than one record, whose ordinal is then {@link #only}: most blocks hold
     * one record, and an array each was a million-record store's largest count of objects.
     */
    private int[] members;
    private int only;
    private int size;
    /** The transaction that last changed the block, and the size it found. */
    long txEpoch = -1;
    int sizeAtBegin;

    Block(long key, int tag) {
        this.key = key;
        this.tag = tag;
    }

    @Override
    public long key() {
        return key;
    }

    @Override
    public int tag() {
        return tag;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int member(int i) {
        return members == null ? only : members[i];
    }

    void add(int ordinal) {
        if (members == null) {
            if (size == 0) {
                only = ordinal;
                size = 1;
                return;
            }
            members = new int[] {only, 0};
        } else if (size == members.length) {
            members = java.util.Arrays.copyOf(members, size + (size >> 1) + 1);
        }
        members[size++] = ordinal;
    }

    /** Removes one occurrence by swapping in the last member; order is not kept. */
    boolean removeValue(int ordinal) {
        if (members == null) {
            if (size == 1 && only == ordinal) {
                size = 0;
                return true;
            }
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (members[i] == ordinal) {
                members[i] = members[--size];
                return true;
            }
        }
        return false;
    }
}
