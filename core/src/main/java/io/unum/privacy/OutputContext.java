package io.unum.privacy;

import io.unum.model.Identifier;
import io.unum.model.RecordKey;
import java.time.Instant;
import java.util.List;

/** What an {@link OutputFilter} may use besides the view. Provided by the engine. */
public interface OutputContext {

    /** The time at which the view is made. */
    Instant now();

    /** A member record's consent, evaluated now. */
    RecordConsent consentOf(RecordKey member);

    /** The member records that carry a (normalized) identifier of the profile. */
    List<RecordKey> carriersOf(Identifier identifier);
}
