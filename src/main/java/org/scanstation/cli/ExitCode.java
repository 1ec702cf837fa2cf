package org.scanstation.cli;

/** The command line's exit statuses, one meaning each, for scripts run by IT. */
public enum ExitCode {
    OK(0),
    /** Something failed that is not the caller's fault (disk, engine, network). */
    FAILURE(1),
    /** Bad arguments. */
    USAGE(2),
    /** An input path does not exist or cannot be opened. */
    INPUT(3),
    /** The patient index is missing or malformed. */
    PATIENT_INDEX(4),
    /** A required engine (Tesseract, its language data) is missing. */
    ENGINE(5),
    /** Work is left to do (e.g. documents still queued for upload). */
    INCOMPLETE(6),
    /** The EDMS could not be reached (network, time-outs, 5xx) after the retries: run again later. */
    EDMS_UNAVAILABLE(7),
    /**
     * The EDMS refused something, a document failed verification, a batch is in the store's quarantine,
     * or the audit trail is not intact: a person must look.
     */
    NEEDS_ATTENTION(8),
    /**
     * The batch store is in use by another process, cannot be read with the key given, or holds data
     * while its key file is missing (no new key is made).
     */
    STORE(9),
    /** A configuration file is malformed: the station refuses to start (the message names file and line). */
    CONFIG(10);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
