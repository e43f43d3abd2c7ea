package io.unum.cli;

import io.unum.ProgressListener;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.matchers.CustomerRules;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.model.SourceRecord;
import io.unum.privacy.SuppressionList;
import io.unum.training.TrainedModel;
import io.unum.training.TrainingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The configuration every command resolves with: {@link CustomerRules} for the region, and,
 * by default, a Fellegi–Sunter model trained on the input itself (unsupervised: u from random
 * pairs, m by EM on the rules' {@linkplain CustomerRules#trainingPasses() training passes}, the
 * prior from expected matches). Inputs smaller than
 * {@value #MIN_TRAINING_RECORDS} records keep the rules' hand-set values, since EM needs enough
 * duplicates to learn from.
 */
final class DefaultConfiguration {

    /** Below this many records the hand-set parameters are used. */
    static final int MIN_TRAINING_RECORDS = 1000;

    private DefaultConfiguration() {
    }

    /** The customer rules for the options' region and date order. */
    static CustomerRules rules(ModelOptions options) {
        DateNormalizer.DayMonthOrder order = options.dateOrder != null ? options.dateOrder
                : "US".equals(options.region.toUpperCase(Locale.ROOT)) ? DateNormalizer.DayMonthOrder.MONTH_FIRST
                : DateNormalizer.DayMonthOrder.DAY_FIRST;
        return CustomerRules.builder().defaultRegion(options.region).dateOrder(order).build();
    }

    /** The customer rules with their hand-set parameters. */
    static Resolver untrained(ModelOptions options) {
        return untrained(options, null);
    }

    /** The customer rules with their hand-set parameters and a suppression list ({@code null}: a fresh one). */
    static Resolver untrained(ModelOptions options, SuppressionList suppression) {
        Resolver.Builder builder = rules(options).applyTo(Resolver.newBuilder());
        for (String source : new java.util.TreeSet<>(options.duplicateFree)) {
            builder.duplicateFreeSource(source);
        }
        if (suppression != null) {
            builder.suppressionList(suppression);
        }
        return builder.build();
    }

    /** Training with the passes the customer rules recommend. */
    static TrainingOptions training(ModelOptions options) {
        return rules(options).trainingOptions();
    }

    /**
     * The resolver for these records: with the model given by {@code --model}, or trained on the
     * records (and saved by {@code --save-model}), or untrained with {@code --no-train} or for
     * small inputs. Notes go to {@code err}.
     */
    static Resolver resolver(ModelOptions options, List<SourceRecord> records, PrintWriter err, ProgressListener progress) {
        return resolver(options, records, err, progress, null);
    }

    /**
     * {@link #resolver(ModelOptions, List, PrintWriter, ProgressListener)} with a suppression list
     * ({@code null}: a fresh in-memory one), for a graph kept in a store.
     */
    static Resolver resolver(ModelOptions options, List<SourceRecord> records, PrintWriter err, ProgressListener progress,
            SuppressionList suppression) {
        checkSources(options, records);
        Resolver base = untrained(options, suppression);
        Resolver ready = withoutTraining(options, base, records, err);
        if (ready != null) {
            return ready;
        }
        progress.onProgress("training", 0, 1);
        TrainedModel model = base.train(records, training(options));
        progress.onProgress("training", 1, 1);
        save(options, model);
        return base.withModel(model);
    }

    /**
     * The records resolved as {@code resolver(options, records, err, progress).resolve(records,
     * progress)} resolves them, each record featurized once when the model is trained on them
     * ({@link Resolver#trainAndResolve}).
     */
    static Resolution resolve(ModelOptions options, List<SourceRecord> records, PrintWriter err, ProgressListener progress) {
        checkSources(options, records);
        Resolver base = untrained(options, null);
        Resolver ready = withoutTraining(options, base, records, err);
        if (ready != null) {
            return ready.resolve(records, progress);
        }
        Resolver.Trained trained = base.trainAndResolve(records, training(options), progress);
        save(options, trained.model());
        return trained.resolution();
    }

    /**
     * Checks that every {@code --duplicate-free} source is a source of some record, so that a typo
     * cannot switch the protection off unnoticed.
     *
     * @throws InputException naming the source and the sources found
     */
    static void checkSources(ModelOptions options, List<SourceRecord> records) {
        if (options.duplicateFree.isEmpty()) {
            return;
        }
        java.util.Set<String> sources = new java.util.TreeSet<>();
        for (SourceRecord record : records) {
            sources.add(record.key().source());
        }
        for (String source : options.duplicateFree) {
            if (!sources.contains(source)) {
                throw new InputException("--duplicate-free " + source + ": no input record has this source; the sources"
                        + " are " + sources);
            }
        }
    }

    /** The resolver when nothing is to be trained (a given model, {@code --no-train}, too few records), else {@code null}. */
    private static Resolver withoutTraining(ModelOptions options, Resolver base, List<SourceRecord> records,
            PrintWriter err) {
        if (options.model != null) {
            try {
                return base.withModel(TrainedModel.read(options.model));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or write the model: " + e.getMessage(), e);
            }
        }
        if (options.noTrain) {
            return base;
        }
        if (records.size() < MIN_TRAINING_RECORDS) {
            err.println("note: " + records.size() + " records are too few to train on (fewer than "
                    + MIN_TRAINING_RECORDS + "); using the rules' hand-set parameters");
            return base;
        }
        return null;
    }

    private static void save(ModelOptions options, TrainedModel model) {
        if (options.saveModel != null) {
            try {
                model.write(options.saveModel);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or write the model: " + e.getMessage(), e);
            }
        }
    }
}
