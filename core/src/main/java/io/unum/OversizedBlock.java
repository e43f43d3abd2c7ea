package io.unum;

import java.util.Objects;

/**
 * A blocking key value shared by more records than its cap (the resolver's {@code blockSizeCap},
 * or the key's own {@link io.unum.rules.BlockingKey#maxBlockSize() maxBlockSize} when lower): its
 * records are not compared through it (they may still meet through other keys). Typical causes
 * are placeholder values ({@code test@test.com}, {@code 000-000-0000}) and unselective keys.
 *
 * <p>The value itself is not reported; {@link #fingerprint()} is a keyed hash that tells blocks
 * of the same key apart without revealing the value.
 *
 * @param rule the rule whose key it is
 * @param key the blocking key's name (for a deterministic rule, the identifier type's name)
 * @param fingerprint a keyed, non-reversible hash of the value, in hexadecimal
 * @param size the number of records sharing it
 */
public record OversizedBlock(String rule, String key, String fingerprint, int size) {

    public OversizedBlock {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
