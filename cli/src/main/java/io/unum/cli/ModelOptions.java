package io.unum.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the CLI configures its resolver: the ready-made customer rules, for a phone region and a
 * date order, with a model trained on the input unless told otherwise.
 */
final class ModelOptions {

    @Option(names = "--region", paramLabel = "CC", defaultValue = "US",
            description = "Region for phone numbers without a country code, ISO 3166-1 alpha-2 (default: ${DEFAULT-VALUE}).")
    String region = "US";

    @Option(names = "--date-order", paramLabel = "ORDER",
            description = "How to read ambiguous dates such as 03/07/1984: DAY_FIRST, MONTH_FIRST or REJECT_AMBIGUOUS"
                    + " (default: MONTH_FIRST for region US, else DAY_FIRST).")
    io.unum.matchers.dates.DateNormalizer.DayMonthOrder dateOrder;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "Use this trained model instead of training on the input.")
    Path model;

    @Option(names = "--save-model", paramLabel = "MODEL.json", description = "Write the model trained on the input here.")
    Path saveModel;

    @Option(names = "--no-train", description = "Do not train: use the rules' hand-set m and u values.")
    boolean noTrain;

    @Option(names = "--duplicate-free", paramLabel = "SOURCE",
            description = "A source whose records are each a different person (a deduplicated CRM, one party's file in a"
                    + " linkage): a profile holds at most one of its records. The source is the file name without its"
                    + " extension unless the mapping names one; repeatable.")
    java.util.List<String> duplicateFree = new java.util.ArrayList<>();
}
