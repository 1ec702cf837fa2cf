package org.scanstation.match.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes the extract strictly: a byte that is not valid in the character set stops reading with an
 * {@link UndecodableByteException} naming its line and CSV field, instead of a replacement character
 * or an exception with no position. It follows RFC 4180 quoting only to count lines and fields.
 */
final class CheckedDecodingReader extends Reader {

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private boolean endOfInput;
    private boolean flushed;
    private UndecodableByteException pending;
    private long line = 1;
    private int field;
    private boolean quoted;
    private long firstNonAscii;

    CheckedDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    /** The line of the first non-ASCII character decoded so far, or 0 when all was ASCII. */
    long firstNonAsciiLine() {
        return firstNonAscii;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes the next chunk into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        if (pending != null) {
            throw pending;
        }
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            if (!endOfInput && bytes.remaining() < 16) {
                bytes.compact();
                int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (r < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + r);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (endOfInput && result.isUnderflow()) {
                result = decoder.flush(chars);
                flushed = result.isUnderflow();
            }
            track(0, chars.position());
            if (result.isError()) {
                int value = bytes.hasRemaining() ? bytes.get(bytes.position()) & 0xFF : 0;
                pending = new UndecodableByteException(line, field, value, charset, firstNonAscii);
                if (chars.position() == 0) {
                    throw pending;
                }
                break; // the text before the bad byte is read first, so that the header is known
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    /** Counts lines and fields over the characters just decoded. */
    private void track(int from, int to) {
        char[] a = chars.array();
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                line++;
                if (!quoted) {
                    field = 0;
                }
            } else if (c == ',' && !quoted) {
                field++;
            } else if (c > 0x7F && firstNonAscii == 0 && c != '\uFEFF') {
                firstNonAscii = line;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
