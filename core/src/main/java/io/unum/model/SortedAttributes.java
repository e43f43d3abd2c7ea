package io.unum.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

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
