package org.scanstation.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scanstation.store.StoredBatch;

/**
 * Everything decided about a batch when it is filed, kept encrypted in the batch: each page's analysis
 * and each document with the filing rule's outcome. Storing it is the filing's commit point: from then
 * on, finishing the filing needs nothing but the store.
 */
public record FilingPlan(List<StoredDecision> pages, List<PlannedDocument> documents) {

    /** Reads plans of earlier versions too (a field it does not know is skipped). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public FilingPlan {
        pages = List.copyOf(pages);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /**
     * One document of the batch.
     *
     * @param nhsNumber  the patient it is filed to, or for a held document the candidate (may be null)
     * @param pages      its pages' indexes in the stored batch, in order
     * @param holdReason why a person must decide, or null when it is filed automatically
     */
    public record PlannedDocument(int document, String nhsNumber, List<Integer> pages, String holdReason) {

        public PlannedDocument {
            pages = List.copyOf(pages);
        }
    }

    /** Each page's decision by its index in the stored batch. */
    public Map<Integer, StoredDecision> byPage() {
        Map<Integer, StoredDecision> m = new LinkedHashMap<>();
        pages.forEach(d -> m.put(d.page(), d));
        return m;
    }

    void storeIn(StoredBatch batch) throws IOException {
        batch.putDecisions(JSON.writeValueAsBytes(this));
    }

    /**
     * The plan stored in {@code batch}.
     *
     * @throws IOException when the batch has none, or it cannot be read (never guessed: a page's rotation
     *                     must not silently become 0)
     */
    public static FilingPlan readFrom(StoredBatch batch) throws IOException {
        byte[] json = batch.readDecisions().orElseThrow(() -> new IOException(
                "batch " + batch.id() + " has no stored decisions"));
        try {
            FilingPlan plan = JSON.readValue(json, FilingPlan.class);
            if (plan.pages() == null) {
                throw new IOException("no pages in the stored decisions");
            }
            return plan;
        } catch (IOException | RuntimeException e) {
            throw new IOException("the stored decisions of batch " + batch.id() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
