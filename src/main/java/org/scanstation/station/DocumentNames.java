package org.scanstation.station;

import org.scanstation.store.BatchId;

/** How a document is named on the screens: by its place in a batch, never by patient data. */
public final class DocumentNames {

    private DocumentNames() {
    }

    /** "document 3 of batch 603cdd2b" (the batch id's first characters; documents counted from 1). */
    public static String of(BatchId batch, int document) {
        return "document " + (document + 1) + " of batch " + shortBatch(batch.value());
    }

    /** The first eight characters of a batch id after any "batch-" or date prefix a person does not need. */
    public static String shortBatch(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }
}
