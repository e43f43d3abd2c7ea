package io.unum.privacy;

import io.unum.model.IdentifierType;

/**
 * Masked forms of values for views: enough to recognise a value, not to use it.
 * <ul>
 *   <li>e-mail: the first character of the local part, {@code ***}, and the domain
 *       ({@code j***@example.com});</li>
 *   <li>phone: {@code ***} and the last two digits ({@code ***34});</li>
 *   <li>anything else: the first character and {@code ***} ({@code J***}).</li>
 * </ul>
 */
public final class Masks {

    private Masks() {
    }

    /**
     * Masks a value.
     *
     * @param type the identifier type, or {@code null} for an attribute value
     * @param value the value
     * @return the masked form
     */
    public static String mask(IdentifierType type, String value) {
        if (value.isEmpty()) {
            return "***";
        }
        if (type != null && type.equals(IdentifierType.EMAIL)) {
            int at = value.indexOf('@');
            if (at > 0) {
                return value.substring(0, value.offsetByCodePoints(0, 1)) + "***" + value.substring(at);
            }
        }
        if (type != null && type.equals(IdentifierType.PHONE) && value.length() > 4) {
            return "***" + value.substring(value.length() - 2);
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + "***";
    }
}
