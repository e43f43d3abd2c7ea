package io.unum.model;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An immutable map from attribute names to values held as two arrays sorted by name: a fraction
 * of a {@code TreeMap}'s or {@code LinkedHashMap}'s memory per record or profile, with look-up by
 * binary search. Iterates in name order.
 *
 * @param <V> the value type
 */
final class SortedAttributes<V> extends AbstractMap<String, V> {

    private static final SortedAttributes<?> EMPTY = new SortedAttributes<>(new String[0], new Object[0]);

    private final String[] names;
    private final Object[] values;

    private SortedAttributes(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** Copies a map already sorted by name (a {@code TreeMap}, or an insertion-ordered map filled in name order). */
    @SuppressWarnings("unchecked")
    static <V> SortedAttributes<V> copyOf(Map<String, V> sorted) {
        if (sorted.isEmpty()) {
            return (SortedAttributes<V>) EMPTY;
        }
        String[] names = new String[sorted.size()];
        Object[] values = new Object[sorted.size()];
        int i = 0;
        for (Map.Entry<String, V> e : sorted.entrySet()) {
            names[i] = e.getKey();
            values[i] = e.getValue();
            if (i > 0 && names[i - 1].compareTo(names[i]) >= 0) {
                throw new IllegalArgumentException("attribute names must be sorted and distinct");
            }
            i++;
        }
        return new SortedAttributes<>(names, values);
    }

    /**
     * Collects names and values for a {@link SortedAttributes}, kept sorted as they arrive: a name
     * greater than the last one (names given in order, as a stored record gives them) is appended
     * after one comparison, any other is found or inserted by binary search. Equivalent to filling
     * a {@code TreeMap} and copying it, without its entry objects and rebalancing. Not
     * thread-safe.
     *
     * @param <V> the value type
     */
    static final class Builder<V> {
        private String[] names = new String[16];
        private Object[] values = new Object[16];
        private int size;

        /** Sets {@code name} (non-null) to {@code value}, replacing an earlier value. */
        void put(String name, V value) {
            int i = size == 0 || names[size - 1].compareTo(name) < 0 ? -(size + 1)
                    : Arrays.binarySearch(names, 0, size, name);
            if (i >= 0) {
                values[i] = value;
                return;
            }
            i = -(i + 1);
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(names, i, names, i + 1, size - i);
            System.arraycopy(values, i, values, i + 1, size - i);
            names[i] = name;
            values[i] = value;
            size++;
        }

        /** Removes {@code name} if present. */
        void remove(String name) {
            int i = Arrays.binarySearch(names, 0, size, name);
            if (i >= 0) {
                size--;
                System.arraycopy(names, i + 1, names, i, size - i);
                System.arraycopy(values, i + 1, values, i, size - i);
                names[size] = null;
                values[size] = null;
            }
        }

        /** The attributes collected so far, as an immutable map (the builder stays usable). */
        @SuppressWarnings("unchecked")
        SortedAttributes<V> build() {
            if (size == 0) {
                return (SortedAttributes<V>) EMPTY;
            }
            return new SortedAttributes<>(sharedNames(names, size), Arrays.copyOf(values, size));
        }
    }

    /** Recently built name arrays, by a hash of their names: records with one set of attribute names share one array. */
    private static final AtomicReferenceArray<String[]> NAMES = new AtomicReferenceArray<>(256);

    /**
     * {@code names[0 .. size-1]} as an array that another map with equal names may already hold
     * (a million records read from one file would otherwise hold a million copies of its header).
     * The arrays are never written after they are made, so sharing them is safe across threads.
     */
    private static String[] sharedNames(String[] names, int size) {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + names[i].hashCode();
        }
        int slot = (h ^ (h >>> 16)) & (NAMES.length() - 1);
        String[] known = NAMES.get(slot);
        if (known != null && known.length == size) {
            boolean same = true;
            for (int i = 0; i < size && same; i++) {
                same = known[i].equals(names[i]);
            }
            if (same) {
                return known;
            }
        }
        String[] made = Arrays.copyOf(names, size);
        NAMES.set(slot, made);
        return made;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? (V) values[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && Arrays.binarySearch(names, name) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    /** The values in name order: a view over the array (no entry objects, unlike the default). */
    @Override
    @SuppressWarnings("unchecked")
    public Collection<V> values() {
        return new AbstractList<>() {
            @Override
            public V get(int index) {
                return (V) values[index];
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
