package org.scanstation.match.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4180 records, character sets and positions of what goes wrong. */
class ExtractReaderTest {

    static final String HEADER = "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode\r\n";

    @TempDir
    Path dir;

    Path write(byte[] bytes) throws Exception {
        Path f = dir.resolve("extract.csv");
        Files.write(f, bytes);
        return f;
    }

    static List<ExtractRecord> all(ExtractReader r) throws ExtractException {
        List<ExtractRecord> out = new ArrayList<>();
        for (ExtractRecord rec = r.next(); rec != null; rec = r.next()) {
            out.add(rec);
        }
        return out;
    }

    @Test
    void quotedLineBreaksCommasAndQuotesStayInTheirFieldAndLinesCountOn() throws Exception {
        Path f = write((HEADER
                + "9434765919,K1234567,\"SMITH\r\nJONES\",\"Mary \"\"Molly\"\"\",1970-01-02,F,\"LE1, 1AA\"\r\n"
                + "\r\n"
                + "4010232137,K7654321,BROWN,John,1980-05-06,M,LE2 2BB\r\n").getBytes(StandardCharsets.UTF_8));
        try (ExtractReader r = ExtractReader.open(f, null)) {
            assertThat(r.header()).startsWith("nhs_number", "mrn");
            List<ExtractRecord> records = all(r);
            assertThat(records).hasSize(2);
            assertThat(records.get(0).line()).isEqualTo(2);
            assertThat(records.get(0).fields()).containsExactly("9434765919", "K1234567", "SMITH\r\nJONES", "Mary \"Molly\"",
                    "1970-01-02", "F", "LE1, 1AA");
            assertThat(records.get(1).line()).as("after a record spanning two lines and a blank line").isEqualTo(5);
        }
    }

    @Test
    void utf8WithByteOrderMark() throws Exception {
        byte[] body = (HEADER + "9434765919,K1234567,BRONTË,Zoë,1970-01-02,F,LE1\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        try (ExtractReader r = ExtractReader.open(write(withBom), null)) {
            assertThat(r.charset().describe()).isEqualTo("UTF-8 (byte order mark)");
            assertThat(r.header().get(0)).isEqualTo("nhs_number");
            assertThat(all(r).get(0).fields().get(3)).isEqualTo("Zoë");
        }
    }

    @Test
    void latin1IsDetectedWhenTheBytesAreNotUtf8() throws Exception {
        Path f = write((HEADER + "9434765919,K1234567,BRONTË,Zoë,1970-01-02,F,LE1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        try (ExtractReader r = ExtractReader.open(f, null)) {
            assertThat(r.charset().describe()).isEqualTo("windows-1252 (detected: line 2 is not UTF-8)");
            assertThat(all(r).get(0).fields()).contains("BRONTË", "Zoë");
        }
    }

    @Test
    void anInvalidByteInTheDeclaredCharsetIsReportedWithItsLineAndField() throws Exception {
        Path f = write((HEADER + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1\r\n"
                + "4010232137,K7654321,BRONTË,Zoë,1980-05-06,M,LE2\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> {
            try (ExtractReader r = ExtractReader.open(f, StandardCharsets.UTF_8)) {
                all(r);
            }
        }).isInstanceOf(ExtractException.class)
                .hasMessage(f + ":3: family_name: byte 0xCB is not valid UTF-8 (declared); declare the file's character set,"
                        + " e.g. windows-1252");
    }

    @Test
    void aFileMixingUtf8AndLatin1IsRefusedNotGuessed() throws Exception {
        byte[] utf8 = (HEADER + "9434765919,K1234567,BRONTË,Mary,1970-01-02,F,LE1\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin = "4010232137,K7654321,BRONTË,Zoë,1980-05-06,M,LE2\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = new byte[utf8.length + latin.length];
        System.arraycopy(utf8, 0, both, 0, utf8.length);
        System.arraycopy(latin, 0, both, utf8.length, latin.length);
        Path f = write(both);
        assertThatThrownBy(() -> ExtractReader.open(f, null)).isInstanceOf(ExtractException.class)
                .hasMessageContaining(f + ":3: file: byte 0xCB is not UTF-8, but line 2 is UTF-8: the file mixes character sets");
    }

    @Test
    void anUnclosedQuoteStopsReadingAtTheRecordWhereItOpens() throws Exception {
        Path f = write((HEADER + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1\r\n"
                + "4010232137,K7654321,\"BROWN,John,1980-05-06,M,LE2\r\n"
                + "9990000018,K7654322,GREEN,Ann,1980-05-06,F,LE2\r\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> {
            try (ExtractReader r = ExtractReader.open(f, null)) {
                all(r);
            }
        }).isInstanceOf(ExtractException.class).hasMessageContaining(f + ":3: record: a quoted field starting in this record is never closed");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() throws Exception {
        Path f = write((HEADER + "9434765919,K1234567,\"SMITH\"SON,Mary,1970-01-02,F,LE1\r\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> {
            try (ExtractReader r = ExtractReader.open(f, null)) {
                all(r);
            }
        }).hasMessageContaining(f + ":2: record: text after a closing quote");
    }
}
