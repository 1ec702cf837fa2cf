package org.scanstation.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One document of a batch as the journal knows it: the patient it is filed to, its pages, its PDF
 * (sha256 and size once exported) and its state history.
 *
 * @param nhsNumber     the patient's NHS number (10 digits); patient data, never logged
 * @param uploadStarted the uploader began sending it (journaled first): the EDMS may hold it from then on,
 *                      so a supervisor's decision can no longer be undone
 * @param rescanDone    for a document sent back for rescanning: its pages were scanned again
 */
public record StoredDocument(BatchId batchId, int index, String nhsNumber, String title, List<Integer> pages,
                             String pdfSha256, long pdfSize, DocumentState state, String edmsObjectId,
                             List<StateChange> history, boolean uploadStarted, boolean rescanDone) {

    public StoredDocument {
        pages = List.copyOf(pages);
        history = List.copyOf(history);
    }

    public StoredDocument(BatchId batchId, int index, String nhsNumber, String title, List<Integer> pages,
                          String pdfSha256, long pdfSize, DocumentState state, String edmsObjectId,
                          List<StateChange> history) {
        this(batchId, index, nhsNumber, title, pages, pdfSha256, pdfSize, state, edmsObjectId, history, false, false);
    }

    public Instant lastChange() {
        return history.isEmpty() ? null : history.get(history.size() - 1).at();
    }

    /** The remark of the latest state change (e.g. the server's message for FAILED). */
    public Optional<String> lastDetail() {
        return history.isEmpty() ? Optional.empty() : Optional.ofNullable(history.get(history.size() - 1).detail());
    }

    /** When the document was verified on the EDMS, if it was. */
    public Optional<Instant> verifiedAt() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).state() == DocumentState.VERIFIED) {
                return Optional.of(history.get(i).at());
            }
        }
        return Optional.empty();
    }
}
