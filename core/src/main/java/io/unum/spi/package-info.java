/**
 * Service-provider interfaces that plug normalization and comparison into the engine:
 * {@link io.unum.spi.Normalizer} for feature values, {@link io.unum.spi.IdentifierNormalizer}
 * for identifiers, and {@link io.unum.spi.FieldComparator} for similarity. The
 * {@code unum-matchers} module implements them; {@code core} never depends on it.
 *
 * <p>Every implementation must be a pure, thread-safe function that never logs the values it
 * sees. Each interface's javadoc states its contract.
 */
package io.unum.spi;
