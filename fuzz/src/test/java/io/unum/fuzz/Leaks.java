package io.unum.fuzz;

import java.util.Collection;

/**
 * Finds a personal value in a message. Two detectors, each free of false alarms on value-free
 * messages:
 * <ul>
 *   <li>{@link #canaryRun}: generated values are written in a canary alphabet (Greek letters) that
 *       no message template, column name or file name uses, so three canary letters in a row in a
 *       message can only have come from a value;</li>
 *   <li>{@link #copiedWindow}: for raw fuzzed values, a window of {@value #WINDOW} characters of
 *       the value that holds something a message template does not (an upper-case or non-ASCII
 *       letter, punctuation other than {@code ' -,.:()_={}[]/"}) and is found in the message. Lower-case
 *       words and numbers are left out: a template says "row 12" or "column".</li>
 * </ul>
 */
public final class Leaks {

    /** The canary alphabet: the Greek lower-case letters. */
    public static final String CANARY = "αβγδεζηθικλμνξοπρστυφχψω";

    /** Length of a value window that counts as copied. */
    public static final int WINDOW = 6;

    private Leaks() {
    }

    /** Whether {@code c} is a canary letter. */
    public static boolean isCanary(char c) {
        return CANARY.indexOf(c) >= 0;
    }

    /**
     * The first run of three or more canary letters in {@code message}, or {@code null}.
     *
     * @param message a message, warning or reason (may be {@code null})
     * @return the run, or {@code null} when there is none
     */
    public static String canaryRun(String message) {
        if (message == null) {
            return null;
        }
        int start = -1;
        for (int i = 0; i <= message.length(); i++) {
            boolean canary = i < message.length() && isCanary(message.charAt(i));
            if (canary && start < 0) {
                start = i;
            } else if (!canary && start >= 0) {
                if (i - start >= 3) {
                    return message.substring(start, i);
                }
                start = -1;
            }
        }
        return null;
    }

    /**
     * The first window of {@code value} found in {@code message} that a template could not hold,
     * or {@code null}; windows also found in one of {@code allowed} (column names, the file
     * name) do not count.
     *
     * @param message the message (may be {@code null})
     * @param value the value that must not appear
     * @param allowed texts a message may quote
     * @return the copied window, or {@code null}
     */
    public static String copiedWindow(String message, String value, Collection<String> allowed) {
        if (message == null || value == null) {
            return null;
        }
        for (int i = 0; i + WINDOW <= value.length(); i++) {
            String window = value.substring(i, i + WINDOW);
            if (!distinctive(window) || !message.contains(window)) {
                continue;
            }
            boolean quotable = false;
            for (String text : allowed) {
                if (text != null && text.contains(window)) {
                    quotable = true;
                    break;
                }
            }
            if (!quotable) {
                return window;
            }
        }
        return null;
    }

    private static boolean distinctive(String window) {
        for (int i = 0; i < window.length(); i++) {
            char c = window.charAt(i);
            boolean template = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '\'' || c == '-' || c == ','
                    || c == '.' || c == ':' || c == '(' || c == ')' || c == '_' || c == '=' || c == '{' || c == '}'
                    || c == '[' || c == ']' || c == '/' || c == '"';
            if (!template && c != '\uFFFD' && !Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
