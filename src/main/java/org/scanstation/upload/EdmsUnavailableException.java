package org.scanstation.upload;

/**
 * The EDMS could not be reached or did not answer properly: connection refused or reset, time-out,
 * HTTP 5xx, 408 or 429. Retrying later may succeed.
 */
public final class EdmsUnavailableException extends EdmsException {

    private final int status;

    public EdmsUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when there was no answer at all. */
    public int status() {
        return status;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
