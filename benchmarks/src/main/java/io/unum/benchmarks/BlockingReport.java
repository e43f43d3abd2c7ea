package io.unum.benchmarks;

import io.unum.matchers.CustomerRules;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Feature;
import io.unum.rules.MatchRule;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Block sizes and pair counts per blocking key of the customer rules' probabilistic rule, on
 * generated data of a given size — to see which keys make the candidate pairs grow faster than
 * the records.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.BlockingReport --records 1000000
 * </pre>
 *
 * <p>Features are computed through the public API ({@link PublicFeatures}); a key's value is
 * its features' values joined (absent if any is absent), as {@link BlockingKey} defines. Pairs
 * per key are {@code Σ C(n, 2)} over its blocks of at most {@code cap} records (default 1,000,
 * the engine's default block-size cap); larger blocks count as oversized and give no pairs. A
 * pair that shares several keys is counted once per key here (the engine scores it once), so
 * the total is an upper bound of the engine's candidate pairs.
 */
public final class BlockingReport {

    private BlockingReport() {
    }

    public static void main(String[] args) {
        long people = GeneratedData.peopleFor(100_000);
        int cap = 1000;
        Path root = GeneratedData.cacheRoot();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> people = GeneratedData.peopleFor(Long.parseLong(args[++i].replace("_", "")));
                case "--people" -> people = Long.parseLong(args[++i].replace("_", ""));
                case "--cap" -> cap = Integer.parseInt(args[++i]);
                case "--data" -> root = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = GeneratedData.ensure(root, people, 42);
        CustomerRules rules = UnumSetup.customerRules();
        MatchRule.Probabilistic rule = rules.personRule();
        PublicFeatures features = new PublicFeatures(rules, rule);
        List<Feature> featureList = rules.features();
        List<BlockingKey> keys = rule.blockingKeys();
        int[][] slots = new int[keys.size()][];
        for (int k = 0; k < keys.size(); k++) {
            List<String> names = keys.get(k).features();
            slots[k] = new int[names.size()];
            for (int f = 0; f < names.size(); f++) {
                String name = names.get(f);
                slots[k][f] = indexOf(featureList, name);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] blocks = new Map[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            blocks[k] = new HashMap<>();
        }
        long[] records = {0};
        GeneratedData.forEachRow(dir, row -> {
            SourceRecord record = GeneratedData.toRecord(row);
            String[] values = features.featurize(record);
            records[0]++;
            for (int k = 0; k < slots.length; k++) {
                StringBuilder key = new StringBuilder();
                boolean complete = true;
                for (int slot : slots[k]) {
                    String v = values[slot];
                    if (v == null) {
                        complete = false;
                        break;
                    }
                    key.append(v).append('\u001f');
                }
                if (complete) {
                    blocks[k].merge(key.toString(), 1, Integer::sum);
                }
            }
        });
        long n = records[0];
        System.out.printf(Locale.ROOT, "blocking keys of rule %s on %,d records (cap %,d)%n", rule.name(), n, cap);
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %8s %9s %14s %10s%n", "key", "records", "blocks", "largest",
                "oversized", "pairs", "per record");
        long total = 0;
        for (int k = 0; k < keys.size(); k++) {
            long withKey = 0;
            long pairs = 0;
            int largest = 0;
            int oversized = 0;
            for (int size : blocks[k].values()) {
                withKey += size;
                largest = Math.max(largest, size);
                if (size > cap) {
                    oversized++;
                } else {
                    pairs += (long) size * (size - 1) / 2;
                }
            }
            total += pairs;
            System.out.printf(Locale.ROOT, "%-28s %,10d %,10d %,8d %,9d %,14d %10.1f%n", keys.get(k).name(), withKey,
                    blocks[k].size(), largest, oversized, pairs, pairs / (double) n);
        }
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %8s %9s %,14d %10.1f%n", "sum (upper bound)", "", "", "", "",
                total, total / (double) n);
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
