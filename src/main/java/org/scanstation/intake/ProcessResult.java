package org.scanstation.intake;

import java.util.List;
import org.scanstation.store.BatchIntake.IntakeResult;

/**
 * What {@code process} did; no patient data.
 *
 * @param batch      the new batch: id, pages stored, documents queued for upload and held for review
 * @param recovered  batches an earlier, interrupted run left half done and this run completed
 * @param unreadable pages that could not be decoded (stored as they were, sent to review)
 */
public record ProcessResult(IntakeResult batch, List<IntakeResult> recovered, int unreadable) {

    public ProcessResult {
        recovered = List.copyOf(recovered);
    }
}
