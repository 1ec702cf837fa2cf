package org.scanstation.match.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PAS extract record by record (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks), in its declared or detected character set, never holding more than one record. Problems
 * that make the rest of the file unreadable (an undecodable byte, an unclosed quote, text after a
 * closing quote, a field of absurd length) end reading with an {@link ExtractException} naming the
 * file, line and field; checking the values is the caller's work.
 */
public final class ExtractReader implements Closeable {

    /** Longer than any name or postcode; longer means a quote was left open. */
    static final int MAX_FIELD_CHARS = 2000;

    private static final CsvMapper CSV = new CsvMapper(CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_FIELD_CHARS).build())
            .build());

    private final Path file;
    private final ExtractCharset charset;
    private final MappingIterator<List<String>> records;
    private final List<String> header;

    private ExtractReader(Path file, ExtractCharset charset, MappingIterator<List<String>> records, List<String> header) {
        this.file = file;
        this.charset = charset;
        this.records = records;
        this.header = header;
    }

    /**
     * Opens the extract and reads its header (names trimmed and in lower case).
     *
     * @param declared the character set IT declared, or null to detect it
     */
    public static ExtractReader open(Path file, Charset declared) throws ExtractException {
        ExtractCharset cs;
        try {
            cs = ExtractCharset.of(file, declared);
        } catch (NoSuchFileException e) {
            throw new ExtractException("patient index not found: " + file, e);
        } catch (IOException e) {
            throw new ExtractException("cannot read the patient index " + file + ": " + e.getMessage(), e);
        }
        MappingIterator<List<String>> it;
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.skipNBytes(cs.bomLength());
            it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema())
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readValues(new CheckedDecodingReader(in, cs.charset()));
        } catch (IOException e) {
            UndecodableByteException u = causeOf(e);
            if (u != null) {
                throw undecodable(file, u, List.of(), cs);
            }
            throw new ExtractException("cannot read the patient index " + file + ": " + e.getMessage(), e);
        }
        ExtractReader reader = new ExtractReader(file, cs, it, List.of());
        ExtractRecord first = reader.next();
        if (first == null) {
            reader.close();
            throw new ExtractException(new ExtractProblem(file, 1, "header", "the file is empty, expected the header "
                    + String.join(",", ExtractColumns.REQUIRED)));
        }
        List<String> names = first.fields().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        return new ExtractReader(file, cs, it, names);
    }

    public Path file() {
        return file;
    }

    public ExtractCharset charset() {
        return charset;
    }

    /** The header's column names, trimmed, in lower case. */
    public List<String> header() {
        return header;
    }

    /** The next non-empty record, or null at the end of the file. */
    public ExtractRecord next() throws ExtractException {
        while (true) {
            long line = records.getParser().currentLocation().getLineNr();
            try {
                if (!records.hasNextValue()) {
                    return null;
                }
                List<String> fields = records.nextValue();
                if (fields.isEmpty() || fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                return new ExtractRecord(Math.max(1, line), new ArrayList<>(fields));
            } catch (UndecodableByteException e) {
                throw undecodable(file, e, header, charset);
            } catch (JsonProcessingException e) {
                UndecodableByteException u = causeOf(e);
                if (u != null) {
                    throw undecodable(file, u, header, charset);
                }
                throw new ExtractException(new ExtractProblem(file, Math.max(1, line), "record", csvProblem(e)));
            } catch (IOException | RuntimeException e) {
                UndecodableByteException u = causeOf(e);
                if (u != null) {
                    throw undecodable(file, u, header, charset);
                }
                throw new ExtractException("cannot read the patient index " + file + " after line " + line + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static ExtractException undecodable(Path file, UndecodableByteException e, List<String> header, ExtractCharset cs) {
        String field = e.field < header.size() ? header.get(e.field) : "column " + (e.field + 1);
        return new ExtractException(new ExtractProblem(file, e.line, field, String.format(
                "byte 0x%02X is not valid %s (%s); declare the file's character set, e.g. windows-1252",
                e.value, e.charset.name(), cs.how())));
    }

    private static String csvProblem(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "not valid CSV";
        }
        if (m.contains("Missing closing quote")) {
            return "a quoted field starting in this record is never closed";
        }
        if (m.contains("Expected column separator")) {
            return "text after a closing quote (a field with a quote must be quoted whole, its quotes doubled)";
        }
        if (m.contains("String value length")) {
            return "a field longer than " + MAX_FIELD_CHARS + " characters (a quote left open?)";
        }
        return "not valid CSV: " + m;
    }

    private static UndecodableByteException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UndecodableByteException u) {
                return u;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            records.close();
        } catch (IOException e) {
            // reading is over either way
        }
    }
}
