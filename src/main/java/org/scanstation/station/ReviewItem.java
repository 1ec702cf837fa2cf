package org.scanstation.station;

import java.time.Instant;
import java.util.List;
import org.scanstation.model.Patient;
import org.scanstation.store.BatchId;

/**
 * A held document waiting for a supervisor's decision.
 *
 * @param pageIds       its pages (indexes in the stored batch), in order
 * @param nhsNumberRead the NHS number the pipeline read or proposed, may be null
 * @param candidate     the index's patient for that number, may be null (e.g. not in the index)
 * @param shown         what its pages show about who they belong to (names, dates of birth, numbers read)
 * @param heldSince     when the document was held (the queue is oldest first)
 */
public record ReviewItem(BatchId batchId, int document, List<Integer> pageIds, String nhsNumberRead,
                         Patient candidate, List<String> reasons, EvidenceShown shown, Instant heldSince) {

    public ReviewItem {
        pageIds = List.copyOf(pageIds);
        reasons = List.copyOf(reasons);
    }

    public int pages() {
        return pageIds.size();
    }

    /** A short key naming the document without patient data, e.g. "b20261125-… / document 3". */
    public String key() {
        return batchId.value() + " / document " + (document + 1);
    }

    /** The document in words for a person, without patient data: "document 3 of batch 603cdd2b". */
    public String name() {
        return DocumentNames.of(batchId, document);
    }
}
