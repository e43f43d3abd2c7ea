package io.unum.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 (RFC 2104, FIPS 180-4) with a caller-supplied secret, for protecting identifiers
 * and for the suppression list. The same secret and input always give the same hash, so matching
 * works on hashed values; without the secret, values cannot be recovered or tested by guessing.
 *
 * <p>Thread-safe: a {@link Mac} is created per call (cheap next to the hashing itself).
 */
public final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";
    /** The shortest secret accepted, in bytes (128 bits). */
    public static final int MIN_SECRET_BYTES = 16;

    private final SecretKeySpec key;

    /**
     * @param secret at least 16 bytes; copied
     * @throws IllegalArgumentException if the secret is too short
     */
    public KeyedHash(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret must be at least " + MIN_SECRET_BYTES + " bytes, was "
                    + secret.length);
        }
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    }

    /** The 32-byte HMAC of the parts, each prefixed by its length so that parts cannot run together. */
    public byte[] hash(String... parts) {
        Mac mac = mac();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            mac.update((byte) (bytes.length >>> 24));
            mac.update((byte) (bytes.length >>> 16));
            mac.update((byte) (bytes.length >>> 8));
            mac.update((byte) bytes.length);
            mac.update(bytes);
        }
        return mac.doFinal();
    }

    /** The HMAC of the parts in lower-case hexadecimal. */
    public String hex(String... parts) {
        return HexFormat.of().formatHex(hash(parts));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[HMAC-SHA-256]";
    }
}
