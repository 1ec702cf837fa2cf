package org.scanstation.scan;

/**
 * A scan failed or could not start. {@link #getMessage()} is a readable sentence for the user;
 * {@link #error()} tells the kinds apart; {@link #pagesKept()} says how many pages were delivered
 * (and so kept) before the failure.
 */
public class ScanException extends RuntimeException {

    private final ScanError error;
    private final int pagesKept;

    public ScanException(ScanError error, String message) {
        this(error, message, null, 0);
    }

    public ScanException(ScanError error, String message, Throwable cause) {
        this(error, message, cause, 0);
    }

    private ScanException(ScanError error, String message, Throwable cause, int pagesKept) {
        super(message, cause);
        this.error = error;
        this.pagesKept = pagesKept;
    }

    /** An exception carrying the error's standard advice as its message. */
    public static ScanException of(ScanError error) {
        return new ScanException(error, error.advice());
    }

    public ScanError error() {
        return error;
    }

    public int pagesKept() {
        return pagesKept;
    }

    /** The same failure, saying that {@code pages} pages scanned before it were kept. */
    public ScanException withPagesKept(int pages) {
        String msg = getMessage();
        if (pages > 0) {
            msg = msg + " The " + pages + (pages == 1 ? " page" : " pages") + " scanned before this were kept.";
        }
        return new ScanException(error, msg, getCause() == null ? this : getCause(), pages);
    }
}
