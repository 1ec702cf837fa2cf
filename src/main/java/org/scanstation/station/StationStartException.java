package org.scanstation.station;

/** The station cannot start because one of its parts cannot: which part, with a sentence for the user. */
public final class StationStartException extends StationException {

    /** The part that stopped the start. */
    public enum Part {
        /** the patient index (its folder or extract): a supervisor or IT can point the settings elsewhere */
        PATIENT_INDEX,
        /** text recognition (Tesseract and its English data): IT installs it */
        TEXT_RECOGNITION,
        /** the encrypted document store */
        STORE
    }

    private final Part part;

    public StationStartException(Part part, String message, Throwable cause) {
        super(message, cause);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
