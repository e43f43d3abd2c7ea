package io.unum.store.jdbc;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Decodes a record's JSON straight from its UTF-8 bytes when it has the shape {@link Codec}
 * writes, and otherwise hands it to {@link Codec#record(byte[])} (Jackson), which decodes
 * anything else or reports what is wrong with it.
 *
 * <h2>Why</h2>
 * Opening a store decodes every record; with Jackson that was most of the decoding threads'
 * time, much of it per row rather than per byte (a parser, its contexts and symbol table per
 * row; every string through a char buffer; source and type names hashed as new strings to find
 * their shared objects). Here a string is one scan for its closing quote and one
 * {@code new String} from the bytes; field names, sources and identifier types are found by
 * their bytes in small tables of this decoder, without making a string.
 *
 * <h2>What it decodes</h2>
 * An object with the fields {@code source}, {@code id}, {@code observed_at} (strings),
 * {@code attributes} (an object of strings or nulls) and {@code identifiers} (an array of
 * {@code [type, value]} string pairs), in any order, each at most once, with JSON whitespace
 * anywhere between tokens; strings without escapes or control characters, in valid UTF-8. Any
 * other input (a {@code consent} field, an escape, a number, a missing field, malformed JSON, an
 * invalid value) goes to Jackson whole, so the result — or the exception — is exactly Jackson's.
 * What it builds goes through the same {@link SourceRecord.Builder} calls as Jackson's path, with
 * the same shared objects (source names as {@link StoredNames} keeps them, field names interned as
 * Jackson interns them, identifier types as {@link StoredNames} shares them).
 *
 * <p>Not thread-safe: one decoder per thread (its tables are its own).
 */
final class RecordDecoder {

    private static final int MAX_NAMES = StoredNames.MAX_NAMES;
    private static final int RECENT_VALUES = 1 << 16;
    private static final int MAX_SHARED_LENGTH = 32;

    private static final byte[] SOURCE = bytes("source");
    private static final byte[] ID = bytes("id");
    private static final byte[] OBSERVED_AT = bytes("observed_at");
    private static final byte[] ATTRIBUTES = bytes("attributes");
    private static final byte[] IDENTIFIERS = bytes("identifiers");

    /** Thrown (one object, no stack trace) when the input is not of the decoded shape. */
    private static final class NotDecoded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotDecoded() {
            super(null, null, false, false);
        }
    }

    private static final NotDecoded NOT_DECODED = new NotDecoded();

    /** Short ASCII attribute values seen lately, by a hash of their bytes (direct-mapped: a miss replaces). */
    private final String[] recentValues = new String[RECENT_VALUES];
    private final int[] recentHashes = new int[RECENT_VALUES];
    private final Names sources = new Names(StoredNames::source);
    private final Names fieldNames = new Names(String::intern);
    private final Names typeNames = new Names(StoredNames::type);
    private String[] attributes = new String[32];
    private IdentifierType[] types = new IdentifierType[8];
    private String[] identifiers = new String[8];
    private byte[] b;
    private int pos;
    /** The last string token: its bytes are {@code b[start, end)}; {@code ascii} if all below 0x80. */
    private int start;
    private int end;
    private boolean ascii;

    /** The record in {@code utf8}: decoded here if it has the usual shape, else by Jackson. */
    SourceRecord record(byte[] utf8) {
        SourceRecord record = decodedHere(utf8);
        return record != null ? record : Codec.record(utf8);
    }

    /** The record if it has the shape decoded here, else {@code null} (Jackson decodes it, or says what is wrong). */
    SourceRecord decodedHere(byte[] utf8) {
        try {
            return decode(utf8);
        } catch (RuntimeException e) {
            return null;
        } finally {
            b = null;
        }
    }

    private SourceRecord decode(byte[] utf8) {
        b = utf8;
        pos = 0;
        expect('{');
        String source = null;
        String id = null;
        Instant observedAt = null;
        int nAttributes = 0;
        int nIdentifiers = 0;
        int seen = 0;
        if (peek() == '}') {
            throw NOT_DECODED;
        }
        do {
            string();
            int field = field();
            if ((seen & field) != 0) {
                throw NOT_DECODED; // a field twice: Jackson's rules decide
            }
            seen |= field;
            expect(':');
            switch (field) {
                case 1 -> {
                    string();
                    source = (String) sources.get(b, start, end, ascii);
                }
                case 2 -> id = stringValue();
                case 4 -> observedAt = Codec.instant(stringValue());
                case 8 -> nAttributes = attributes();
                default -> nIdentifiers = identifiers();
            }
        } while (next('}'));
        if (source == null || id == null || observedAt == null) {
            throw NOT_DECODED;
        }
        SourceRecord.Builder builder = SourceRecord.builder(source, id).observedAt(observedAt);
        for (int i = 0; i < nAttributes; i += 2) {
            builder.attribute(attributes[i], attributes[i + 1]);
        }
        for (int i = 0; i < nIdentifiers; i++) {
            builder.identifier(new Identifier(types[i], identifiers[i]));
        }
        return builder.build();
    }

    /** Which top-level field the last string names (a bit each); anything else is not decoded. */
    private int field() {
        if (matches(SOURCE)) {
            return 1;
        }
        if (matches(ID)) {
            return 2;
        }
        if (matches(OBSERVED_AT)) {
            return 4;
        }
        if (matches(ATTRIBUTES)) {
            return 8;
        }
        if (matches(IDENTIFIERS)) {
            return 16;
        }
        throw NOT_DECODED;
    }

    /** The attributes object: name, value pairs into {@link #attributes}; returns their count × 2. */
    private int attributes() {
        expect('{');
        if (peek() == '}') {
            pos++;
            return 0;
        }
        int n = 0;
        do {
            string();
            String name = (String) fieldNames.get(b, start, end, ascii);
            expect(':');
            String value;
            if (peek() == 'n') {
                literalNull();
                value = null;
            } else {
                value = attributeValue();
            }
            if (n + 2 > attributes.length) {
                attributes = Arrays.copyOf(attributes, n * 2);
            }
            attributes[n++] = name;
            attributes[n++] = value;
        } while (next('}'));
        return n;
    }

    /** The identifiers array of {@code [type, value]} pairs into {@link #types} and {@link #identifiers}; returns their count. */
    private int identifiers() {
        expect('[');
        if (peek() == ']') {
            pos++;
            return 0;
        }
        int n = 0;
        do {
            expect('[');
            string();
            IdentifierType type = (IdentifierType) typeNames.get(b, start, end, ascii);
            expect(',');
            String value = stringValue();
            expect(']');
            if (n == identifiers.length) {
                identifiers = Arrays.copyOf(identifiers, n * 2);
                types = Arrays.copyOf(types, n * 2);
            }
            types[n] = type;
            identifiers[n++] = value;
        } while (next(']'));
        return n;
    }

    // ------------------------------------------------------------------------------------------
    // tokens

    /**
     * Reads an attribute value: a short ASCII one that equals one of the two values last seen in
     * its set of the table (chosen by its hash) is that string object. Cities, states, genders and first names repeat across
     * millions of records; one shared object each keeps most of the records' attribute strings
     * out of the heap (and out of the young collections that copy everything an open loads).
     */
    private String attributeValue() {
        string();
        int n = end - start;
        if (!ascii || n > MAX_SHARED_LENGTH) {
            return decodeString(b, start, end, ascii);
        }
        int h = Utf8Keys.hash(b, start, end);
        // two ways per set, the most recent first: a common value keeps its place when a rare one
        // with the same set comes and goes
        int first = (h * 0x9E3779B9 >>> 16) & (RECENT_VALUES - 2);
        if (recentIs(first, h, n)) {
            return recentValues[first];
        }
        String value;
        if (recentIs(first + 1, h, n)) {
            value = recentValues[first + 1];
        } else {
            value = new String(b, start, n, StandardCharsets.ISO_8859_1);
        }
        recentValues[first + 1] = recentValues[first];
        recentHashes[first + 1] = recentHashes[first];
        recentValues[first] = value;
        recentHashes[first] = h;
        return value;
    }

    private boolean recentIs(int slot, int h, int n) {
        String recent = recentValues[slot];
        if (recent == null || recentHashes[slot] != h || recent.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (recent.charAt(i) != b[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads a string token and gives its text. */
    private String stringValue() {
        string();
        return decodeString(b, start, end, ascii);
    }

    /**
     * Reads a string token after optional whitespace: its content is {@code b[start, end)}. An
     * escape, a control character or the end of the input is not decoded here.
     */
    private void string() {
        expect('"');
        int i = pos;
        int n = b.length;
        boolean plain = true;
        while (true) {
            if (i >= n) {
                throw NOT_DECODED;
            }
            int c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw NOT_DECODED;
            }
            plain &= c >= 0;
            i++;
        }
        start = pos;
        end = i;
        ascii = plain;
        pos = i + 1;
    }

    private void literalNull() {
        if (pos + 4 > b.length || b[pos] != 'n' || b[pos + 1] != 'u' || b[pos + 2] != 'l' || b[pos + 3] != 'l') {
            throw NOT_DECODED;
        }
        pos += 4;
    }

    /** After optional whitespace: {@code ','} (true: another element) or {@code close} (false). */
    private boolean next(char close) {
        int c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw NOT_DECODED;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw NOT_DECODED;
        }
        pos++;
    }

    /** The next byte that is not JSON whitespace (the position moves to it), or -1 at the end. */
    private int peek() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    private boolean matches(byte[] name) {
        return end - start == name.length && Arrays.equals(b, start, end, name, 0, name.length);
    }

    /** A string from UTF-8 bytes; malformed UTF-8 (which the JDK would replace) is not decoded here. */
    private static String decodeString(byte[] b, int from, int to, boolean ascii) {
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            throw NOT_DECODED; // perhaps a replacement of malformed bytes: Jackson decides
        }
        return s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Objects by the UTF-8 bytes of their names (open addressing, at most {@value #MAX_NAMES}
     * names; others are made each time): field names interned as Jackson interns them, sources
     * and identifier types as {@link StoredNames} shares them.
     */
    private static final class Names {
        private final Function<String, Object> make;
        private final Utf8Keys<Object> known = new Utf8Keys<>();

        Names(Function<String, Object> make) {
            this.make = make;
        }

        /** The object for the name in {@code b[from, to)}. */
        Object get(byte[] b, int from, int to, boolean ascii) {
            Object value = known.get(b, from, to);
            if (value != null) {
                return value;
            }
            Object made = make.apply(decodeString(b, from, to, ascii));
            if (known.size() < MAX_NAMES) {
                known.put(Arrays.copyOfRange(b, from, to), made);
            }
            return made;
        }
    }
}
