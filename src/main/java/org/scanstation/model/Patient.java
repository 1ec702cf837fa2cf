package org.scanstation.model;

import java.time.LocalDate;

/** A patient as the patient index knows them. */
public record Patient(NhsNumber nhsNumber, String mrn, String familyName, String givenName,
                      LocalDate dateOfBirth, String sex, String postcode) {

    /** "FAMILY, Given" as printed on most labels. */
    public String displayName() {
        return familyName.toUpperCase() + ", " + givenName;
    }
}
