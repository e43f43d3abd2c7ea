/**
 * Normalizers, comparators and ready-made rules for customer data, plugged into the SPIs of
 * {@code unum-core}. {@link io.unum.matchers.CustomerRules} is a complete, sensible default
 * configuration; the sub-packages hold its parts: {@code names}, {@code email}, {@code phone},
 * {@code dates}, {@code address}, {@code ids}, {@code phonetic} (normalizer stages) and
 * {@code compare} (comparators and level conditions).
 */
package io.unum.matchers;
