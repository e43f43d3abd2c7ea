package io.unum.privacy;

import io.unum.model.ProfileId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The audit entry of one erasure or retention purge. It holds no personal values: counts,
 * source names and profile ids only.
 *
 * @param at when it happened (by the resolver's clock)
 * @param scope what was asked for: {@code "record"}, {@code "profile"}, {@code "identifier"} or
 *     {@code "retention"}
 * @param recordsErased how many source records were removed
 * @param sources the sources those records came from, sorted, distinct
 * @param identifiersSuppressed how many distinct identifiers were added to the suppression list
 * @param profilesDeleted profiles that no longer exist
 * @param profilesChanged profiles that lost records (and may have split)
 */
public record ErasureAudit(Instant at, String scope, int recordsErased, List<String> sources, int identifiersSuppressed,
        List<ProfileId> profilesDeleted, List<ProfileId> profilesChanged) {

    public ErasureAudit {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scope, "scope");
        sources = List.copyOf(sources);
        profilesDeleted = List.copyOf(profilesDeleted);
        profilesChanged = List.copyOf(profilesChanged);
    }
}
