package org.scanstation.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.scanstation.export.DocumentMetadataFactory;
import org.scanstation.model.PageStatus;
import org.scanstation.pipeline.BatchDocument;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.store.AuditTrail;
import org.scanstation.store.DocumentState;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;

/**
 * Files a batch whose pages are already in the store, for {@code process} and the station alike: the
 * documents are made by the pipeline's one rule ({@link BatchDocument}, {@code FilingRule}); the
 * decisions and documents are stored together ({@link FilingPlan}: the commit point); then each document
 * is defined, held with the rule's reason or built as PDF/A and queued, and the batch sealed.
 *
 * <p>Every step after the commit point is journaled and skipped when already done, so {@link #finish}
 * can be run again after a crash or a failure (a full disk, an OCR failure) and completes the same
 * filing: a document is defined once, and queued only from {@code exported}, never twice.
 */
public final class BatchFiler {

    /**
     * A page of the batch as filed.
     *
     * @param storedPage its index in the stored batch
     * @param document   the document it belongs to (any numbering in batch order), or null for blank and
     *                   separator pages
     */
    public record FiledPage(int storedPage, PageAnalysis analysis, Integer document) {
    }

    private final StoredDocumentPdf pdfs;
    private final AuditTrail audit;

    public BatchFiler(StoredDocumentPdf pdfs, AuditTrail audit) {
        this.pdfs = pdfs;
        this.audit = audit;
    }

    /**
     * Files the batch: stores its decisions and documents, then {@link #finish}es it.
     *
     * @param pageDone hears each page's name when its text layer is done (may be null)
     * @throws FilingIncompleteException when some documents could not be exported yet (run {@link #finish} again)
     */
    public FilingResult file(StoredBatch batch, List<FiledPage> pages, Consumer<String> pageDone)
            throws IOException, InterruptedException {
        return file(batch, plan(pages), pages, pageDone);
    }

    /** Files the batch by a {@link #plan} already made of {@code pages}. */
    public FilingResult file(StoredBatch batch, FilingPlan plan, List<FiledPage> pages, Consumer<String> pageDone)
            throws IOException, InterruptedException {
        for (FiledPage p : pages) {
            PageAnalysis a = p.analysis();
            audit.automaticDecision(batch.id(), p.storedPage(), a.status().json(),
                    a.patient() == null ? null : a.patient().nhsNumber().digits(), a.reasons());
        }
        plan.storeIn(batch);
        return finish(batch, pageDone);
    }

    /** The decisions and documents of a batch, documents numbered from 0 in batch order. */
    public static FilingPlan plan(List<FiledPage> pages) {
        Map<Integer, List<FiledPage>> byDocument = new LinkedHashMap<>();
        for (FiledPage p : pages) {
            if (isContent(p)) {
                byDocument.computeIfAbsent(p.document(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        List<FilingPlan.PlannedDocument> documents = new ArrayList<>();
        for (Map.Entry<Integer, List<FiledPage>> e : byDocument.entrySet()) {
            int index = documents.size();
            renumbered.put(e.getKey(), index);
            List<PageAnalysis> analyses = e.getValue().stream().map(FiledPage::analysis).toList();
            BatchDocument doc = BatchDocument.of(index, analyses);
            // filed: the rule's patient; held: the candidate, or what was read for the reviewer to see
            String nhs = doc.patient() != null ? doc.patient().nhsNumber().digits()
                    : doc.needsReview() ? NhsNumberRead.of(analyses) : null;
            documents.add(new FilingPlan.PlannedDocument(index, nhs,
                    e.getValue().stream().map(FiledPage::storedPage).toList(), doc.holdReason()));
        }
        List<StoredDecision> decisions = new ArrayList<>(pages.size());
        for (FiledPage p : pages) {
            decisions.add(StoredDecision.of(p.storedPage(), p.analysis(), isContent(p) ? renumbered.get(p.document()) : null));
        }
        return new FilingPlan(decisions, documents);
    }

    private static boolean isContent(FiledPage p) {
        PageStatus s = p.analysis().status();
        return p.document() != null && s != PageStatus.BLANK && s != PageStatus.SEPARATOR;
    }

    /**
     * Completes the filing of a batch whose decisions are stored: defines the documents not yet defined,
     * holds those the rule holds, builds and queues the others, seals the batch. Safe to run again.
     *
     * @throws FilingIncompleteException when some documents could not be exported (the batch stays unsealed)
     */
    public FilingResult finish(StoredBatch batch, Consumer<String> pageDone) throws IOException, InterruptedException {
        FilingPlan plan = FilingPlan.readFrom(batch);
        for (FilingPlan.PlannedDocument d : plan.documents()) {
            if (batch.document(d.document()).isEmpty()) {
                batch.defineDocument(d.document(), d.nhsNumber(), DocumentMetadataFactory.TITLE, d.pages());
            }
            // also after a crash between defining and holding: a held document is never exported
            if (d.holdReason() != null && batch.document(d.document()).orElseThrow().state() == DocumentState.ANALYSED) {
                batch.hold(d.document(), d.holdReason());
            }
        }
        batch.markAnalysisComplete();
        Map<Integer, StoredDecision> decisions = plan.byPage();
        List<String> problems = new ArrayList<>();
        for (StoredDocument doc : batch.documents()) {
            if (doc.state() == DocumentState.ANALYSED) {
                try {
                    batch.putPdf(doc.index(), pdfs.build(batch, doc, decisions, pageDone));
                } catch (IOException e) {
                    problems.add("document " + (doc.index() + 1) + " could not be exported: " + e.getMessage());
                    continue;
                }
            }
            if (batch.document(doc.index()).orElseThrow().state() == DocumentState.EXPORTED) {
                batch.queue(doc.index());
            }
        }
        FilingResult result = result(batch);
        if (!problems.isEmpty()) {
            throw new FilingIncompleteException(result, problems);
        }
        batch.seal();
        return result;
    }

    static FilingResult result(StoredBatch batch) {
        int queued = 0;
        int held = 0;
        for (StoredDocument d : batch.documents()) {
            switch (d.state()) {
                case QUEUED, UPLOADED, VERIFIED, PURGED -> queued++;
                case HELD, UNIDENTIFIABLE, RESCAN -> held++;
                default -> {
                    // being prepared, or failed: counted in neither
                }
            }
        }
        return new FilingResult(batch.id(), batch.pages().size(), queued, held);
    }
}
