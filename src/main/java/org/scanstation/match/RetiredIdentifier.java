package org.scanstation.match;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.scanstation.model.Patient;

/**
 * An identifier of a registration the PAS merged into another: it no longer names a patient of its own.
 * A page carrying it is never filed to the retired record (there is none in the index) and never filed
 * automatically: it goes to review with {@link #describe()} as the reason and the survivor as candidate.
 */
public record RetiredIdentifier(IdentifierRead.Kind kind, String value, Patient survivor, LocalDate mergedOn) {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** "hospital number K1234567 was merged into K7654321 on 03/02/2025". */
    public String describe() {
        String into;
        if (kind == IdentifierRead.Kind.HOSPITAL_NUMBER && survivor.mrn() != null) {
            into = survivor.mrn();
        } else if (kind == IdentifierRead.Kind.NHS_NUMBER) {
            into = survivor.nhsNumber().formatted();
        } else {
            into = "NHS number " + survivor.nhsNumber().formatted();
        }
        String shown = kind == IdentifierRead.Kind.NHS_NUMBER && value.length() == 10
                ? value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6) : value;
        return kind.words() + " " + shown + " was merged into " + into + " on " + UK_DATE.format(mergedOn);
    }
}
