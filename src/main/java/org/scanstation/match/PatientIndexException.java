package org.scanstation.match;

/** The patient index is missing or malformed; the message names the file and line. */
public class PatientIndexException extends Exception {
    public PatientIndexException(String message) {
        super(message);
    }

    public PatientIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
