package org.scanstation.match.extract;

import java.time.LocalDate;

/**
 * One checked row of the extract: a live patient, or a retired registration (a merge) when
 * {@code mergedIntoNhs} or {@code mergedIntoMrn} is set.
 *
 * @param nhs the NHS number's ten digits (check digit valid)
 * @param mrn the hospital number in upper case, or null
 * @param dateOfBirth null only on a retired row that left it empty
 */
public record Registration(long line, String nhs, String mrn, String familyName, String givenName,
                           LocalDate dateOfBirth, String sex, String postcode,
                           String mergedIntoNhs, String mergedIntoMrn, LocalDate mergedOn) {

    public boolean retired() {
        return mergedIntoNhs != null || mergedIntoMrn != null;
    }
}
