package org.scanstation.export;

/** A document could not be exported; the message says what and why in plain words. */
public class ExportException extends Exception {
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExportException(String message) {
        super(message);
    }
}
