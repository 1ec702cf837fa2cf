package org.scanstation.upload;

/** Bytes of a document's content sent so far, for a progress bar. Called on the uploading thread. */
@FunctionalInterface
public interface TransferProgress {

    TransferProgress NONE = (sent, total) -> { };

    void sent(long bytes, long total);
}
