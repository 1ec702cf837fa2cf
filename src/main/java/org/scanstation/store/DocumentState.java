package org.scanstation.store;

/**
 * Where a document is on its way from the scanner to the EDMS. The normal path is
 * SCANNED → ANALYSED → EXPORTED → QUEUED → UPLOADED → VERIFIED → PURGED; FAILED and HELD stop it
 * until a person acts. A supervisor's review of a HELD document ends in QUEUED (filed to a patient),
 * UNIDENTIFIABLE or RESCAN.
 */
public enum DocumentState {
    SCANNED,
    ANALYSED,
    EXPORTED,
    QUEUED,
    /** The EDMS holds it (object id recorded) but its content has not been checked yet. */
    UPLOADED,
    /** The EDMS content matched length and sha256 of the local PDF. */
    VERIFIED,
    /** The local copy is gone; only the encrypted journal and the audit trail remember it. */
    PURGED,
    /** The EDMS refused it (4xx) or its content did not verify; a person must look. */
    FAILED,
    /** Set aside by a person or by policy (e.g. review pending); never uploaded while held. */
    HELD,
    /** A supervisor found no patient it can be filed to: kept here, never uploaded. */
    UNIDENTIFIABLE,
    /** A supervisor sent its pages back to be scanned again: kept here, never uploaded. */
    RESCAN;

    public String json() {
        return name().toLowerCase();
    }
}
