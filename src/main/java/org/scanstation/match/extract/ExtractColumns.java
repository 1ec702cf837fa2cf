package org.scanstation.match.extract;

import java.util.List;

/**
 * The columns of the PAS extract. One row per registration; the header names the columns (any order,
 * any case; unknown columns are ignored and reported). The merge columns are optional: a row that fills
 * {@code merged_into_nhs_number} and/or {@code merged_into_mrn} is a retired registration, its
 * {@code nhs_number} and {@code mrn} now belong to the surviving patient those columns name, since
 * {@code merged_on} (yyyy-MM-dd).
 */
public final class ExtractColumns {

    public static final String NHS_NUMBER = "nhs_number";
    public static final String MRN = "mrn";
    public static final String FAMILY_NAME = "family_name";
    public static final String GIVEN_NAME = "given_name";
    public static final String DATE_OF_BIRTH = "date_of_birth";
    public static final String SEX = "sex";
    public static final String POSTCODE = "postcode";
    public static final String MERGED_INTO_NHS_NUMBER = "merged_into_nhs_number";
    public static final String MERGED_INTO_MRN = "merged_into_mrn";
    public static final String MERGED_ON = "merged_on";

    public static final List<String> REQUIRED =
            List.of(NHS_NUMBER, MRN, FAMILY_NAME, GIVEN_NAME, DATE_OF_BIRTH, SEX, POSTCODE);
    public static final List<String> MERGES = List.of(MERGED_INTO_NHS_NUMBER, MERGED_INTO_MRN, MERGED_ON);

    private ExtractColumns() {
    }
}
