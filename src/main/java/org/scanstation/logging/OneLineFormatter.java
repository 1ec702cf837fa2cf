package org.scanstation.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One plain line per record, identifiers masked by a {@link Redactor}:
 * {@code 2026-11-25T20:46:30.123Z INFO  org.scanstation.store.BatchStore  batch 7 sealed (12 pages)}.
 * A thrown exception follows as its class and (masked) message, then its stack frames indented.
 */
public final class OneLineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Redactor redactor;

    /** Masks with {@link Redactor#shared()} as it is when each record is written. */
    public OneLineFormatter() {
        this(null);
    }

    /** Masks with {@code redactor}, or with {@link Redactor#shared()} when null. */
    public OneLineFormatter(Redactor redactor) {
        this.redactor = redactor;
    }

    private Redactor redactor() {
        return redactor != null ? redactor : Redactor.shared();
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                .append(String.format("%-7s", record.getLevel().getName())).append(' ')
                .append(record.getLoggerName() == null ? "-" : record.getLoggerName()).append("  ")
                .append(oneLine(redactor().redact(formatMessage(record))))
                .append(System.lineSeparator());
        Throwable t = record.getThrown();
        if (t != null) {
            appendThrowable(line, t);
        }
        return line.toString();
    }

    private void appendThrowable(StringBuilder line, Throwable t) {
        StringWriter frames = new StringWriter();
        t.printStackTrace(new PrintWriter(frames));
        // only frames and "Caused by" headers; every message is masked like the record's own
        for (String l : frames.toString().split("\\R")) {
            if (!l.isBlank()) {
                line.append("    ").append(redactor().redact(l.strip())).append(System.lineSeparator());
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }
}
