package io.unum.privacy;

import io.unum.model.Identifier;
import java.util.Optional;

/**
 * An {@link IngestFilter} that replaces identifiers by protected ones. The engine also runs
 * look-ups ({@code profilesWith}) and erasure requests ({@code forget}) through it, so callers
 * keep using plaintext identifiers while only protected values are stored.
 */
public interface IdentifierProtection extends IngestFilter {

    /**
     * The protected form of one identifier, or empty if this stage does not protect its type.
     * A malformed identifier yields empty.
     */
    Optional<Identifier> protect(Identifier identifier, IngestContext context);
}
