package org.scanstation.intake;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.scanstation.export.BatchInfo;
import org.scanstation.export.DocumentExporter;
import org.scanstation.export.DocumentMetadataFactory;
import org.scanstation.export.ExportException;
import org.scanstation.image.Transform;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.Patient;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.StoredPage;

/**
 * Builds a stored document's PDF/A with the one builder ({@link DocumentExporter}), in memory: each
 * stored page decoded, turned upright and straightened as its stored decision says, at its stored
 * resolution; the patient's NHS number, hospital number and name (looked up in the index), the batch,
 * station, operator and scan date in the metadata. Used when a batch is filed and when a supervisor
 * files a held document.
 */
public final class StoredDocumentPdf {

    /**
     * Stored pages the analysis already made ready for their PDF, in memory (ADR 0015): a page found here is
     * neither read from the store, decoded nor read by OCR again.
     */
    @FunctionalInterface
    public interface ReadyPages {
        ReadyPages NONE = (batch, index, transforms) -> Optional.empty();

        /**
         * Takes page {@code index} of {@code batch} if it was made ready with {@code transforms}.
         *
         * @throws ExportException naming the page when it was analysed but could not be made ready
         */
        Optional<EncodedPage> take(StoredBatch batch, int index, List<Transform> transforms) throws ExportException;
    }

    private final DocumentExporter builder;
    private final PatientIndex patients;
    private final ReadyPages ready;

    public StoredDocumentPdf(DocumentExporter builder, PatientIndex patients) {
        this(builder, patients, ReadyPages.NONE);
    }

    private StoredDocumentPdf(DocumentExporter builder, PatientIndex patients, ReadyPages ready) {
        this.builder = builder;
        this.patients = patients;
        this.ready = ready;
    }

    /** The same builder taking the pages {@code ready} holds as they are. */
    public StoredDocumentPdf withReadyPages(ReadyPages ready) {
        return new StoredDocumentPdf(builder, patients, Objects.requireNonNull(ready, "ready"));
    }

    /**
     * @param decisions the batch's page decisions by page index (rotation, deskew)
     * @param pageDone  hears each page's name when its text layer is done (may be null)
     * @throws IOException when a page's decision is missing, or the PDF cannot be built (the reason in words)
     */
    public byte[] build(StoredBatch batch, StoredDocument doc, Map<Integer, StoredDecision> decisions,
                        Consumer<String> pageDone) throws IOException, InterruptedException {
        List<DocumentExporter.SourcePage> pages = new ArrayList<>(doc.pages().size());
        List<String> names = new ArrayList<>(doc.pages().size());
        for (int index : doc.pages()) {
            StoredPage page = batch.pages().stream().filter(p -> p.index() == index).findFirst().orElseThrow(() ->
                    new IOException("page " + index + " of document " + (doc.index() + 1) + " is no longer stored"));
            StoredDecision decision = decisions.get(index);
            if (decision == null) {
                throw new IOException("page " + page.sourceName() + " has no stored decision: it is not built "
                        + "without knowing which way up it goes");
            }
            names.add(page.sourceName());
            Optional<EncodedPage> made;
            try {
                made = ready.take(batch, index, decision.transforms());
            } catch (ExportException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (made.isPresent()) {
                pages.add(DocumentExporter.SourcePage.ready(page.sourceName(), made.get()));
                continue;
            }
            byte[] bytes = batch.readPage(index); // a damaged store is an error, never a placeholder
            try {
                pages.add(DocumentExporter.SourcePage.decoded(page.sourceName(),
                        StoredPages.decode(bytes, page, StoredPages.idOf(page)), decision.transforms()));
            } catch (StoredPages.UndecodablePageException e) {
                pages.add(DocumentExporter.SourcePage.undecodable(page.sourceName(), e.getMessage()));
            }
        }
        Patient patient = doc.nhsNumber() == null ? null : patients.byNhsNumber(doc.nhsNumber()).orElse(null);
        try {
            return builder.prepare(pages, DocumentMetadataFactory.of(batchInfo(batch), doc.index(), patient, names),
                    pageDone).bytes();
        } catch (ExportException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The batch as the PDF metadata names it: id, station (the batch's device), operator, scan date. */
    static BatchInfo batchInfo(StoredBatch batch) {
        return new BatchInfo(batch.id().toString(), batch.info().device(), batch.info().operator(),
                batch.createdAt() == null ? null : batch.createdAt().atZone(ZoneId.systemDefault()));
    }
}
