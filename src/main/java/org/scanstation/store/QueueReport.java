package org.scanstation.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.scanstation.logging.Redactor;

/**
 * Every batch and document of a store with its state, for the {@code queue} command and the GUI,
 * and what the store set aside in its quarantine. It carries no patient data (no NHS number, no
 * name): only opaque batch ids, indexes, states, EDMS object ids and remarks.
 */
public record QueueReport(List<BatchLine> batches, Map<DocumentState, Integer> totals,
                          List<Quarantine.Item> quarantined) {

    public QueueReport {
        quarantined = quarantined == null ? List.of() : List.copyOf(quarantined);
    }

    /** One batch. */
    public record BatchLine(String batchId, String createdAt, boolean sealed, int pages, List<DocumentLine> documents) {
    }

    /** One document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DocumentLine(int index, String state, int pages, String sha256, String edmsObjectId,
                               String lastChange, String detail) {
    }

    static QueueReport of(List<StoredBatch> stored, List<Quarantine.Item> quarantined) {
        List<BatchLine> lines = new ArrayList<>();
        Map<DocumentState, Integer> totals = new EnumMap<>(DocumentState.class);
        for (StoredBatch b : stored) {
            List<DocumentLine> docs = new ArrayList<>();
            for (StoredDocument d : b.documents()) {
                docs.add(new DocumentLine(d.index(), d.state().json(), d.pages().size(), d.pdfSha256(),
                        d.edmsObjectId(), d.lastChange() == null ? null : d.lastChange().toString(),
                        d.lastDetail().map(Redactor::mask).orElse(null)));
                totals.merge(d.state(), 1, Integer::sum);
            }
            lines.add(new BatchLine(b.id().value(), b.createdAt().toString(), b.isSealed(), b.pages().size(), docs));
        }
        return new QueueReport(List.copyOf(lines), Map.copyOf(totals), quarantined);
    }

    /** How many documents are in {@code state}. */
    public int count(DocumentState state) {
        return totals.getOrDefault(state, 0);
    }

    /** Documents still to upload or verify. */
    public int pending() {
        return count(DocumentState.QUEUED) + count(DocumentState.UPLOADED);
    }

    public void writeJson(OutputStream out) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, this);
    }

    /** A plain-text table, one line per document, after what is in quarantine. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        if (!quarantined.isEmpty()) {
            sb.append("SET ASIDE FOR IT (quarantine, nothing was deleted):\n");
            for (Quarantine.Item q : quarantined) {
                sb.append("  ").append(q.describe()).append('\n');
            }
        }
        for (BatchLine b : batches) {
            sb.append("batch ").append(b.batchId()).append("  created ").append(b.createdAt())
                    .append("  pages ").append(b.pages()).append(b.sealed() ? "" : "  (open)").append('\n');
            for (DocumentLine d : b.documents()) {
                sb.append(String.format("  doc %3d  %-9s %3d page(s)", d.index(), d.state(), d.pages()));
                if (d.edmsObjectId() != null) {
                    sb.append("  edms ").append(d.edmsObjectId());
                }
                if (d.detail() != null) {
                    sb.append("  ").append(d.detail());
                }
                sb.append('\n');
            }
        }
        sb.append("totals:");
        for (DocumentState s : DocumentState.values()) {
            if (count(s) > 0) {
                sb.append(' ').append(s.json()).append('=').append(count(s));
            }
        }
        return sb.append('\n').toString();
    }
}
