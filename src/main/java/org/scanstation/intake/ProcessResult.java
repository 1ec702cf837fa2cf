package org.scanstation.intake;

import java.util.List;

/**
 * What {@code process} did; no patient data.
 *
 * @param batch      the new batch: id, pages stored, documents queued for upload and held for review
 * @param recovered  batches an earlier, interrupted run left half filed and this run completed
 * @param stillUnfinished earlier batches that still could not be finished, with why
 * @param unreadable pages that could not be decoded (stored as they were, sent to review)
 */
public record ProcessResult(FilingResult batch, List<FilingResult> recovered, List<String> stillUnfinished,
                            int unreadable) {

    public ProcessResult {
        recovered = List.copyOf(recovered);
        stillUnfinished = List.copyOf(stillUnfinished);
    }
}
