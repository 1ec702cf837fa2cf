package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.scanstation.model.Patient;
import org.scanstation.store.BatchId;

/**
 * A held document waiting for a supervisor's decision.
 *
 * @param nhsNumberRead the NHS number the pipeline read or proposed, may be null
 * @param candidate     the index's patient for that number, may be null (e.g. not in the index)
 * @param labelCrop     the label region of the document's first page, enlarged evidence; may be null
 * @param heldSince     when the document was held (the queue is oldest first)
 */
public record ReviewItem(BatchId batchId, int document, int pages, String nhsNumberRead, Patient candidate,
                         List<String> reasons, BufferedImage labelCrop, Instant heldSince) {

    public ReviewItem {
        reasons = List.copyOf(reasons);
    }

    /** A short key naming the document without patient data, e.g. "b20261125-… doc 3". */
    public String key() {
        return batchId.value() + " / document " + (document + 1);
    }
}
