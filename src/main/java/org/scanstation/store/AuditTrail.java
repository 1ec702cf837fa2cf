package org.scanstation.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The append-only audit trail of the store: who scanned what, when, on which device with which
 * settings, the sha256 of every page image and PDF, every automatic and review decision with its
 * reasons, every upload with its EDMS object id. Each event is one encrypted, fsync'd record of an
 * {@link EncryptedLog}; nothing is ever rewritten. {@link #exportJson(OutputStream)} writes the
 * decrypted trail for an auditor.
 */
public final class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EncryptedLog log;
    private final Clock clock;

    AuditTrail(EncryptedLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    static AuditTrail open(Path file, String name, AesGcmCipher cipher, Clock clock) throws IOException {
        return new AuditTrail(EncryptedLog.open(file, name, cipher), clock);
    }

    private String now() {
        return clock.instant().toString();
    }

    /** Appends any event (durable when this returns). */
    public void append(AuditEvent event) throws IOException {
        log.append(JSON.writeValueAsBytes(event));
    }

    public void batchStarted(BatchId batch, BatchInfo info) throws IOException {
        append(new AuditEvent("batch-started", now(), info.operator(), info.device(), batch.value(), null, null, null,
                null, null, null, null, null, info.settings()));
    }

    public void pageImage(BatchId batch, int page, String sha256, long size, String user) throws IOException {
        append(new AuditEvent("page-image", now(), user, null, batch.value(), null, page, sha256, size, null, null,
                null, null, null));
    }

    public void pdf(BatchId batch, int document, String sha256, long size, String user) throws IOException {
        append(new AuditEvent("pdf", now(), user, null, batch.value(), document, null, sha256, size, null, null,
                null, null, null));
    }

    /** An automatic decision of the pipeline about one page, with its reasons. */
    public void automaticDecision(BatchId batch, int page, String decision, String nhsNumber, List<String> reasons)
            throws IOException {
        append(new AuditEvent("automatic-decision", now(), "scanstation", null, batch.value(), null, page, null, null,
                nhsNumber, decision, List.copyOf(reasons), null, null));
    }

    /** A person's review decision about one page or document. */
    public void reviewDecision(BatchId batch, Integer document, Integer page, String user, String decision,
                               String nhsNumber, List<String> reasons) throws IOException {
        append(new AuditEvent("review-decision", now(), user, null, batch.value(), document, page, null, null,
                nhsNumber, decision, reasons == null ? null : List.copyOf(reasons), null, null));
    }

    public void upload(BatchId batch, int document, String edmsObjectId, String sha256, String user, boolean existing)
            throws IOException {
        append(new AuditEvent("upload", now(), user, null, batch.value(), document, null, sha256, null, null,
                existing ? "found-existing" : "created", null, edmsObjectId, null));
    }

    public void stateChange(BatchId batch, int document, DocumentState state, String user, String detail,
                            String edmsObjectId) throws IOException {
        append(new AuditEvent(state.json(), now(), user, null, batch.value(), document, null, null, null, null,
                null, detail == null ? null : List.of(detail), edmsObjectId, null));
    }

    /** Every event so far, in order. */
    public List<AuditEvent> events() throws IOException {
        List<AuditEvent> out = new ArrayList<>();
        for (byte[] r : log.records()) {
            out.add(JSON.readValue(r, AuditEvent.class));
        }
        return out;
    }

    /** Writes {@code {"events":[...]}} (UTF-8); the stream is left open. */
    public void exportJson(OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "scanstation-audit-v1");
            g.writeArrayFieldStart("events");
            for (byte[] r : log.records()) {
                g.writeObject(JSON.readValue(r, Map.class));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
