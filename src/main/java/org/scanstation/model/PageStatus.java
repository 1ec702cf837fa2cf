package org.scanstation.model;

/** What the station decided to do with one page (the analysis contract's {@code status}). */
public enum PageStatus {
    /** Filed to the patient without a person looking. */
    MATCHED,
    /** A person must decide. */
    REVIEW,
    /** Empty page, left out of the document. */
    BLANK,
    /** Separator sheet, left out; ends the current document. */
    SEPARATOR;

    public String json() {
        return name().toLowerCase();
    }
}
