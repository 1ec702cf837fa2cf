package org.scanstation.export;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.scanstation.image.ImageOps;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.LaidOutText;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.PageTextReader;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pdf.LabelTextLayout;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pipeline.AnalysedPage;
import org.scanstation.pipeline.AnalysedPageSink;
import org.scanstation.pipeline.PageKind;

/**
 * Makes each content page ready for its PDF on the analysis worker that has just analysed it, from what the
 * analysis made: the upright, straightened page it already holds (a colour scan is turned again in colour).
 * The page is read for the text layer there, its labels left out ({@link PageTextReader}) and their text laid
 * over their print as the analysis read it from the label crops; its image is compressed there too (for
 * {@code export}, a JPEG scan at no higher a quality than its own, {@link SourceJpegQuality}). So a page is
 * decoded once and turned once, its labels are read once, and pages are compressed in parallel. The analysis
 * read the page outside its labels with the text layer's own recipe to look for identifiers
 * ({@link org.scanstation.ocr.PageTextLook}); that reading is the text layer, so a page is read once (ADR 0015). Blank and separator pages, and pages the analysis
 * could not decode, are left out (their document handles them as it always has).
 */
public final class PdfPagePreparer implements AnalysedPageSink {

    private final OcrEngine pageText;
    private final PdfaDocumentWriter writer;
    private final PreparedPages into;
    private final Function<ScannedPage, PageId> keyOf;
    private final boolean capAtSourceQuality;

    /**
     * @param pageText an engine laying out a whole page (Tesseract page layout), for the rest of a labelled page
     * @param into     where the pages wait for their document
     */
    public PdfPagePreparer(OcrEngine pageText, PdfaDocumentWriter writer, PreparedPages into) {
        this(pageText, writer, into, ScannedPage::id, true);
    }

    /**
     * For pages of the encrypted store: JPEG at the writer's own quality, so that a page made ready here and the
     * same page built again from the store later (a held document, a decision changed) give the same PDF; the
     * store does not keep every scan's own JPEG tables.
     *
     * @param keyOf what each page waits under in {@code into} (e.g. where it is stored); null: the page is not
     *              made ready (its document builds it from its source)
     */
    public PdfPagePreparer(OcrEngine pageText, PdfaDocumentWriter writer, PreparedPages into,
                           Function<ScannedPage, PageId> keyOf) {
        this(pageText, writer, into, keyOf, false);
    }

    private PdfPagePreparer(OcrEngine pageText, PdfaDocumentWriter writer, PreparedPages into,
                            Function<ScannedPage, PageId> keyOf, boolean capAtSourceQuality) {
        this.capAtSourceQuality = capAtSourceQuality;
        this.pageText = Objects.requireNonNull(pageText, "pageText");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.into = Objects.requireNonNull(into, "into");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    @Override
    public void accept(AnalysedPage page) {
        if (page.findings().kind() != PageKind.CONTENT || page.uprightGrey() == null) {
            return;
        }
        ScannedPage scan = page.scan();
        PageId key = keyOf.apply(scan);
        if (key == null) {
            return;
        }
        try {
            BufferedImage image = !scan.bilevel() && EncodedPage.hasColour(scan.image())
                    ? ImageOps.render(scan.image(), page.findings().transforms()) : page.uprightGrey();
            OcrText text = textLayer(page);
            into.put(key, page.findings().transforms(), writer.encode(new PdfPage(image, scan.dpi(), scan.bilevel(), text),
                    capAtSourceQuality ? SourceJpegQuality.of(scan.id()) : 1f));
        } catch (OcrException | RuntimeException e) {
            into.failed(key, e);
        }
    }

    /** The page read outside its labels, with each label's text as the analysis read it. */
    private OcrText textLayer(AnalysedPage page) throws OcrException {
        int dpi = page.scan().dpi();
        List<LabelReading> labels = page.findings().labels().stream().filter(LabelReading::readFromItsCrop).toList();
        List<Rectangle> readAlready = labels.stream().map(l -> l.readArea(dpi)).toList();
        LaidOutText read = page.pageText();
        // the analysis read the page outside these labels with the text layer's recipe: taken as it is
        OcrText outside = read != null && read.leftOut().equals(readAlready) ? read.text()
                : PageTextReader.read(pageText, page.uprightGrey(), dpi, readAlready);
        return labels.isEmpty() ? outside : LabelTextLayout.withLabels(outside, page.uprightGrey(), dpi, labels);
    }
}
