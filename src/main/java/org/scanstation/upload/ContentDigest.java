package org.scanstation.upload;

/** Length and sha256 (lowercase hex) of a document's content. */
public record ContentDigest(long length, String sha256) {
}
