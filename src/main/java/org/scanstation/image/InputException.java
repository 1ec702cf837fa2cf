package org.scanstation.image;

/** An input path the user gave cannot be used (missing, not readable); the message is one line. */
public class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }
}
