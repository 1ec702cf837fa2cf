package org.scanstation.station;

/** A station action that cannot be done, with a message for the person who asked. */
public class StationException extends RuntimeException {

    public StationException(String message) {
        super(message);
    }

    public StationException(String message, Throwable cause) {
        super(message, cause);
    }
}
