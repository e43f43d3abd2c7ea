package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockIndex} against a {@code HashMap} oracle (seeded random creations through growths,
 * removals with backward shifts, look-ups of present and absent keys, sweeps of many keys at
 * once), and {@link Block}'s members against a list as they move between the inline single
 * member and an array.
 */
class BlockIndexTest {

    @Test
    void agreesWithAHashMapThroughGrowthsRemovalsAndSweeps() {
        Random random = new Random(42);
        BlockIndex index = new BlockIndex();
        Map<Long, Block> oracle = new HashMap<>();
        List<Long> known = new ArrayList<>();
        for (int step = 0; step < 50_000; step++) {
            int op = random.nextInt(100);
            if (op < 55 || known.isEmpty()) {
                // small consecutive keys as well as random ones: the mix must spread both
                long key = random.nextBoolean() ? random.nextInt(50_000) : random.nextLong();
                int tag = random.nextInt(8);
                Block made = index.getOrCreate(key, tag);
                Block before = oracle.putIfAbsent(key, made);
                if (before == null) {
                    known.add(key);
                    assertEquals(key, made.key);
                    assertEquals(tag, made.tag);
                } else {
                    assertSame(before, made, "an existing key keeps its block (and its tag)");
                }
            } else if (op < 80) {
                long key = known.remove(random.nextInt(known.size()));
                oracle.remove(key);
                index.remove(key);
                assertNull(index.get(key));
            } else if (op < 99) {
                long key = random.nextBoolean() ? known.get(random.nextInt(known.size())) : random.nextLong();
                assertSame(oracle.get(key), index.get(key));
            } else {
                // a sweep: many keys, some present, some repeated, inserted in sweep order
                int count = 1 + random.nextInt(1_500);
                long[] keys = new long[count];
                for (int i = 0; i < count; i++) {
                    keys[i] = random.nextInt(4) == 0 && !known.isEmpty() ? known.get(random.nextInt(known.size()))
                            : random.nextInt(3) == 0 && i > 0 ? keys[random.nextInt(i)] : random.nextLong();
                }
                int[] order = order(index.sweepPlaces(keys, count));
                assertSweepOrder(keys, count, order);
                for (int i : order) {
                    Block made = index.getOrCreate(keys[i], 1);
                    if (oracle.putIfAbsent(keys[i], made) == null) {
                        known.add(keys[i]);
                    }
                }
            }
            assertEquals(oracle.size(), index.size());
        }
        for (Map.Entry<Long, Block> entry : oracle.entrySet()) {
            assertSame(entry.getValue(), index.get(entry.getKey()));
        }
        int[] seen = {0};
        index.forEach(block -> {
            assertSame(oracle.get(block.key), block);
            seen[0]++;
        });
        assertEquals(oracle.size(), seen[0]);
        index.clear();
        assertEquals(0, index.size());
        assertNull(index.get(known.get(0)));
    }

    /** The positions in their places' order (and a check that the places are a permutation). */
    private static int[] order(int[] places) {
        int[] order = new int[places.length];
        java.util.Arrays.fill(order, -1);
        for (int i = 0; i < places.length; i++) {
            assertEquals(-1, order[places[i]], "place " + places[i] + " twice");
            order[places[i]] = i;
        }
        return order;
    }

    /** A permutation of 0..count-1, region by region, in which every key's positions keep their given order. */
    private static void assertSweepOrder(long[] keys, int count, int[] order) {
        assertEquals(count, order.length);
        boolean[] taken = new boolean[count];
        Map<Long, Integer> last = new HashMap<>();
        int region = 0;
        for (int i : order) {
            assertTrue(BlockIndex.region(keys[i]) >= region, "regions front to back");
            region = BlockIndex.region(keys[i]);
            assertFalse(taken[i], "position " + i + " twice");
            taken[i] = true;
            Integer previous = last.put(keys[i], i);
            assertTrue(previous == null || previous < i, "one key's positions in their given order");
        }
    }

    @Test
    void aSweepMakesRoomFirstSoTheTableNeverGrowsUnderIt() {
        // sorted inserts into a table that grows on the way pile every key into its front half
        // (probe runs of thousands of slots: a million-record store took minutes to open)
        BlockIndex index = new BlockIndex();
        Random random = new Random(7);
        for (int round = 0; round < 3; round++) {
            int count = 50_000 + random.nextInt(50_000);
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = random.nextLong();
            }
            int[] order = order(index.sweepPlaces(keys, count));
            int capacity = index.capacity();
            assertTrue(2L * (index.size() + count) <= capacity, "room for every key at half load");
            for (int i : order) {
                index.getOrCreate(keys[i], 0);
            }
            assertEquals(capacity, index.capacity(), "no growth during the sweep");
            for (long key : keys) {
                assertEquals(key, index.get(key).key);
            }
        }
    }

    @Test
    void aBlocksMembersAgreeWithAListFromOneMemberToMany() {
        Random random = new Random(3);
        Block block = new Block(1L, 0);
        List<Integer> oracle = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            if (oracle.isEmpty() || random.nextInt(oracle.size() > 3 ? 2 : 3) > 0) {
                int o = random.nextInt(1_000_000);
                if (!oracle.contains(o)) {
                    block.add(o);
                    oracle.add(o);
                }
            } else {
                Integer o = random.nextBoolean() ? oracle.get(random.nextInt(oracle.size())) : -1 - random.nextInt(5);
                assertEquals(oracle.remove(o), block.removeValue(o));
            }
            assertEquals(oracle.size(), block.size());
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < block.size(); i++) {
                members.add(block.member(i));
            }
            assertEquals(new java.util.HashSet<>(oracle), new java.util.HashSet<>(members));
        }
        Block single = new Block(2L, 0);
        single.add(5);
        assertEquals(5, single.member(0));
        assertFalse(single.removeValue(6));
        assertTrue(single.removeValue(5));
        assertEquals(0, single.size());
        single.add(9);
        single.add(10);
        assertEquals(List.of(9, 10), List.of(single.member(0), single.member(1)), "members in the order added");
    }
}
