package io.unum.benchmarks;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.ProfileChange;
import io.unum.Resolver;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A diagnostic companion of {@link LiveUpsertBenchmark}: the same graph and held-out records,
 * but each upsert timed on its own and printed with what it changed (profile changes and the
 * records in the changed profiles), to see what slow upserts have in common. One JVM run, no
 * JMH; the first {@code --warmup} upserts are not reported. {@code --jfr FILE} records a JFR
 * profile of the upserts only (set-up excluded).
 *
 * <pre>
 * java -Xmx14g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.UpsertProbe --resident 100000 --rules customer
 * </pre>
 */
public final class UpsertProbe {

    private UpsertProbe() {
    }

    public static void main(String[] args) throws java.io.IOException {
        int resident = 100_000;
        String rules = "customer";
        int upserts = 300;
        int warmup = 100;
        Path jfr = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--resident" -> resident = Integer.parseInt(args[++i].replace("_", ""));
                case "--rules" -> rules = args[++i];
                case "--upserts" -> upserts = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long people = GeneratedData.peopleFor(Math.round(resident / 0.9));
        Path dir = GeneratedData.ensure(GeneratedData.cacheRoot(), people, 42);
        List<SourceRecord> initial = new ArrayList<>();
        List<SourceRecord> incoming = new ArrayList<>();
        Random random = new Random(42);
        for (SourceRecord record : GeneratedData.records(dir)) {
            (random.nextInt(10) == 0 ? incoming : initial).add(record);
        }
        Collections.shuffle(incoming, random);
        Resolver resolver = switch (rules) {
            case "email" -> Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL)).build();
            case "customer-handset" -> UnumSetup.untrained(Runtime.getRuntime().availableProcessors());
            case "customer" -> {
                Resolver base = UnumSetup.untrained(Runtime.getRuntime().availableProcessors());
                yield base.withModel(UnumSetup.train(base, initial));
            }
            default -> throw new IllegalArgumentException("rules must be customer, customer-handset or email");
        };
        IdentityGraph graph = resolver.newGraph();
        long start = System.nanoTime();
        graph.upsertAll(initial);
        System.out.printf(Locale.ROOT, "%,d resident records, %,d profiles, loaded in %.1f s (rules %s)%n",
                graph.size(), graph.profileCount(), (System.nanoTime() - start) / 1e9, rules);
        long[] micros = new long[upserts];
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            try {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            } catch (java.io.IOException | java.text.ParseException e) {
                throw new IllegalStateException("cannot start JFR", e);
            }
            recording.setDestination(jfr);
            recording.start();
        }
        System.out.println("  #      µs  changes  records in changed profiles");
        for (int i = 0; i < warmup + upserts; i++) {
            SourceRecord record = incoming.get(i % incoming.size());
            long t0 = System.nanoTime();
            ChangeSet changes = graph.upsert(record);
            long us = (System.nanoTime() - t0) / 1000;
            if (i >= warmup) {
                micros[i - warmup] = us;
                int members = 0;
                for (ProfileChange change : changes.changes()) {
                    if (change instanceof ProfileChange.Created c) {
                        members += c.profile().members().size();
                    } else if (change instanceof ProfileChange.Updated u) {
                        members += u.profile().members().size();
                    } else if (change instanceof ProfileChange.Merged m) {
                        members += m.survivor().members().size();
                    } else if (change instanceof ProfileChange.Split s) {
                        members += s.parts().stream().mapToInt(p -> p.members().size()).sum();
                    }
                }
                if (i - warmup < 40 || us > 100_000) {
                    System.out.printf(Locale.ROOT, "%4d %8d %8d %8d%n", i - warmup, us, changes.changes().size(), members);
                }
            }
        }
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "upsert µs over %d: p50 %d, p90 %d, p99 %d, max %d%n", upserts,
                micros[upserts / 2], micros[upserts * 9 / 10], micros[Math.min(upserts - 1, upserts * 99 / 100)],
                micros[upserts - 1]);
    }
}
