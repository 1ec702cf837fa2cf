package org.scanstation.match.store;

import org.scanstation.match.PatientIndexException;

/** An import that was not switched to; the report says why and what was found. */
public final class ImportFailedException extends PatientIndexException {

    private final transient ImportReport report;

    public ImportFailedException(String message, ImportReport report, Throwable cause) {
        super(message, cause);
        this.report = report;
    }

    /** What was read before the import stopped; null when it stopped before reading (a lock, a missing file). */
    public ImportReport report() {
        return report;
    }
}
