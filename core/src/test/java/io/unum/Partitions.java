package io.unum;

import io.unum.model.Profile;
import io.unum.model.RecordKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Partitions as sets of sorted member lists, independent of profile ids. */
final class Partitions {

    private Partitions() {
    }

    static Set<List<RecordKey>> of(Collection<Profile> profiles) {
        Set<List<RecordKey>> partition = new TreeSet<>((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        });
        for (Profile profile : profiles) {
            partition.add(new ArrayList<>(profile.members()));
        }
        return partition;
    }
}
