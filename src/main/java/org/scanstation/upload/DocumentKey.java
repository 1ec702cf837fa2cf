package org.scanstation.upload;

import java.util.regex.Pattern;

/**
 * The deterministic identity of one uploaded document: batch id + document index + sha256 of the
 * PDF. The same document always gets the same key, so the uploader can ask the EDMS "do you have it
 * already?" before creating it, and a crash between "the server stored it" and "we recorded it"
 * never makes a duplicate. It contains no patient data.
 */
public record DocumentKey(String batchId, int documentIndex, String sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public DocumentKey {
        if (batchId == null || !HEX.matcher(batchId).matches()) {
            throw new IllegalArgumentException("batch id must be lowercase hex");
        }
        if (documentIndex < 0) {
            throw new IllegalArgumentException("document index must be 0 or more");
        }
        if (sha256 == null || sha256.length() != 64 || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
    }

    /** {@code BATCH-NNN-SHA256}: safe in file names and in query literals (hex, digits, dashes only). */
    public String value() {
        return batchId + "-" + String.format("%03d", documentIndex) + "-" + sha256;
    }

    @Override
    public String toString() {
        return value();
    }
}
