package io.unum.benchmarks;

import io.unum.Resolver;
import io.unum.matchers.CustomerRules;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.model.SourceRecord;
import io.unum.training.TrainedModel;
import java.util.Collection;

/**
 * The resolver every benchmark uses: the configuration {@code unum resolve} uses by default for
 * the generator's US data — {@link CustomerRules} with phone region {@code US} and month-first
 * dates — optionally with a model trained on the input as the CLI trains it
 * ({@link CustomerRules#trainingOptions()}).
 */
final class UnumSetup {

    private UnumSetup() {
    }

    /** The customer rules with their hand-set parameters. */
    static Resolver untrained(int parallelism) {
        Resolver.Builder builder = Resolver.newBuilder().parallelism(parallelism);
        return customerRules().applyTo(builder).build();
    }

    /** The customer rules for US data. */
    static CustomerRules customerRules() {
        return CustomerRules.builder().defaultRegion("US").dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST).build();
    }

    /** Trains on the records, as the CLI does for inputs of 1,000 records or more. */
    static TrainedModel train(Resolver base, Collection<? extends SourceRecord> records) {
        return base.train(records, customerRules().trainingOptions());
    }
}
