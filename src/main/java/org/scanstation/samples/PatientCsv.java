package org.scanstation.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scanstation.model.Patient;

/** Writes the patient index CSV in the contract's format (ISO dates, CRLF line ends). */
final class PatientCsv {

    static final String HEADER = "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode";

    private PatientCsv() {
    }

    static void write(Path file, List<Patient> patients) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\r\n");
            for (Patient p : patients) {
                w.write(String.join(",", p.nhsNumber().digits(), cell(p.mrn()), cell(p.familyName()),
                        cell(p.givenName()), p.dateOfBirth().toString(), p.sex(), cell(p.postcode())) + "\r\n");
            }
        }
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
