package org.scanstation.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * The head of a store's audit trail as sent to the EDMS with an upload: the trail had {@code count}
 * records, the last one hashing to {@code head}, and the records from {@code from} on hashed to
 * {@code hashes} (one SHA-256 per record). Kept outside the clerk's reach, these let
 * {@code audit --verify} name the first record that was later cut, altered, reordered or forged.
 * No patient data: only hashes, counts, the store's random id and a time.
 *
 * @param store      the store's random id (the trail's first record)
 * @param from       the first record covered (the previous anchor's count)
 * @param count      how many records the trail held
 * @param head       SHA-256 of record {@code count - 1}
 * @param hashes     SHA-256 of records {@code from} to {@code count - 1}
 * @param anchoredAt when the station sent it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditAnchor(String format, String store, int from, int count, String head, List<String> hashes,
                          String anchoredAt) {

    public static final String FORMAT = "scanstation-audit-anchor-v1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AuditAnchor {
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
    }

    /** The document name in the EDMS: store id and count, so each anchor has its own name. */
    @JsonIgnore
    public String fileName() {
        return String.format("audit-anchor-%s-%09d.json", store, count);
    }

    /** True when the anchor's own fields agree (one hash per record covered, head = last hash). */
    @JsonIgnore
    public boolean wellFormed() {
        return FORMAT.equals(format) && store != null && from >= 0 && count > from
                && hashes.size() == count - from && hashes.get(hashes.size() - 1).equals(head);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IOException when the bytes are not an anchor */
    public static AuditAnchor parse(byte[] json) throws IOException {
        AuditAnchor a = JSON.readValue(json, AuditAnchor.class);
        if (a == null || !a.wellFormed()) {
            throw new IOException("not a well-formed audit anchor");
        }
        return a;
    }
}
