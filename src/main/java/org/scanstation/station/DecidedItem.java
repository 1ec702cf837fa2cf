package org.scanstation.station;

import java.time.Instant;
import org.scanstation.model.Patient;
import org.scanstation.store.BatchId;

/**
 * A supervisor's decision that can still be undone: the document was filed to a patient and has not
 * started to upload, or it was set aside (unidentifiable, or sent back for rescanning and not rescanned yet).
 *
 * @param outcome  what was decided, in words: "filed to", "marked unidentifiable", "sent back for rescanning"
 * @param patient  the patient it was filed to; null when it was set aside
 * @param by       who decided, when this session knows it, else null
 * @param at       when
 */
public record DecidedItem(BatchId batchId, int document, int pages, String outcome, Patient patient, String by,
                          Instant at) {

    public String name() {
        return DocumentNames.of(batchId, document);
    }
}
