package org.scanstation.match.extract;

import java.io.IOException;
import java.nio.charset.Charset;

/**
 * A byte that is not valid in the extract's character set, with where it is.
 *
 * @param line           the line of the byte (1 is the header)
 * @param field          the 0-based field of the record the byte is in
 * @param firstNonAscii  the line of the first correctly decoded non-ASCII character before it, or 0
 */
final class UndecodableByteException extends IOException {

    final long line;
    final int field;
    final int value;
    final Charset charset;
    final long firstNonAscii;

    UndecodableByteException(long line, int field, int value, Charset charset, long firstNonAscii) {
        super(String.format("line %d: byte 0x%02X is not valid %s", line, value, charset.name()));
        this.line = line;
        this.field = field;
        this.value = value;
        this.charset = charset;
        this.firstNonAscii = firstNonAscii;
    }
}
