package org.scanstation.image;

import java.io.IOException;

/** A whole input file cannot be read as pages; the message says why, for a person. */
final class UnreadableFileException extends IOException {
    UnreadableFileException(String reason) {
        super(reason);
    }
}
