package org.scanstation.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One document of a batch as the journal knows it: the patient it is filed to, its pages, its PDF
 * (sha256 and size once exported) and its state history.
 *
 * @param nhsNumber the patient's NHS number (10 digits); patient data, never logged
 */
public record StoredDocument(BatchId batchId, int index, String nhsNumber, String title, List<Integer> pages,
                             String pdfSha256, long pdfSize, DocumentState state, String edmsObjectId,
                             List<StateChange> history) {

    public StoredDocument {
        pages = List.copyOf(pages);
        history = List.copyOf(history);
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
