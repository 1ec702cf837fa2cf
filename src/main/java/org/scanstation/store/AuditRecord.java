package org.scanstation.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One position of the audit trail: the record's JSON as stored (with its {@code seq} and the
 * {@code prev} hash of the record before it) and its own SHA-256, or, when it cannot be read, why.
 *
 * @param seq     its position in the whole trail, from 0
 * @param json    the plaintext JSON, null when the record cannot be read
 * @param hash    SHA-256 (hex) of {@code json}, null when it cannot be read
 * @param place   where it is stored, e.g. {@code audit/audit.log record 12}
 * @param problem why it cannot be read, null when it can
 */
public record AuditRecord(int seq, byte[] json, String hash, String place, String problem) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AuditRecord readable(int seq, byte[] json, String place) {
        return new AuditRecord(seq, json, Sha256.hex(json), place, null);
    }

    public boolean readable() {
        return json != null;
    }

    /** The parsed JSON; an empty object when the record cannot be read or parsed. */
    public JsonNode node() {
        if (json == null) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(json);
            return n == null || !n.isObject() ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    public String type() {
        return node().path("type").asText(null);
    }

    /** Type, time and batch of the record, for messages: never patient data. */
    public String describe() {
        if (!readable()) {
            return "record " + seq + " (unreadable, " + place + ")";
        }
        JsonNode n = node();
        StringBuilder sb = new StringBuilder("record ").append(seq).append(" (")
                .append(n.path("type").asText("no type"));
        if (n.hasNonNull("at")) {
            sb.append(", ").append(n.get("at").asText());
        }
        if (n.hasNonNull("batch")) {
            sb.append(", batch ").append(n.get("batch").asText());
        }
        return sb.append(')').toString();
    }
}
