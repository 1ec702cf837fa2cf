package org.scanstation.cli;

import java.io.IOException;
import java.io.Writer;
import org.scanstation.logging.Redactor;

/**
 * The command line's error output: whole lines, each passed through {@link Redactor#shared()} before
 * it reaches the console, so an identifier quoted by a server or a library never leaves the process
 * there. A line is held until its end (or a flush), so an identifier is never split across writes.
 */
final class RedactingWriter extends Writer {

    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            line.append(buf[i]);
            if (buf[i] == '\n') {
                emit();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (line.length() > 0) {
            out.write(Redactor.mask(line.toString()));
            line.setLength(0);
        }
    }
}
