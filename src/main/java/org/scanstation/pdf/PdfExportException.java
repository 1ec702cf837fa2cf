package org.scanstation.pdf;

/**
 * A PDF could not be written. The message is plain language fit to show a user; {@link #reason()}
 * lets callers pick an exit code or a remedy. When this is thrown no file exists under the final name
 * (an earlier file with that name is left untouched).
 */
public class PdfExportException extends Exception {

    /** Why the export failed. */
    public enum Reason {
        /** The output folder is missing, not a folder, read-only or not writable by this user. */
        OUTPUT_NOT_WRITABLE,
        /** The disk (or quota) ran out of space while writing. */
        DISK_FULL,
        /** A page has no OCR text layer (OCR failed or did not run). */
        OCR_MISSING,
        /** The pages or metadata given cannot make a PDF (no pages, unusable image). */
        BAD_INPUT,
        /** A file of that name already exists: it is never replaced. */
        TARGET_EXISTS,
        /** Any other input/output failure. */
        IO_ERROR
    }

    private final Reason reason;

    public PdfExportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PdfExportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
