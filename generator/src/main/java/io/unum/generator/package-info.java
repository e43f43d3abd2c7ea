/**
 * A seeded, streaming generator of synthetic multi-source customer records with ground truth:
 * {@link io.unum.generator.CustomerDataGenerator}. Its error model ({@link
 * io.unum.generator.ErrorKind}), hard negatives ({@link io.unum.generator.HardNegative}) and, from
 * revision 3, junk values shared by many different people ({@link io.unum.generator.JunkKind})
 * make realistic matching rules reach a high but not a trivial F1, measured with {@code
 * io.unum.evaluation}.
 */
package io.unum.generator;
