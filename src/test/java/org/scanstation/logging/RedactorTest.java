package org.scanstation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every identifier format the station may meet in a message is masked; ordinary technical text is not. */
public class RedactorTest {

    /** Each sample identifier, as a server or a library might quote it. */
    public static final List<String> IDENTIFIERS = List.of(
            "9434765919", "943 476 5919", "943-476-5919", "999.459.5342", "94347 65919", "9434 765 919",
            "K6174756", "RX1234567", "A1234567",
            "1985-09-05", "1985/09/05", "1985-09-05T00:00:00Z", "05/09/1985", "5/9/1985", "05-09-1985", "05.09.1985",
            "05/09/85", "5 Sep 1985", "05-Sep-1985", "5th September 1985", "September 5, 1985",
            "BROWN, Sarah", "O'NEIL-SMITH, Mary Ann", "DE LA CRUZ, Ana", "BROWN,Sarah", "Mrs Sarah Brown", "Dr. J Smith",
            "SW1A 1AA", "LS1 4AP", "M1 1AE", "b33 8th", "EC1A1BB");

    static List<String> identifiers() {
        return IDENTIFIERS;
    }

    @ParameterizedTest
    @MethodSource("identifiers")
    void masksTheIdentifierWhereverItStandsInAMessage(String id) {
        Redactor r = Redactor.withDefaults();
        for (String message : List.of(id, "no folder /ScanStation/" + id + "/x", "'" + id + "' refused",
                "patient (" + id + "): duplicate", "value=" + id + ";")) {
            String masked = r.redact(message);
            assertThat(masked).as(message).doesNotContain(id).contains("[");
        }
    }

    @Test
    void saysWhatWasThere() {
        Redactor r = Redactor.withDefaults();
        assertThat(r.redact("BROWN, Sarah born 05/09/1985 NHS 943 476 5919 MRN K6174756 at LS1 4AP"))
                .isEqualTo("[name] born [date] NHS [nhs-number] MRN [hospital-number] at [postcode]");
    }

    @Test
    void leavesTechnicalTextAlone() {
        Redactor r = Redactor.withDefaults();
        for (String text : List.of(
                "batch 3f6c1e0a9b2d4c5e8f7a6b5c4d3e2f10 document 2 uploaded as 1234",
                "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "connection to the EDMS at 127.0.0.1:8443 timed out after 10 s",
                "page p00012.enc of batches/ab12/pages", "HTTP 409: nameConstraintViolation",
                "object 137 of 12345678901234", "JavaFX 21.0.11 on Linux 6.1.0", "batch 20261125-0001 took 12 s",
                "wrote 3,145,728 bytes in 2 files")) {
            assertThat(r.redact(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void theSharedRedactorLearnsTheTrustsOwnHospitalNumbers() {
        try {
            Redactor.useHospitalNumberPattern("[0-9]{2}-[0-9]{6}");
            assertThat(Redactor.mask("chart 12-345678 pulled")).isEqualTo("chart [hospital-number] pulled");
            Redactor.useHospitalNumberPattern("[unclosed");
            assertThat(Redactor.mask("K6174756")).isEqualTo("[hospital-number]");
        } finally {
            Redactor.useHospitalNumberPattern(null);
        }
    }
}
