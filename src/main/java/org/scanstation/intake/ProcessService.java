package org.scanstation.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.scanstation.export.PdfPagePreparer;
import org.scanstation.export.PreparedPages;
import org.scanstation.image.ScannedPage;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.PageId;
import org.scanstation.ocr.OcrException;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.BatchListener;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredBatch;

/**
 * The {@code process} work: finish any filing an earlier run left half done, then analyse input files
 * (patient labels, blank pages, separators) with every page stored encrypted as soon as it is decoded,
 * and file the batch: each document auto-filed to one patient exported as PDF/A and queued for upload,
 * documents needing a person held for review. The same path as the station's ({@link BatchFiler}).
 */
public final class ProcessService {

    private final AnalysisSettings settings;
    private final PatientIndex patients;

    public ProcessService(AnalysisSettings settings, PatientIndex patients) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.patients = Objects.requireNonNull(patients, "patients");
    }

    /**
     * Processes {@code files} (in feeder order) into a new batch of {@code store}, with engines made for
     * this run.
     *
     * @throws OcrException when Tesseract or its language data is missing (nothing is stored)
     */
    public ProcessResult process(BatchStore store, List<Path> files, String operator, String stationId,
                                 BatchListener listener) throws IOException, OcrException, InterruptedException {
        try (Engines engines = Engines.create(settings, patients)) {
            return process(engines, store, files, operator, stationId, listener);
        }
    }

    /**
     * Processes {@code files} with long-lived {@code engines}.
     *
     * @param operator  who scanned (for the audit trail and the PDFs)
     * @param stationId the station's identifier (the batch's device: the audit trail's and the PDFs' station)
     * @param listener  hears of each page as soon as its analysis is final
     * @throws IOException when an input cannot be read or the store cannot be written
     */
    public ProcessResult process(Engines engines, BatchStore store, List<Path> files, String operator,
                                 String stationId, BatchListener listener) throws IOException, InterruptedException {
        InterruptedFiling interrupted = new InterruptedFiling(store,
                new BatchFiler(engines.storedDocumentPdf(), store.audit()));
        InterruptedFiling.Outcome earlier = interrupted.finishAll();
        interrupted.keepUnfiledProcessBatchesForReview();
        StoredBatch batch = store.createBatch(new BatchInfo(operator, stationId, settingsForAudit(), BatchInfo.PROCESS));
        StoringPageSource source = new StoringPageSource(files, batch, engines.analysis().pageLoader());
        List<BatchFiler.FiledPage> pages = new ArrayList<>();
        // each page made ready for its PDF on the worker that analysed it: turned and read once (ADR 0015)
        // the whole batch waits for filing: a small share of the heap, so a long batch stays in flat memory (its
        // later pages are built from the store as before)
        PreparedPages prepared = new PreparedPages(PreparedPages.shareOfHeap(64, 256L << 20));
        PdfPagePreparer preparer = new PdfPagePreparer(engines.analysis().pageLayoutEngine(), engines.pdfs().writer(),
                prepared, ScannedPage::id);
        BatchFiler filer = new BatchFiler(engines.storedDocumentPdf().withReadyPages((b, index, transforms) -> {
            PageId id = b.id().equals(batch.id()) ? source.idAt(index) : null;
            return id == null ? Optional.empty() : prepared.take(id, transforms);
        }), store.audit());
        try {
            engines.analysis().analyse(source, page -> {
                pages.add(new BatchFiler.FiledPage(source.indexOf(page.id()), page, page.document()));
                if (listener != null) {
                    listener.pageAnalysed(page);
                }
            }, preparer);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        FilingResult result;
        try {
            result = filer.file(batch, pages, null);
        } finally {
            prepared.clear();
        }
        return new ProcessResult(result, earlier.finished(), earlier.problems(), source.unreadable());
    }

    /** The analysis settings, as the audit trail records them (no patient data). */
    private Map<String, String> settingsForAudit() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("separators", String.join(",", new TreeSet<>(settings.separatorTexts())));
        m.put("hospitalNumberPattern", settings.hospitalNumberPattern());
        m.put("patientIndexSize", Integer.toString(patients.size()));
        return m;
    }
}
