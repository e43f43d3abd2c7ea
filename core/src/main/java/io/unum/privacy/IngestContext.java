package io.unum.privacy;

import io.unum.model.Identifier;
import io.unum.spi.NormalizedValue;
import java.time.Instant;

/** What an {@link IngestFilter} may use besides the record. Provided by the engine. */
public interface IngestContext {

    /** The current time, from the resolver's clock. */
    Instant now();

    /** Normalizes an identifier as the resolver does. */
    NormalizedValue normalize(Identifier identifier);
}
