package io.unum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An input's bytes as text, decoded strictly: a byte sequence that is not valid in the input's
 * character set (Latin-1 bytes in a file read as UTF-8) or a control character that text files
 * do not hold (binary data) stops the read with an {@link InputException} that names the input
 * and the line, never the content, instead of turning into {@code U+FFFD} or garbage columns.
 *
 * <p>Tab, line feed, carriage return, form feed and vertical tab are text; every other C0
 * control character (U+0000 to U+001F) is binary data. Lines are counted by line feeds. One
 * reader per input; not thread-safe.
 */
final class InputText extends Reader {

    private static final int BUFFER = 1 << 16;
    /** How many bytes after an undecodable one are inspected to tell binary data from another encoding. */
    private static final int SNIFF = 4096;

    private final InputStream in;
    private final String inputName;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private boolean endOfInput;
    private boolean flushed;
    /** Line feeds among the characters decoded so far (delivered or buffered). */
    private long lineFeeds;

    /**
     * @param in the input's bytes; closed with this reader
     * @param inputName the input's name, for messages
     * @param charset the character set to decode
     */
    InputText(InputStream in, String inputName, Charset charset) {
        this.in = Objects.requireNonNull(in, "in");
        this.inputName = Objects.requireNonNull(inputName, "inputName");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip(); // empty, ready to be read from
        chars.flip();
    }

    /** Opens an input as strictly decoded text, its bytes counted by {@code progress}. */
    static InputText open(InputFile input, Charset charset, ReadProgress progress) throws IOException {
        return new InputText(progress.wrap(input.opener().open()), input.name(), charset);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes the next characters into {@link #chars}; {@code false} at the end of the input. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false; // read again after the end
        }
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (!endOfInput && bytes.remaining() < BUFFER / 2) {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
                int before = chars.position();
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                check(before);
                if (result.isError()) {
                    throw undecodable(result.length());
                }
                if (endOfInput && !bytes.hasRemaining()) {
                    if (!flushed) {
                        before = chars.position();
                        CoderResult last = decoder.flush(chars);
                        check(before);
                        if (last.isError()) {
                            throw undecodable(last.length());
                        }
                        flushed = last.isUnderflow();
                    }
                    break;
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    /** Counts line feeds and rejects control characters among the characters decoded from {@code from}. */
    private void check(int from) {
        char[] array = chars.array();
        int end = chars.arrayOffset() + chars.position();
        for (int i = chars.arrayOffset() + from; i < end; i++) {
            char c = array[i];
            if (c < 0x20) {
                if (c == '\n') {
                    lineFeeds++;
                } else if (c != '\t' && c != '\r' && c != '\f' && c != 0x0B) {
                    throw new InputException(inputName + " line " + (lineFeeds + 1) + ": not a CSV or JSON lines file"
                            + " (it holds binary data: control character " + hex(c) + ")");
                }
            }
        }
    }

    /** The error for an undecodable sequence at the start of {@link #bytes}. */
    private InputException undecodable(int length) {
        long line = lineFeeds + 1;
        int start = bytes.position();
        int end = Math.min(bytes.limit(), start + SNIFF);
        byte[] array = bytes.array();
        for (int i = start; i < end; i++) {
            int b = array[bytes.arrayOffset() + i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B) {
                return new InputException(inputName + " line " + line + ": not a CSV or JSON lines file (it holds binary"
                        + " data: byte " + hex(b) + ")");
            }
        }
        int first = array[bytes.arrayOffset() + start] & 0xFF;
        String hint = charset.equals(StandardCharsets.UTF_8)
                ? "; if the file is Latin-1 or Windows-1252, give --encoding windows-1252"
                : "; give the file's character set with --encoding";
        return new InputException(inputName + " line " + line + ": not " + charset.name() + " text (byte " + hex(first)
                + (length > 1 ? " and the " + (length - 1) + " after it" : "") + " cannot be decoded)" + hint);
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "0x%02X", value);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
