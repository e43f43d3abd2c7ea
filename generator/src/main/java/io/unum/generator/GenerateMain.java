package io.unum.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Ad-hoc command line: {@code java -cp ... io.unum.generator.GenerateMain --people N --seed S
 * --out DIR [--no-junk]}. Prints the summary and the wall time. The {@code unum generate} command of the CLI
 * is the supported front end.
 */
final class GenerateMain {

    private GenerateMain() {
    }

    public static void main(String[] args) throws IOException {
        long people = 1_000;
        long seed = 0;
        Path out = Path.of("generated");
        boolean junk = true;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--people":
                    people = Long.parseLong(require(value, "--people"));
                    i++;
                    break;
                case "--seed":
                    seed = Long.parseLong(require(value, "--seed"));
                    i++;
                    break;
                case "--out":
                    out = Path.of(require(value, "--out"));
                    i++;
                    break;
                case "--no-junk":
                    junk = false;
                    break;
                default:
                    System.err.println("usage: GenerateMain [--people N] [--seed S] [--out DIR] [--no-junk]; unknown: "
                            + args[i]);
                    System.exit(2);
                    return;
            }
        }
        long start = System.nanoTime();
        GenerationSummary summary = CustomerDataGenerator.newBuilder().people(people).seed(seed).junk(junk).build()
                .writeTo(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d people, %d households, %d records (%.3f per person, %.3f e-mails per person)"
                + " in %.2f s (%.0f records/s) -> %s%n", summary.people(), summary.households(), summary.records(),
                summary.recordsPerPerson(), summary.emailsPerPerson(), seconds, summary.records() / seconds,
                out.toAbsolutePath());
        System.out.println("records by source: " + summary.recordsBySource());
        System.out.println("hard negatives:    " + summary.hardNegatives());
        System.out.println("errors:            " + summary.errors());
        System.out.println("junk:              " + summary.junk());
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
