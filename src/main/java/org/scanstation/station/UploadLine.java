package org.scanstation.station;

/**
 * One document in the upload queue screen, in plain words.
 *
 * @param state     e.g. "waiting to upload", "uploaded", "held: needs review", "failed"
 * @param retries   failed attempts seen in this session
 * @param lastError the last problem in plain words, or empty
 */
public record UploadLine(String batchId, int document, int pages, String state, int retries, String lastError,
                         boolean needsAttention) {
}
