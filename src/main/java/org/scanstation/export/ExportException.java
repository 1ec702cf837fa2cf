package org.scanstation.export;

/**
 * A batch or document could not be exported; the message says what and why in plain words, fit to
 * show a user on one line. {@link #reason()} lets callers pick an exit status or a remedy.
 */
public class ExportException extends Exception {

    /** Why an export failed. */
    public enum Reason {
        /** The output folder cannot be created or written (missing parent, permissions, read-only disk). */
        OUTPUT_NOT_WRITABLE,
        /** The disk ran out of space. */
        DISK_FULL,
        /** Full-page OCR failed on a page, so its PDF would not be searchable. */
        OCR_FAILED,
        /** A page analysed earlier can no longer be read from its file. */
        INPUT_CHANGED,
        /** A file of the export's name already exists in the folder: it is never replaced. */
        TARGET_EXISTS,
        /** Anything else. */
        FAILED
    }

    private final Reason reason;

    public ExportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ExportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ExportException(String message, Throwable cause) {
        this(Reason.FAILED, message, cause);
    }

    public ExportException(String message) {
        this(Reason.FAILED, message);
    }

    public Reason reason() {
        return reason;
    }
}
