package org.scanstation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageStatus;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.pdf.PdfWriterOptions;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.PdfaValidation;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pipeline.AnalysedPage;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.PageAnalysis;

/**
 * Each page is decoded, turned upright and read once: the export builds its PDFs from what the analysis made
 * (real analysis, Tesseract, PDFBox; corpus pages: a labelled page, its unlabelled continuation, a bilevel page
 * scanned upside down).
 */
class PreparedPagesExportTest {

    static final Path CORPUS = ExportCorpusTest.CORPUS;
    static final List<String> PAGES = List.of("0010.png", "0011.tif", "0012.jpg", "0013.jpg");

    @TempDir
    static Path out;

    static final AtomicInteger decodedAgain = new AtomicInteger();
    static final AtomicInteger readAgain = new AtomicInteger();
    static final Map<String, AnalysedPage> analysed = new ConcurrentHashMap<>();
    static List<PageAnalysis> batch = new ArrayList<>();
    static ExportReport report;
    static TextLayerOcr fallbackOcr;

    @BeforeAll
    static void analyseAndExport() throws Exception {
        PreparedPages prepared = new PreparedPages();
        PdfaDocumentWriter writer = new PdfaDocumentWriter(PdfWriterOptions.defaults());
        try (AnalysisEngine analysis = AnalysisEngine.create(AnalysisSettings.defaults(),
                CsvPatientIndex.load(CORPUS.resolve("patients.csv")))) {
            PdfPagePreparer preparer = new PdfPagePreparer(analysis.pageLayoutEngine(), writer, prepared);
            analysis.analyse(PAGES.stream().map(f -> CORPUS.resolve("batch").resolve(f)).toList(), batch::add, page -> {
                analysed.put(page.scan().id().name(), page);
                preparer.accept(page);
            });
        }
        PageImageSource decoder = ids -> {
            decodedAgain.addAndGet(ids.size());
            return new FilePageImageSource().load(ids);
        };
        OcrEngine counting = new OcrEngine() {
            @Override
            public OcrText recognise(BufferedImage image, Rectangle region) throws OcrException {
                readAgain.incrementAndGet();
                throw new OcrException("the export read a page again");
            }
        };
        fallbackOcr = new TextLayerOcr(counting, 1, 1);
        BatchExporter exporter = new BatchExporter(new DocumentExporter(fallbackOcr, writer),
                new DocumentPages(decoder, prepared), Clock.systemUTC());
        report = exporter.write(batch, new BatchInfo("B9", "ST-9", "A Clerk", ZonedDateTime.now()), out, null);
        assertThat(prepared.waiting()).isZero();
    }

    @AfterAll
    static void close() {
        fallbackOcr.close();
    }

    @Test
    void noPageIsDecodedOrReadAgain() {
        assertThat(report.pagesWritten()).isEqualTo(PAGES.size());
        assertThat(decodedAgain.get()).isZero();
        assertThat(readAgain.get()).isZero();
    }

    @Test
    void theAnalysisMadeEachPageUprightOnce() {
        assertThat(analysed.keySet()).containsExactlyInAnyOrderElementsOf(PAGES);
        assertThat(analysed.values()).allSatisfy(p -> assertThat(p.uprightGrey()).isNotNull());
        assertThat(batch).extracting(PageAnalysis::status).doesNotContain(PageStatus.BLANK, PageStatus.SEPARATOR);
    }

    @Test
    void filesAreSearchablePdfA2bWithTheAnalysisTextAndTheLabels() throws Exception {
        List<ExportedDocument> docs = new ArrayList<>(report.filed());
        docs.addAll(report.review());
        for (ExportedDocument doc : docs) {
            Path pdf = (doc.needsReview() ? out.resolve(BatchExporter.REVIEW_FOLDER) : out).resolve(doc.file());
            PdfaValidation.assertPdfA2b(pdf);
            try (PDDocument pd = Loader.loadPDF(pdf.toFile())) {
                for (int i = 0; i < doc.sources().size(); i++) {
                    String source = doc.sources().get(i);
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(i + 1);
                    stripper.setEndPage(i + 1);
                    String text = stripper.getText(pd);
                    assertThat(text.split("\\s+").length).as(source + ": the letter's text").isGreaterThan(40);
                    if (source.equals("0012.jpg") || source.equals("0010.png")) {
                        String nhs = doc.patient().nhsNumber().digits();
                        assertThat(text.replaceAll("\\s", "")).as(source + ": the label as the analysis read it").contains(nhs);
                    }
                }
            }
        }
    }

    @Test
    void aPageWhoseTextLayerFailedOnTheWorkerStopsItsDocumentNamingIt() throws Exception {
        PreparedPages prepared = new PreparedPages();
        PageAnalysis page = batch.get(3);
        prepared.failed(page.id(), new OcrException("Tesseract could not recognise the image"));
        BatchExporter exporter = new BatchExporter(new DocumentExporter(fallbackOcr, new PdfaDocumentWriter()),
                new DocumentPages(ids -> {
                    throw new AssertionError("a prepared page is not decoded again");
                }, prepared), Clock.systemUTC());
        Path folder = out.resolve("failed");
        ExportException e = org.assertj.core.api.Assertions.catchThrowableOfType(ExportException.class,
                () -> exporter.write(List.of(page), new BatchInfo("B8", "ST-9", "A Clerk", ZonedDateTime.now()), folder, null));
        assertThat(e.reason()).isEqualTo(ExportException.Reason.OCR_FAILED);
        assertThat(e.getMessage()).contains(page.id().name()).contains("could not recognise");
        try (var files = java.nio.file.Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".pdf"));
        }
        assertThat(prepared.take(page.id(), page.transforms())).as("taken once").isEmpty();
    }
}
