package org.scanstation.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An electronic document management system the station files documents into. CMIS 1.1 (browser
 * binding) is the first implementation; a FHIR DocumentReference client can follow. Every method
 * fails with {@link EdmsUnavailableException} (retry later) or {@link EdmsRejectedException}
 * (a person must act).
 */
public interface EdmsClient extends AutoCloseable {

    RepositoryInfo repositoryInfo() throws EdmsException;

    /** Returns the id of the folder at {@code path} (segments below the repository root), creating missing folders. */
    String ensureFolder(List<String> path) throws EdmsException;

    /** Looks up a document by its deterministic key; empty when the EDMS does not have it. */
    Optional<EdmsDocument> find(DocumentKey key) throws EdmsException;

    /**
     * Creates the document in the folder. When the EDMS already has a document with this key there
     * (e.g. created by an earlier attempt whose answer was lost), returns that one with
     * {@link EdmsDocument#existed()} true instead of failing or duplicating.
     */
    EdmsDocument create(String folderId, NewDocument document, TransferProgress progress) throws EdmsException;

    /** {@link #create(String, NewDocument, TransferProgress)} without progress reports. */
    default EdmsDocument create(String folderId, NewDocument document) throws EdmsException {
        return create(folderId, document, TransferProgress.NONE);
    }

    /**
     * Creates a small file that is not a patient document (e.g. an audit anchor) under exactly
     * {@code name} in the folder. When the folder already holds that name (an earlier attempt whose
     * answer was lost, or another writer), returns the existing object with {@link EdmsDocument#existed()}
     * true instead of failing or duplicating.
     */
    EdmsDocument createFile(String folderId, String name, String mediaType, byte[] content, String description)
            throws EdmsException;

    /** The documents directly in the folder at {@code path} (segments below the repository root); empty when there is no such folder. */
    List<EdmsDocument> documentsIn(List<String> path) throws EdmsException;

    /** Streams the document's content into {@code out}; returns the number of bytes. */
    long download(String objectId, OutputStream out) throws EdmsException;

    /** Downloads the content and returns its length and sha256, to verify an upload. */
    default ContentDigest contentDigest(String objectId) throws EdmsException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            long n = download(objectId, out);
            return new ContentDigest(n, HexFormat.of().formatHex(md.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    default void close() {
    }
}
