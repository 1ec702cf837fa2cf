package org.scanstation.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scanstation.model.NhsNumber;

/**
 * Turns one analysed batch (page images + the analysis contract's per-page decisions) into a stored
 * batch: stores every page, the decisions and an audit record per automatic decision, defines one
 * document per {@code document} index, exports and queues the documents whose every page was
 * auto-filed to one patient, and holds the rest for review. This is the logic of the {@code process}
 * command.
 *
 * <p>Crash safety: pages, decisions and documents are all stored before
 * {@link StoredBatch#markAnalysisComplete()}; exports and queueing follow, then the batch is sealed.
 * After a crash, {@link #recover(BatchStore)} finishes batches whose analysis was complete (export,
 * queue, seal) and keeps those whose intake never got that far, every page held for review
 * ({@link BatchStore#keepForReview}): nothing stored is ever discarded.
 */
public final class BatchIntake {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One analysed page.
     *
     * @param status    {@code matched}, {@code review}, {@code blank} or {@code separator}
     * @param nhsNumber the patient the page is (or would be) filed to, may be null
     * @param document  the document index, null for blank and separator pages
     * @param rotation  clockwise degrees the image must be turned to be upright
     * @param deskew    clockwise degrees the upright image is then turned to straighten it (0: none)
     * @param dpi       the scan's resolution, or 0 when unknown (the exporter then assumes 300)
     */
    public record IntakePage(String source, byte[] image, String mediaType, String status, String nhsNumber,
                             Integer document, int rotation, double deskew, int dpi, double confidence,
                             List<String> reasons) {

        public IntakePage {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        /** A page with no deskew and an unknown resolution. */
        public IntakePage(String source, byte[] image, String mediaType, String status, String nhsNumber,
                          Integer document, int rotation, double confidence, List<String> reasons) {
            this(source, image, mediaType, status, nhsNumber, document, rotation, 0, 0, confidence, reasons);
        }

        /** Reads one page object of the analysis contract's JSON, with the page image to store. */
        public static IntakePage fromAnalysisJson(JsonNode page, byte[] image, String mediaType) {
            List<String> reasons = new ArrayList<>();
            page.path("reasons").forEach(r -> reasons.add(r.asText()));
            JsonNode patient = page.path("patient");
            String nhs = patient.isObject() && patient.hasNonNull("nhsNumber") ? patient.get("nhsNumber").asText() : null;
            Integer doc = page.hasNonNull("document") ? page.get("document").asInt() : null;
            return new IntakePage(page.path("source").asText(), image, mediaType, page.path("status").asText(), nhs,
                    doc, page.path("rotation").asInt(0), page.path("confidence").asDouble(0), reasons);
        }
    }

    /**
     * A stored page handed to the exporter, upright after {@code rotation} then {@code deskew}.
     *
     * @param deskew clockwise degrees to turn the upright page to straighten it (0: none)
     * @param dpi    the scan's resolution, 0 when unknown
     */
    public record ExportPage(String source, byte[] image, String mediaType, int rotation, double deskew, int dpi) {

        /** A page with no deskew and an unknown resolution. */
        public ExportPage(String source, byte[] image, String mediaType, int rotation) {
            this(source, image, mediaType, rotation, 0, 0);
        }
    }

    /**
     * Which document is being exported, for the PDF's metadata.
     *
     * @param nhsNumber the patient the document is filed to
     * @param info      who scanned the batch, on which device
     * @param scannedAt when the batch was created
     */
    public record DocumentContext(BatchId batchId, int document, String nhsNumber, BatchInfo info, Instant scannedAt) {
    }

    /** Builds a document's PDF (PDF/A) from its pages; implemented by the pdf package. */
    @FunctionalInterface
    public interface DocumentExporter {
        byte[] export(List<ExportPage> pages, String title) throws IOException;

        /** Exports with the document's context (patient, batch, operator); by default the context is not used. */
        default byte[] export(List<ExportPage> pages, String title, DocumentContext context) throws IOException {
            return export(pages, title);
        }
    }

    /** What an intake did; no patient data. */
    public record IntakeResult(BatchId batchId, int pages, int queued, int held) {
    }

    /** The per-page decisions as stored (encrypted) in the batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredDecision(int page, String source, String status, String nhsNumber, Integer document, int rotation,
                          Double deskew, Integer dpi, double confidence, List<String> reasons) {
    }

    record StoredDecisions(List<StoredDecision> pages) {
    }

    private final BatchStore store;
    private final DocumentExporter exporter;
    private final String title;

    /** @param title the description given to every document in the EDMS, e.g. "Scanned health record" */
    public BatchIntake(BatchStore store, DocumentExporter exporter, String title) {
        this.store = store;
        this.exporter = exporter;
        this.title = title;
    }

    /** Stores, exports and queues one analysed batch; returns its id and counts. */
    public IntakeResult intake(BatchInfo info, List<IntakePage> pages) throws IOException {
        StoredBatch batch = store.createBatch(info);
        List<StoredDecision> decisions = new ArrayList<>();
        for (IntakePage p : pages) {
            int index = batch.addPage(p.image(), p.mediaType(), p.source());
            store.audit().automaticDecision(batch.id(), index, p.status(), p.nhsNumber(), p.reasons());
            decisions.add(new StoredDecision(index, p.source(), p.status(), p.nhsNumber(), p.document(), p.rotation(),
                    p.deskew() == 0 ? null : p.deskew(), p.dpi() == 0 ? null : p.dpi(), p.confidence(), p.reasons()));
        }
        batch.putDecisions(JSON.writeValueAsBytes(new StoredDecisions(decisions)));
        for (Map.Entry<Integer, List<StoredDecision>> doc : byDocument(decisions).entrySet()) {
            Filing filing = filing(doc.getValue());
            List<Integer> pageIndexes = doc.getValue().stream().map(StoredDecision::page).toList();
            batch.defineDocument(doc.getKey(), filing.nhsNumber, title, pageIndexes);
            if (filing.holdReason != null) {
                batch.hold(doc.getKey(), filing.holdReason);
            }
        }
        batch.markAnalysisComplete();
        return finish(batch);
    }

    /**
     * Completes what a crash interrupted: batches whose analysis was complete are exported, queued
     * and sealed; batches whose intake stopped earlier are kept with every page held for review,
     * which the store states in its notices and the audit trail.
     *
     * @return the batches completed
     */
    public List<IntakeResult> recover(BatchStore target) throws IOException {
        List<IntakeResult> done = new ArrayList<>();
        for (StoredBatch b : target.unsealedBatches()) {
            if (b.isAnalysisComplete()) {
                done.add(finish(b));
            } else {
                target.keepForReview(b.id(), "the run that stored it stopped before its analysis was complete");
            }
        }
        return done;
    }

    private IntakeResult finish(StoredBatch batch) throws IOException {
        Map<Integer, StoredDecision> byPage = new LinkedHashMap<>();
        for (StoredDecision d : readDecisions(batch)) {
            byPage.put(d.page(), d);
        }
        int queued = 0;
        int held = 0;
        for (StoredDocument doc : batch.documents()) {
            if (doc.state() == DocumentState.ANALYSED) {
                List<ExportPage> export = new ArrayList<>();
                for (int p : doc.pages()) {
                    StoredDecision d = byPage.get(p);
                    StoredPage sp = batch.pages().stream().filter(x -> x.index() == p).findFirst().orElseThrow();
                    export.add(new ExportPage(sp.sourceName(), batch.readPage(p), sp.mediaType(),
                            d == null ? 0 : d.rotation(), d == null || d.deskew() == null ? 0 : d.deskew(),
                            d == null || d.dpi() == null ? 0 : d.dpi()));
                }
                batch.putPdf(doc.index(), exporter.export(export, title,
                        new DocumentContext(batch.id(), doc.index(), doc.nhsNumber(), batch.info(), batch.createdAt())));
            }
            DocumentState now = batch.document(doc.index()).orElseThrow().state();
            if (now == DocumentState.EXPORTED) {
                batch.queue(doc.index());
                queued++;
            } else if (now == DocumentState.QUEUED) {
                queued++;
            } else if (now == DocumentState.HELD) {
                held++;
            }
        }
        batch.seal();
        return new IntakeResult(batch.id(), batch.pages().size(), queued, held);
    }

    private static List<StoredDecision> readDecisions(StoredBatch batch) throws IOException {
        byte[] json = batch.readDecisions().orElseThrow(() -> new IllegalStateException(
                "batch " + batch.id() + " has no stored decisions"));
        return JSON.readValue(json, StoredDecisions.class).pages();
    }

    private static Map<Integer, List<StoredDecision>> byDocument(List<StoredDecision> decisions) {
        Map<Integer, List<StoredDecision>> docs = new TreeMap<>();
        for (StoredDecision d : decisions) {
            if (d.document() != null && ("matched".equals(d.status()) || "review".equals(d.status()))) {
                docs.computeIfAbsent(d.document(), k -> new ArrayList<>()).add(d);
            }
        }
        return docs;
    }

    private record Filing(String nhsNumber, String holdReason) {
    }

    /** Auto-filed only when every page is matched to one and the same valid NHS number. */
    private static Filing filing(List<StoredDecision> pages) {
        String nhs = null;
        for (StoredDecision p : pages) {
            if (p.nhsNumber() != null) {
                nhs = nhs == null ? p.nhsNumber() : nhs;
            }
        }
        for (StoredDecision p : pages) {
            if (!"matched".equals(p.status())) {
                return new Filing(nhs, "page " + p.page() + " needs review");
            }
            if (p.nhsNumber() == null || !p.nhsNumber().equals(nhs)) {
                return new Filing(nhs, "pages of the document are filed to different patients");
            }
        }
        if (nhs == null || !NhsNumber.hasValidCheckDigit(nhs)) {
            return new Filing(nhs, "no valid NHS number");
        }
        return new Filing(nhs, null);
    }
}
