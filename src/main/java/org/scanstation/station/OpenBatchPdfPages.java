package org.scanstation.station;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scanstation.export.ExportException;
import org.scanstation.export.PdfPagePreparer;
import org.scanstation.export.PreparedPages;
import org.scanstation.image.ScannedPage;
import org.scanstation.image.Transform;
import org.scanstation.intake.StoredDocumentPdf;
import org.scanstation.model.PageId;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pipeline.AnalysedPage;
import org.scanstation.pipeline.AnalysedPageSink;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.store.StoredBatch;

/**
 * The open batch's pages made ready for their PDF on the analysis worker that analysed them (ADR 0015),
 * waiting in memory (never on disk) until the batch is filed: a page is then neither read from the store,
 * decoded, turned nor read by OCR again, unless the operator changed how it is turned since (it is then built
 * from the store as before). Pages of one batch at a time; a cap on what is held.
 */
final class OpenBatchPdfPages implements AnalysedPageSink, StoredDocumentPdf.ReadyPages {

    /** Compressed pages held at most for the open batch: a sixteenth of the heap, 256 MB at most. */
    static final long MAX_BYTES = PreparedPages.shareOfHeap(16, 256L << 20);

    private final PreparedPages prepared = new PreparedPages(MAX_BYTES);
    private final Map<ScannedPage, PageId> stored = Collections.synchronizedMap(new IdentityHashMap<>());
    private final PdfPagePreparer preparer;
    private String batchId;

    OpenBatchPdfPages(AnalysisEngine analysis, PdfaDocumentWriter writer) {
        this.preparer = new PdfPagePreparer(analysis.pageLayoutEngine(), writer, prepared, stored::remove);
    }

    /** {@code page} was stored as page {@code index} of {@code batch}, before its analysis. */
    synchronized void stored(StoredBatch batch, int index, ScannedPage page) {
        String id = batch.id().toString();
        if (!id.equals(batchId)) {
            prepared.clear();
            stored.clear();
            batchId = id;
        }
        stored.put(page, key(id, index));
    }

    /** The analysis of a scan ended: pages it did not hand on (their analysis failed) are forgotten. */
    void analysisEnded() {
        stored.clear();
    }

    @Override
    public void accept(AnalysedPage page) {
        preparer.accept(page);
    }

    @Override
    public Optional<EncodedPage> take(StoredBatch batch, int index, List<Transform> transforms) throws ExportException {
        return prepared.take(key(batch.id().toString(), index), transforms);
    }

    private static PageId key(String batch, int index) {
        return PageId.single(Path.of("stored", batch, Integer.toString(index)));
    }
}
