package org.scanstation.upload;

import java.util.Map;

/**
 * A document to create in the EDMS.
 *
 * @param description human-readable text shown in the EDMS (no need for patient names: the folder is the patient)
 * @param metadata    the station's metadata (batch, document index, pages, sha256, scan time...) as name/value
 */
public record NewDocument(DocumentKey key, String description, String mediaType, byte[] content,
                          Map<String, String> metadata) {

    public NewDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
