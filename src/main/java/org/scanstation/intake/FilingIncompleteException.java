package org.scanstation.intake;

import java.io.IOException;
import java.util.List;

/**
 * Filing got past its commit point (the decisions are stored) but some documents could not be exported
 * yet (e.g. a full disk). Nothing is lost and nothing is queued twice: filing again, or the next start,
 * finishes the batch. The message says which documents and why.
 */
public final class FilingIncompleteException extends IOException {

    private final transient FilingResult result;

    FilingIncompleteException(FilingResult result, List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " documents could not be exported yet: " + String.join("; ", problems));
        this.result = result;
    }

    /** The batch as far as it got. */
    public FilingResult result() {
        return result;
    }
}
