package org.scanstation.match.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character set of an extract: the one IT declared, else the one its byte order mark names, else
 * UTF-8 when every byte is valid UTF-8, else Windows-1252 (the usual "ANSI" export of Windows tools,
 * a superset of ISO 8859-1's printable characters). A file that is UTF-8 on one line and not on
 * another mixes character sets and is refused rather than guessed.
 *
 * @param bomLength bytes of byte order mark to skip
 * @param how       "declared", "byte order mark" or what the detection found, for the import report
 */
public record ExtractCharset(Charset charset, int bomLength, String how) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A name as IT would write it ("UTF-8", "windows-1252", "ISO-8859-1", "latin1"), or a clear error. */
    public static Charset named(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown character set '" + name + "' (use e.g. UTF-8, windows-1252, ISO-8859-1)");
        }
    }

    /**
     * @param declared the character set IT declared, or null to detect it
     */
    public static ExtractCharset of(Path file, Charset declared) throws IOException, ExtractException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        boolean utf8Bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        boolean utf16Bom = n >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE);
        if (declared != null) {
            if (utf8Bom && !declared.equals(StandardCharsets.UTF_8)) {
                throw new ExtractException(new ExtractProblem(file, 1, "file", "starts with a UTF-8 byte order mark but "
                        + declared.name() + " was declared"));
            }
            return new ExtractCharset(declared, utf8Bom ? 3 : 0, "declared");
        }
        if (utf8Bom) {
            return new ExtractCharset(StandardCharsets.UTF_8, 3, "byte order mark");
        }
        if (utf16Bom) {
            Charset cs = (head[0] & 0xFF) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return new ExtractCharset(cs, 2, "byte order mark");
        }
        try (CheckedDecodingReader r = new CheckedDecodingReader(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8)) {
            char[] buf = new char[1 << 16];
            while (r.read(buf, 0, buf.length) >= 0) {
                // validating only
            }
            return new ExtractCharset(StandardCharsets.UTF_8, 0, "detected: every byte is valid UTF-8");
        } catch (UndecodableByteException e) {
            if (e.firstNonAscii > 0) {
                throw new ExtractException(new ExtractProblem(file, e.line, "file", String.format(
                        "byte 0x%02X is not UTF-8, but line %d is UTF-8: the file mixes character sets;"
                                + " export it again in one (UTF-8 is best)", e.value, e.firstNonAscii)));
            }
            return new ExtractCharset(WINDOWS_1252, 0, "detected: line " + e.line + " is not UTF-8");
        }
    }

    /** "UTF-8 (detected: every byte is valid UTF-8)". */
    public String describe() {
        return charset.name() + " (" + how + ")";
    }
}
