package io.unum.privacy;

import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.Identifier;
import io.unum.model.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record's consent, evaluated at a point in time: for each purpose the latest entry (by its
 * time) that is effective then. An entry scoped to an identifier counts only for that identifier;
 * for it, record-wide and identifier-scoped entries compete and the latest wins (on a tie, a
 * refusal wins). Identifier scopes are compared after normalization by the engine.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordConsent {

    private static final RecordConsent NONE = new RecordConsent(List.of(), Instant.EPOCH);

    private final List<ConsentEntry> entries;
    private final Instant now;

    /**
     * @param entries the record's entries, identifier scopes already normalized
     * @param now the time at which to evaluate
     */
    public RecordConsent(List<ConsentEntry> entries, Instant now) {
        this.entries = List.copyOf(entries);
        this.now = Objects.requireNonNull(now, "now");
    }

    /** A record that recorded no consent. */
    public static RecordConsent none() {
        return NONE;
    }

    /** The same entries evaluated at another time. */
    public RecordConsent at(Instant time) {
        return new RecordConsent(entries, time);
    }

    /** The time at which this is evaluated. */
    public Instant now() {
        return now;
    }

    /** The entries, as recorded. */
    public List<ConsentEntry> entries() {
        return entries;
    }

    /** The latest effective record-wide entry for a purpose. */
    public Optional<ConsentEntry> latest(Purpose purpose) {
        return latest(purpose, null);
    }

    /**
     * The latest effective entry for a purpose that applies to an identifier: record-wide or
     * scoped to that (normalized) identifier.
     */
    public Optional<ConsentEntry> latest(Purpose purpose, Identifier identifier) {
        ConsentEntry best = null;
        for (ConsentEntry entry : entries) {
            if (!entry.purpose().equals(purpose) || !entry.isEffectiveAt(now)) {
                continue;
            }
            if (entry.identifier() != null && !entry.identifier().equals(identifier)) {
                continue;
            }
            if (best == null || entry.at().isAfter(best.at())
                    || (entry.at().equals(best.at()) && !entry.state().allows() && best.state().allows())) {
                best = entry;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The latest effective record-wide state for a purpose. */
    public Optional<ConsentState> state(Purpose purpose) {
        return latest(purpose).map(ConsentEntry::state);
    }

    /** Whether the record granted the purpose (record-wide). */
    public boolean allows(Purpose purpose) {
        return state(purpose).map(ConsentState::allows).orElse(false);
    }

    /** Whether the record granted the purpose for an identifier. */
    public boolean allows(Purpose purpose, Identifier identifier) {
        return latest(purpose, identifier).map(e -> e.state().allows()).orElse(false);
    }

    /** Whether the record refused (denied or withdrew) the purpose for an identifier. */
    public boolean refuses(Purpose purpose, Identifier identifier) {
        return latest(purpose, identifier).map(e -> !e.state().allows()).orElse(false);
    }

    @Override
    public String toString() {
        return "RecordConsent[" + entries.size() + " entries at " + now + "]";
    }
}
