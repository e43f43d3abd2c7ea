package io.unum;

import io.unum.model.IdentifierType;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The links that hold a profile together: a spanning tree of its members, taken in the order
 * clustering applied them (deterministic links first, then probabilistic links by weight), each
 * with its rule. Remove any of them and the profile would split, unless another link takes its
 * place. Names rules and identifier types, never values.
 *
 * @param profile the profile
 * @param links the links, in the order they joined the profile
 */
public record ProfileExplanation(ProfileId profile, List<Link> links) {

    public ProfileExplanation {
        Objects.requireNonNull(profile, "profile");
        links = List.copyOf(links);
    }

    /**
     * One link.
     *
     * @param first one record
     * @param second the other
     * @param rule the rule that links them
     * @param shared for a deterministic link, the identifier types they share; else empty
     * @param weight the match weight in bits ({@code +Infinity} for a deterministic link)
     */
    public record Link(RecordKey first, RecordKey second, String rule, List<IdentifierType> shared, double weight) {
        public Link {
            shared = List.copyOf(shared);
        }
    }

    /** The explanation as text. */
    public String toText() {
        StringBuilder out = new StringBuilder("profile ").append(profile).append(" is held together by ")
                .append(links.size()).append(links.size() == 1 ? " link" : " links").append('\n');
        for (Link link : links) {
            out.append("  ").append(link.first()).append(" - ").append(link.second()).append(": ").append(link.rule());
            if (Double.isInfinite(link.weight())) {
                out.append(" (shared ").append(link.shared().stream().map(IdentifierType::name).toList()).append(')');
            } else {
                out.append(String.format(Locale.ROOT, " (weight %.2f bits)", link.weight()));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
