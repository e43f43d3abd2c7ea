package io.unum;

import java.util.Objects;

/**
 * The size of one blocking-key value's block, for diagnostics. The value is not reported;
 * {@link #fingerprint()} is a keyed, non-reversible hash that tells blocks apart.
 *
 * @param rule the rule whose key it is
 * @param key the blocking key's name (for a deterministic rule, the identifier type's name)
 * @param fingerprint a keyed hash of the value, in hexadecimal
 * @param size the number of records sharing it
 * @param oversized whether it exceeds its cap (the resolver's block-size cap, or the key's own
 *     when lower) and is not compared through
 */
public record BlockSize(String rule, String key, String fingerprint, int size, boolean oversized) {

    public BlockSize {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
