package org.scanstation.match.store;

import java.util.List;

/**
 * The tables of one index generation (one SQLite file, written once by an import, then only read).
 * {@code patient}: the live registrations; {@code retired}: identifiers merged into a surviving patient;
 * {@code refused}: the rows of the extract that were not used and why; {@code meta}: what the import was.
 */
final class IndexSchema {

    /** Raised when the layout changes; a station refuses a generation of another format. */
    static final String FORMAT = "scanstation-patient-index-1";

    static final List<String> TABLES = List.of(
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE patient(nhs TEXT NOT NULL, mrn TEXT, family TEXT NOT NULL, given TEXT NOT NULL,"
                    + " dob TEXT NOT NULL, sex TEXT NOT NULL, postcode TEXT NOT NULL,"
                    + " family_key TEXT NOT NULL, given_key TEXT NOT NULL, line INTEGER NOT NULL)",
            "CREATE TABLE merge_row(line INTEGER NOT NULL, nhs TEXT NOT NULL, mrn TEXT, into_nhs TEXT, into_mrn TEXT,"
                    + " merged_on TEXT NOT NULL)",
            "CREATE TABLE retired_stage(kind TEXT NOT NULL, value TEXT NOT NULL, survivor TEXT NOT NULL,"
                    + " merged_on TEXT NOT NULL, line INTEGER NOT NULL)",
            "CREATE TABLE retired(kind TEXT NOT NULL, value TEXT NOT NULL, survivor TEXT NOT NULL,"
                    + " merged_on TEXT NOT NULL, line INTEGER NOT NULL, PRIMARY KEY(kind, value)) WITHOUT ROWID",
            "CREATE TABLE refused(line INTEGER NOT NULL, field TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL)");

    /** The identifiers, unique once duplicates are refused (built after the rows are in: faster). */
    static final List<String> IDENTIFIER_INDEXES = List.of(
            "CREATE UNIQUE INDEX patient_nhs ON patient(nhs)",
            "CREATE UNIQUE INDEX patient_mrn ON patient(mrn)");

    /** For searches: a name's start (and birth date), a birth date (and a name's start). */
    static final List<String> INDEXES = List.of(
            "CREATE INDEX patient_name ON patient(family_key, given_key, dob)",
            "CREATE INDEX patient_dob_name ON patient(dob, family_key, given_key)");

    static final String PATIENT_COLUMNS = "nhs, mrn, family, given, dob, sex, postcode";

    private IndexSchema() {
    }
}
