package org.scanstation.station;

import java.time.Instant;
import java.util.List;
import org.scanstation.store.BatchId;

/**
 * A clerk's to-do: a document a supervisor sent back for rescanning, with the sheets to scan again.
 *
 * @param sheets each page in words, e.g. "sheet 9 of the batch (0009.jpg)"
 * @param by     the supervisor who sent it back, when known
 */
public record RescanItem(BatchId batchId, int document, List<String> sheets, String by, Instant sentAt) {

    public RescanItem {
        sheets = List.copyOf(sheets);
    }

    public String name() {
        return DocumentNames.of(batchId, document);
    }
}
