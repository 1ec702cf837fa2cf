package org.scanstation.upload;

/** A failure talking to the EDMS: either {@link EdmsUnavailableException} or {@link EdmsRejectedException}. */
public abstract sealed class EdmsException extends Exception permits EdmsUnavailableException, EdmsRejectedException {

    protected EdmsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when trying again later may succeed (network, time-out, 5xx). */
    public abstract boolean isRetryable();
}
