package io.unum.benchmarks;

import io.unum.matchers.CustomerRules;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Feature;
import io.unum.rules.MatchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Block sizes, pair counts and blocking recall per blocking key of the customer rules'
 * probabilistic rule on generated data of a given size — to see which keys make the candidate
 * pairs grow faster than the records, and what another key set would cost and cover.
 *
 * <pre>
 * java -Xmx10g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.BlockingReport --records 1000000 \
 *     [--drop family_dm+given_initial] [--add family_dm+given_canonical] [--key-cap name_set=100] ...
 * </pre>
 *
 * <p>Features are computed through the public API ({@link PublicFeatures}); a key's value is
 * its features' values joined (absent if any is absent), as {@link BlockingKey} defines, and is
 * kept as a 64-bit hash. Pairs per key are {@code Σ C(n, 2)} over its blocks of at most
 * {@code cap} records (default 1,000, the engine's default block-size cap); larger blocks are
 * oversized and give no pairs. A pair that shares several keys is counted once per key, so a
 * set's sum is an upper bound of the engine's candidate pairs for it. <em>True pairs
 * covered</em> are the pairs of records of the same person (from {@code truth.csv}) that share
 * the key in a block that is not oversized; for a key set, those sharing any of its keys — the
 * recall ceiling blocking leaves to scoring (deterministic rules link on identifiers besides).
 *
 * <p>{@code --drop NAME} removes a key of the rule from the proposed set and {@code --add
 * F1+F2} adds one (features named as in {@code CustomerRules.Features}); the proposed set is
 * reported next to the rule's own when either is given. A key's own cap
 * ({@link BlockingKey#maxBlockSize()}) applies as in the engine (the lower of it and
 * {@code --cap}); {@code --key-cap NAME=N} sets a key's cap to {@code N} instead, in both sets.
 */
public final class BlockingReport {

    private BlockingReport() {
    }

    public static void main(String[] args) {
        long people = GeneratedData.peopleFor(100_000);
        int cap = 1000;
        Path root = GeneratedData.cacheRoot();
        List<String> drop = new ArrayList<>();
        List<String> add = new ArrayList<>();
        Map<String, Integer> keyCaps = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> people = GeneratedData.peopleFor(Long.parseLong(args[++i].replace("_", "")));
                case "--people" -> people = Long.parseLong(args[++i].replace("_", ""));
                case "--cap" -> cap = Integer.parseInt(args[++i]);
                case "--data" -> root = Path.of(args[++i]);
                case "--drop" -> drop.add(args[++i]);
                case "--add" -> add.add(args[++i]);
                case "--key-cap" -> {
                    String[] kv = args[++i].split("=", 2);
                    keyCaps.put(kv[0], Integer.parseInt(kv[1]));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = GeneratedData.ensure(root, people, 42);
        CustomerRules rules = UnumSetup.customerRules();
        MatchRule.Probabilistic rule = rules.personRule();
        PublicFeatures features = new PublicFeatures(rules, rule);
        List<Feature> featureList = rules.features();

        // every key definition: the rule's, then the added ones
        Map<String, List<String>> definitions = new LinkedHashMap<>();
        for (BlockingKey key : rule.blockingKeys()) {
            definitions.put(key.name(), key.features());
            if (key.maxBlockSize() > 0) {
                keyCaps.putIfAbsent(key.name(), key.maxBlockSize());
            }
        }
        List<String> current = new ArrayList<>(definitions.keySet());
        for (String key : add) {
            definitions.put(key, List.of(key.split("\\+")));
        }
        List<String> proposed = new ArrayList<>(current);
        proposed.removeAll(drop);
        proposed.addAll(add);
        List<String> names = new ArrayList<>(definitions.keySet());
        int[] caps = new int[names.size()];
        for (int k = 0; k < caps.length; k++) {
            caps[k] = Math.min(cap, keyCaps.getOrDefault(names.get(k), cap));
        }
        int[][] slots = new int[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            List<String> fs = definitions.get(names.get(k));
            slots[k] = new int[fs.size()];
            for (int f = 0; f < fs.size(); f++) {
                slots[k][f] = indexOf(featureList, fs.get(f));
            }
        }

        Map<RecordKey, String> truth = GeneratedData.truth(dir);
        List<long[]> hashes = new ArrayList<>();
        Map<String, List<Integer>> byPerson = new HashMap<>();
        GeneratedData.forEachRow(dir, row -> {
            SourceRecord record = GeneratedData.toRecord(row);
            String[] values = features.featurize(record);
            long[] h = new long[slots.length];
            for (int k = 0; k < slots.length; k++) {
                h[k] = hash(values, slots[k]);
            }
            byPerson.computeIfAbsent(truth.get(record.key()), p -> new ArrayList<>(4)).add(hashes.size());
            hashes.add(h);
        });
        int n = hashes.size();
        List<Map<Long, Integer>> blocks = new ArrayList<>();
        for (int k = 0; k < slots.length; k++) {
            Map<Long, Integer> sizes = new HashMap<>();
            for (long[] h : hashes) {
                if (h[k] != 0) {
                    sizes.merge(h[k], 1, Integer::sum);
                }
            }
            blocks.add(sizes);
        }

        // true pairs: which keys cover each
        long truePairs = 0;
        long[] coveredBy = new long[slots.length];
        long coveredCurrent = 0;
        long coveredProposed = 0;
        int[] currentIdx = current.stream().mapToInt(names::indexOf).toArray();
        int[] proposedIdx = proposed.stream().mapToInt(names::indexOf).toArray();
        boolean[] shares = new boolean[slots.length];
        for (List<Integer> members : byPerson.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    long[] a = hashes.get(members.get(x));
                    long[] b = hashes.get(members.get(y));
                    truePairs++;
                    for (int k = 0; k < slots.length; k++) {
                        shares[k] = a[k] != 0 && a[k] == b[k] && blocks.get(k).get(a[k]) <= caps[k];
                        if (shares[k]) {
                            coveredBy[k]++;
                        }
                    }
                    coveredCurrent += any(shares, currentIdx) ? 1 : 0;
                    coveredProposed += any(shares, proposedIdx) ? 1 : 0;
                }
            }
        }

        System.out.printf(Locale.ROOT, "blocking keys of rule %s on %,d records, %,d true pairs (cap %,d)%n", rule.name(),
                n, truePairs, cap);
        System.out.printf(Locale.ROOT, "%-40s %10s %10s %8s %9s %14s %10s %12s%n", "key", "records", "blocks",
                "largest", "oversized", "pairs", "per record", "true pairs");
        long[] pairs = new long[slots.length];
        for (int k = 0; k < slots.length; k++) {
            long withKey = 0;
            int largest = 0;
            int oversized = 0;
            for (int size : blocks.get(k).values()) {
                withKey += size;
                largest = Math.max(largest, size);
                if (size > caps[k]) {
                    oversized++;
                } else {
                    pairs[k] += (long) size * (size - 1) / 2;
                }
            }
            System.out.printf(Locale.ROOT, "%-40s %,10d %,10d %,8d %,9d %,14d %10.1f %11.1f%%%n",
                    names.get(k) + (caps[k] != cap ? " (cap " + caps[k] + ")" : "") + (k >= current.size() ? " (added)" : ""), withKey, blocks.get(k).size(), largest,
                    oversized, pairs[k], pairs[k] / (double) n, 100.0 * coveredBy[k] / truePairs);
        }
        summary("rule's key set", currentIdx, pairs, n, coveredCurrent, truePairs);
        if (!drop.isEmpty() || !add.isEmpty()) {
            summary("proposed " + proposed, proposedIdx, pairs, n, coveredProposed, truePairs);
        }
    }

    private static void summary(String title, int[] idx, long[] pairs, int n, long covered, long truePairs) {
        long sum = 0;
        for (int k : idx) {
            sum += pairs[k];
        }
        System.out.printf(Locale.ROOT, "%s: pairs (sum over keys, upper bound) %,d = %.1f per record;"
                + " true pairs covered %.2f%%%n", title, sum, sum / (double) n, 100.0 * covered / truePairs);
    }

    private static boolean any(boolean[] shares, int[] idx) {
        for (int k : idx) {
            if (shares[k]) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a, 64 bits, over the key's values separated by U+001F; 0 when a value is absent. */
    private static long hash(String[] values, int[] slots) {
        long h = 0xcbf29ce484222325L;
        for (int slot : slots) {
            String v = values[slot];
            if (v == null) {
                return 0;
            }
            for (int i = 0; i < v.length(); i++) {
                h = (h ^ v.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x1f) * 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    private static int indexOf(List<Feature> features, String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no feature " + name);
    }
}
