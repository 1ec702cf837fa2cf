package org.scanstation.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.scanstation.image.Transform;
import org.scanstation.match.PatientIndex;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.BatchListener;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchIntake;
import org.scanstation.store.BatchIntake.IntakePage;
import org.scanstation.store.BatchStore;

/**
 * The {@code process} work: analyse input files (patient labels, blank pages, separators), keep every
 * page image in the encrypted store, export each document auto-filed to one patient as PDF/A and
 * queue it for upload; documents needing a person are held for review. A batch an earlier run left
 * half done is completed (or discarded) first.
 */
public final class ProcessService {

    /** The EDMS description of every document. */
    public static final String DOCUMENT_TITLE = "Scanned health record";

    private final AnalysisSettings settings;
    private final PatientIndex patients;

    public ProcessService(AnalysisSettings settings, PatientIndex patients) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.patients = Objects.requireNonNull(patients, "patients");
    }

    /**
     * Processes {@code files} (in feeder order) into a new batch of {@code store}.
     *
     * @param operator  who scanned (for the audit trail and the PDFs)
     * @param stationId the station's identifier (the audit trail's device, the PDFs' station)
     * @param listener  hears of each page as soon as its analysis is final
     * @throws OcrException when Tesseract or its language data is missing (nothing is stored)
     * @throws IOException  when an input cannot be read or the store cannot be written
     */
    public ProcessResult process(BatchStore store, List<Path> files, String operator, String stationId,
                                 BatchListener listener) throws IOException, OcrException, InterruptedException {
        try (AnalysisEngine engine = AnalysisEngine.create(settings, patients);
             TextLayerOcr ocr = TextLayerOcr.createDefault()) {
            BatchIntake intake = new BatchIntake(store, new PdfaStoreExporter(ocr, new PdfaDocumentWriter(), patients),
                    DOCUMENT_TITLE);
            List<BatchIntake.IntakeResult> recovered = intake.recover(store);
            CapturingPageSource source = new CapturingPageSource(files);
            List<PageAnalysis> analysed = new ArrayList<>();
            try {
                engine.analyse(source, page -> {
                    analysed.add(page);
                    if (listener != null) {
                        listener.pageAnalysed(page);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            List<IntakePage> pages = new ArrayList<>(analysed.size());
            int unreadable = 0;
            for (PageAnalysis p : analysed) {
                CapturingPageSource.Captured c = source.get(p.id());
                unreadable += StoredImage.UNDECODABLE.equals(c.image().mediaType()) ? 1 : 0;
                pages.add(intakePage(p, c));
            }
            BatchIntake.IntakeResult result = intake.intake(new BatchInfo(operator, stationId, settingsForAudit()), pages);
            return new ProcessResult(result, recovered, unreadable);
        }
    }

    static IntakePage intakePage(PageAnalysis p, CapturingPageSource.Captured c) {
        double deskew = 0;
        for (Transform t : p.transforms()) {
            if (t instanceof Transform.Deskew d) {
                deskew = d.degrees();
            }
        }
        return new IntakePage(p.id().name(), c.image().bytes(), c.image().mediaType(), p.status().json(),
                p.patient() == null ? null : p.patient().nhsNumber().digits(), p.document(), p.rotation(), deskew,
                c.dpi(), p.confidence(), p.reasons());
    }

    /** The analysis settings, as the audit trail records them (no patient data). */
    private Map<String, String> settingsForAudit() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("separators", String.join(",", new TreeSet<>(settings.separatorTexts())));
        m.put("hospitalNumberPattern", settings.hospitalNumberPattern());
        m.put("unreadableBarcodeNeedsReview", Boolean.toString(settings.unreadableBarcodeNeedsReview()));
        m.put("patientIndexSize", Integer.toString(patients.size()));
        return m;
    }
}
