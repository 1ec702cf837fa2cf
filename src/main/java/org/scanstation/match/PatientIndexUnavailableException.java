package org.scanstation.match;

/** The patient index stopped answering (a damaged store, a disk error) while the station was using it. */
public class PatientIndexUnavailableException extends RuntimeException {
    public PatientIndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
