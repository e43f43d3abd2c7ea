package io.unum.internal;

import io.unum.model.ConsentStatus;
import io.unum.model.GoldenValue;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.privacy.ConsentPolicy;
import io.unum.privacy.OutputContext;
import io.unum.privacy.OutputFilter;
import io.unum.privacy.PrivacyFilters;
import io.unum.privacy.ProfileView;
import io.unum.privacy.RecordConsent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes the {@link ProfileView} a purpose may see: the profile's values in clear, then the
 * consent stage and the configured output filters. Consent is evaluated at the time of the view.
 * Stateless and thread-safe.
 */
public final class ViewBuilder {

    /** What a view needs of one member: its consent and its normalized identifiers (sorted). */
    public record Member(RecordConsent consent, Identifier[] identifiers) {
    }

    private static final OutputFilter CONSENT = PrivacyFilters.consentMasking();

    private final List<OutputFilter> filters;
    private final ConsentPolicy policy;

    ViewBuilder(EngineConfig config) {
        this.filters = config.privacy.outputFilters();
        this.policy = config.privacy.consentPolicy();
    }

    /** The view of a profile for a purpose at {@code now}. */
    public ProfileView view(Profile profile, Purpose purpose, Instant now, Function<RecordKey, Member> members) {
        Map<RecordKey, RecordConsent> consents = new TreeMap<>();
        for (RecordKey key : profile.members()) {
            consents.put(key, members.apply(key).consent().at(now));
        }
        ConsentStatus status = ProfileBuilder.consent(consents, policy).get(purpose);
        if (status == null) {
            status = new ConsentStatus(purpose, null, List.of(), List.of());
        }
        List<ProfileView.Identifier> identifiers = new ArrayList<>();
        for (Identifier id : profile.identifiers()) {
            identifiers.add(new ProfileView.Identifier(id.type(), id.value(), false));
        }
        Map<String, List<ProfileView.Value>> attributes = new LinkedHashMap<>();
        profile.attributes().forEach((name, values) -> {
            List<ProfileView.Value> list = new ArrayList<>(values.size());
            for (GoldenValue value : values) {
                list.add(new ProfileView.Value(value.value(), value.provenance(), false));
            }
            attributes.put(name, list);
        });
        ProfileView view = new ProfileView(profile.id(), purpose, profile.members(), status, identifiers, attributes);
        OutputContext context = new OutputContext() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public RecordConsent consentOf(RecordKey member) {
                RecordConsent consent = consents.get(member);
                return consent != null ? consent : RecordConsent.none().at(now);
            }

            @Override
            public List<RecordKey> carriersOf(Identifier identifier) {
                List<RecordKey> carriers = new ArrayList<>(2);
                for (RecordKey key : profile.members()) {
                    if (Arrays.binarySearch(members.apply(key).identifiers(), identifier) >= 0) {
                        carriers.add(key);
                    }
                }
                return carriers;
            }
        };
        view = CONSENT.apply(view, context);
        for (OutputFilter filter : filters) {
            view = filter.apply(view, context);
        }
        return view;
    }
}
