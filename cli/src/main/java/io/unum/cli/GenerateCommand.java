package io.unum.cli;

import io.unum.generator.CustomerDataGenerator;
import io.unum.generator.GenerationSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unum generate}: writes synthetic multi-source customer records with ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Writes synthetic customer records from six sources, with realistic errors, hard negatives"
                + " and their ground truth.",
        description = {"The sources are crm, webshop, pos, newsletter, support and social. Files written:",
            "  DIR/records.csv  one record per row: record_id, source, observed_at, names,",
            "                   date_of_birth, e-mails, phones, address, customer, loyalty,",
            "                   device and cookie ids, social handles",
            "  DIR/truth.csv    record_id,person_id",
            "About 2.95 records per person. The same --people, --seed and --no-junk give byte-identical files.",
            "About 4%% of the records carry junk shared by many different people: shops' default loyalty"
                + " cards, shop phones, made-up shop e-mails, agency and parents' e-mails; --no-junk leaves it out.",
            "Evaluate the default configuration on them with:",
            "  unum evaluate --input DIR/records.csv --truth DIR/truth.csv"})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--people", paramLabel = "N", defaultValue = "1000",
            description = "People to generate, at least 1 (default: ${DEFAULT-VALUE}).")
    long people;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "generated",
            description = "Output directory, created if needed; existing files are replaced (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-junk",
            description = "Leave out the junk values (generator revision 3 without junk writes the files of revision 2).")
    boolean noJunk;

    @Override
    public Integer call() throws Exception {
        if (people < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--people must be at least 1, was " + people);
        }
        OutputDirectory.prepare(spec.commandLine(), "--out", out);
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressBar progress = ProgressBar.forStandardError("generate");
        long start = System.nanoTime();
        GenerationSummary summary;
        try {
            summary = CustomerDataGenerator.newBuilder().people(people).seed(seed).junk(!noJunk)
                    .progressListener(progress).build().writeTo(out);
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.printf(Locale.ROOT, "Generated %d records of %d people in %d households (%.3f records per person).%n",
                summary.records(), summary.people(), summary.households(), summary.recordsPerPerson());
        stdout.println("records by source: " + summary.recordsBySource());
        stdout.println("hard negatives:    " + summary.hardNegatives());
        stdout.println("errors:            " + summary.errors());
        if (noJunk) {
            stdout.println("junk:              none (--no-junk)");
        } else {
            summary.junk().forEach((kind, junk) -> stdout.printf(Locale.ROOT,
                    "junk %-20s %,d records, %,d values, at most %,d people sharing one value%n", kind + ":",
                    junk.records(), junk.values(), junk.mostPeople()));
        }
        stdout.println("Wrote " + out.resolve(CustomerDataGenerator.RECORDS_FILE) + " and "
                + out.resolve(CustomerDataGenerator.TRUTH_FILE));
        stdout.printf(Locale.ROOT, "people=%d records=%d seed=%d seconds=%.4f%n", summary.people(), summary.records(),
                seed, seconds);
        return 0;
    }
}
