package org.scanstation.station;

import java.time.Instant;

/**
 * One document in the upload queue screen, in plain words.
 *
 * @param document  its number in the batch, from 1
 * @param state     e.g. "waiting to upload", "uploaded and checked", "held: waiting for review"
 * @param retries   failed attempts at this document seen in this session
 * @param lastError this document's own problem in plain words, or empty
 * @param patient   the patient it is filed to ("MURPHY, Liam"), or for a held document the candidate; empty when
 *                  none. Patient data: the screen shows it only to a signed-in supervisor
 * @param nhsNumber the patient's NHS number as shown ("999 363 8390"), or empty; patient data, as above
 * @param scanned   when its batch was scanned
 */
public record UploadLine(String batchId, int document, int pages, String state, int retries, String lastError,
                         boolean needsAttention, String patient, String nhsNumber, Instant scanned) {

    /** The document in words, without patient data ("document 3 of batch 603cdd2b", or what IT must look at). */
    public String name() {
        return document == 0 ? "batch " + DocumentNames.shortBatch(batchId) + " (set aside)"
                : "document " + document + " of batch " + DocumentNames.shortBatch(batchId);
    }
}
