package io.unum.internal;

import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.Identifier;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.IngestContext;
import io.unum.privacy.IngestDecision;
import io.unum.privacy.IngestFilter;
import io.unum.privacy.PrivacyDecision;
import io.unum.privacy.RecordConsent;
import io.unum.privacy.SuppressionPolicy;
import io.unum.spi.NormalizedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a record may enter the graph: retention (a record older than its source's retention
 * period is refused), the ingest filters in order (each may change or refuse it), and the
 * suppression list (an erased person is not re-created by a re-ingest, unless the policy admits
 * fresh consent). Every refusal and change is reported as a {@link PrivacyDecision} with a
 * reason code, never with a value. Stateless apart from its configuration; thread-safe.
 */
final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private final EngineConfig config;

    Admission(EngineConfig config) {
        this.config = config;
    }

    /** The context ingest filters see. */
    IngestContext context(Instant now) {
        return new IngestContext() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public NormalizedValue normalize(Identifier identifier) {
                return config.normalizer(identifier.type()).normalize(identifier.value());
            }
        };
    }

    /**
     * Retention, then the ingest filters in order.
     *
     * @param decisions receives the decisions that changed or refused the record
     * @return the record as the filters left it, or {@code null} if it was refused
     */
    SourceRecord admit(SourceRecord record, Instant now, List<PrivacyDecision> decisions) {
        RecordKey key = record.key();
        Duration retention = config.privacy.retention().get(key.source());
        if (retention != null && record.observedAt().plus(retention).isBefore(now)) {
            decisions.add(new PrivacyDecision(key, "retention", PrivacyDecision.Outcome.REFUSED, "RETENTION_EXPIRED"));
            return null;
        }
        if (config.privacy.ingestFilters().isEmpty()) {
            return record;
        }
        IngestContext context = context(now);
        SourceRecord current = record;
        for (IngestFilter filter : config.privacy.ingestFilters()) {
            IngestDecision decision;
            try {
                decision = filter.apply(current, context);
            } catch (RuntimeException e) {
                LOG.warn("ingest filter {} threw {} on record {}; record refused", filter.name(), e.getClass().getName(), key);
                decisions.add(new PrivacyDecision(key, filter.name(), PrivacyDecision.Outcome.REFUSED, "FILTER_FAILED"));
                return null;
            }
            if (decision instanceof IngestDecision.Refuse refuse) {
                decisions.add(new PrivacyDecision(key, filter.name(), PrivacyDecision.Outcome.REFUSED, refuse.reasonCode()));
                return null;
            }
            IngestDecision.Accept accept = (IngestDecision.Accept) decision;
            if (!accept.record().key().equals(key)) {
                decisions.add(new PrivacyDecision(key, filter.name(), PrivacyDecision.Outcome.REFUSED, "FILTER_CHANGED_KEY"));
                return null;
            }
            if (!accept.notes().isEmpty()) {
                decisions.add(new PrivacyDecision(key, filter.name(), PrivacyDecision.Outcome.CHANGED,
                        String.join(",", accept.notes())));
            }
            current = accept.record();
        }
        return current;
    }

    /**
     * The refusal of a record carrying a suppressed identifier, or {@code null} if none of its
     * normalized identifiers is suppressed (or fresh consent admits it).
     */
    PrivacyDecision suppressed(RecordKey key, Collection<Identifier> identifiers, RecordConsent consent) {
        if (config.privacy.suppression().isEmpty()) {
            return null;
        }
        for (Identifier id : identifiers) {
            Optional<Instant> erased = config.privacy.suppression().erasedAt(id);
            if (erased.isPresent() && !freshConsent(consent, erased.get())) {
                return new PrivacyDecision(key, "suppression", PrivacyDecision.Outcome.REFUSED, "SUPPRESSED");
            }
        }
        return null;
    }

    private boolean freshConsent(RecordConsent consent, Instant erasedAt) {
        if (config.privacy.suppressionPolicy() != SuppressionPolicy.ADMIT_WITH_FRESH_CONSENT) {
            return false;
        }
        Optional<ConsentEntry> latest = consent.latest(Purpose.IDENTITY_RESOLUTION);
        return latest.isPresent() && latest.get().state() == ConsentState.GRANTED && latest.get().at().isAfter(erasedAt);
    }
}
