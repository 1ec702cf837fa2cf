package org.scanstation.upload;

/**
 * A document as the EDMS holds it.
 *
 * @param existed true when it was already there (found by its key) rather than created now
 */
public record EdmsDocument(String objectId, String name, long contentLength, boolean existed) {
}
