package org.scanstation.export;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.scanstation.image.ImageOps;
import org.scanstation.image.ScannedPage;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.PageTextReader;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pipeline.AnalysedPage;
import org.scanstation.pipeline.AnalysedPageSink;
import org.scanstation.pipeline.PageKind;

/**
 * Makes each content page ready for its PDF on the analysis worker that has just analysed it, from what the
 * analysis made: the upright, straightened page it already holds (a colour scan is turned again in colour),
 * and the page's text when the analysis read it (an unlabelled page), read the same way otherwise. So a page
 * is decoded once, turned once and read once, and its image is compressed in parallel with the other pages.
 * Blank and separator pages, and pages the analysis could not decode, are left out (the exporter handles the
 * last as it always has).
 */
final class PdfPagePreparer implements AnalysedPageSink {

    private final OcrEngine pageText;
    private final PdfaDocumentWriter writer;
    private final PreparedPages into;

    /** @param pageText the engine the analysis reads page text with (Tesseract page layout) */
    PdfPagePreparer(OcrEngine pageText, PdfaDocumentWriter writer, PreparedPages into) {
        this.pageText = Objects.requireNonNull(pageText, "pageText");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.into = Objects.requireNonNull(into, "into");
    }

    @Override
    public void accept(AnalysedPage page) {
        if (page.findings().kind() != PageKind.CONTENT || page.uprightGrey() == null) {
            return;
        }
        ScannedPage scan = page.scan();
        try {
            BufferedImage image = !scan.bilevel() && EncodedPage.hasColour(scan.image())
                    ? ImageOps.render(scan.image(), page.findings().transforms()) : page.uprightGrey();
            OcrText text = page.pageText() != null ? page.pageText()
                    : PageTextReader.read(pageText, page.uprightGrey(), scan.dpi());
            into.put(scan.id(), writer.encode(new PdfPage(image, scan.dpi(), scan.bilevel(), text)));
        } catch (OcrException | RuntimeException e) {
            into.failed(scan.id(), e);
        }
    }
}
