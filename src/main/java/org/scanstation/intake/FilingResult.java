package org.scanstation.intake;

import org.scanstation.store.BatchId;

/**
 * What filing a batch did; no patient data.
 *
 * @param pages  pages stored in the batch
 * @param queued documents queued for upload (or already uploaded)
 * @param held   documents held for a person (review pending, or set aside by a supervisor)
 */
public record FilingResult(BatchId batchId, int pages, int queued, int held) {
}
