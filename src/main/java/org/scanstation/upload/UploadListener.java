package org.scanstation.upload;

import java.time.Duration;
import org.scanstation.store.StoredDocument;

/**
 * Progress of an upload run, for a console or a GUI. Callbacks run on the uploading thread and
 * must be quick. Messages carry no patient data.
 */
public interface UploadListener {

    UploadListener SILENT = new UploadListener() {
    };

    /**
     * The requests that follow (look-up, create, verify, and their retries) are about this document; null
     * when they are about no document (e.g. anchoring the audit trail).
     */
    default void working(StoredDocument document) {
    }

    /** About to create the document on the EDMS (after looking it up and not finding it). */
    default void creating(StoredDocument document) {
    }

    /** Content bytes sent so far for the document being created (restarts at 0 on a retry). */
    default void sending(StoredDocument document, long sent, long total) {
    }

    /** The EDMS holds the document (created now, or found by its key). */
    default void uploaded(StoredDocument document, EdmsDocument edms) {
    }

    default void verified(StoredDocument document) {
    }

    default void purged(StoredDocument document) {
    }

    /** The document cannot go on without a person (rejected, corrupted, content mismatch). */
    default void failed(StoredDocument document, String reason) {
    }

    /** An attempt failed with a retryable error; the next comes after {@code wait}. */
    default void retrying(String operation, int failedAttempts, Duration wait, EdmsException cause) {
    }
}
