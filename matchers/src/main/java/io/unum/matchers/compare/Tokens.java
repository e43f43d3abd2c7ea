package io.unum.matchers.compare;

/** Token boundaries shared by the token-based comparators. */
final class Tokens {

    private Tokens() {
    }

    /** Whether {@code c} separates tokens: any Unicode white space or space separator. */
    static boolean isSeparator(char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
