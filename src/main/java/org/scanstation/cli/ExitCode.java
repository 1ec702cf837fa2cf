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
    /** A configuration file is malformed: the station refuses to start (the message names file and line). */
    CONFIG(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
