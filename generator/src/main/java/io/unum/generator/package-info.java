/**
 * A seeded, streaming generator of synthetic multi-source customer records with ground truth:
 * {@link io.unum.generator.CustomerDataGenerator}. Its error model ({@link
 * io.unum.generator.ErrorKind}) and hard negatives ({@link io.unum.generator.HardNegative}) make
 * realistic matching rules reach a high but not a trivial F1, measured with {@code
 * io.unum.evaluation}.
 */
package io.unum.generator;
