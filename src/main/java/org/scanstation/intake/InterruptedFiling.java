package org.scanstation.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredBatch;

/**
 * Finds the filing a crash, a kill or a failure left unfinished, at the start of {@code process} and of
 * the station (and whenever the clerk files again): every batch whose decisions are stored is finished
 * ({@link BatchFiler#finish}); a batch still being captured belongs to whoever made it.
 */
public final class InterruptedFiling {

    private final BatchStore store;
    private final BatchFiler filer;

    public InterruptedFiling(BatchStore store, BatchFiler filer) {
        this.store = store;
        this.filer = filer;
    }

    /** What finishing found: the batches completed, and those that still could not be (with why). */
    public record Outcome(List<FilingResult> finished, List<String> problems) {

        public Outcome {
            finished = List.copyOf(finished);
            problems = List.copyOf(problems);
        }
    }

    /** Finishes every batch whose filing passed its commit point; one failing batch does not stop the others. */
    public Outcome finishAll() throws InterruptedException {
        List<FilingResult> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StoredBatch b : store.unsealedBatches()) {
            try {
                if (b.readDecisions().isPresent()) {
                    done.add(filer.finish(b, null));
                }
            } catch (IOException | RuntimeException e) {
                problems.add("batch " + b.id() + ": " + e.getMessage());
            }
        }
        return new Outcome(done, problems);
    }

    /**
     * Batches {@code origin} was capturing pages into and never filed. {@code process} keeps its own for
     * review; the station reopens its own as the open batch. Batches made before the origin was recorded
     * count as {@code process} batches.
     */
    public List<StoredBatch> unfiled(String origin) throws IOException {
        List<StoredBatch> out = new ArrayList<>();
        for (StoredBatch b : store.unsealedBatches()) {
            String made = Optional.ofNullable(b.info().origin()).orElse(BatchInfo.PROCESS);
            if (made.equals(origin) && b.readDecisions().isEmpty()) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * Keeps the unfiled batches of {@code process} for review: their pages never reached a document, and
     * they are patient records all the same (held, said in the store's notices and the audit trail).
     */
    public void keepUnfiledProcessBatchesForReview() throws IOException {
        for (StoredBatch b : unfiled(BatchInfo.PROCESS)) {
            store.keepForReview(b.id(), "the run that stored it stopped before its analysis was complete");
        }
    }
}
