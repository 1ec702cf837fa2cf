package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.scanstation.model.PageId;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Renders every page of a PDF (PDFBox), one at a time: at the native resolution of the page's
 * largest image when it is a full-page scan, else at 300 dpi. Bilevel scans stay bilevel, colour
 * scans stay colour, everything else is rendered grey.
 */
final class PdfPageLoader {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    static final int VECTOR_DPI = 300;
    static final int MIN_DPI = 72;
    static final int MAX_DPI = 600;

    private final long maxPixels;

    PdfPageLoader(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    void load(Path file, PageSink sink) throws IOException, InterruptedException {
        PageId single = PageId.single(file);
        PDDocument doc;
        try {
            // streams a page creates are kept in memory: no scratch file in java.io.tmpdir (the source file is
            // read where it is, so this costs little)
            doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly().streamCache);
        } catch (InvalidPasswordException e) {
            sink.accept(new PageLoadResult.Unreadable(single, "the PDF is password-protected"));
            return;
        } catch (IOException | RuntimeException e) {
            sink.accept(new PageLoadResult.Unreadable(single, "not a readable PDF: " + RasterImageLoader.message(e)));
            return;
        }
        try (doc) {
            int count = doc.getNumberOfPages();
            if (count == 0) {
                sink.accept(new PageLoadResult.Unreadable(single, "the PDF has no pages"));
                return;
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < count; i++) {
                PageId id = count == 1 ? single : new PageId(file, i + 1, true);
                sink.accept(renderPage(doc, renderer, i, id));
            }
        }
    }

    private PageLoadResult renderPage(PDDocument doc, PDFRenderer renderer, int index, PageId id) {
        try {
            PDPage page = doc.getPage(index);
            PDRectangle box = page.getCropBox();
            PDImageXObject largest = largestImage(page.getResources(), 0);
            if (largest != null && (long) largest.getWidth() * largest.getHeight() > maxPixels) {
                return new PageLoadResult.Unreadable(id, String.format(
                        "PDF page holds an image of %d x %d pixels, over the %d-megapixel limit",
                        largest.getWidth(), largest.getHeight(), maxPixels / 1_000_000));
            }
            Plan plan = plan(largest, box);
            double wIn = box.getWidth() / 72.0;
            double hIn = box.getHeight() / 72.0;
            double pixels = wIn * plan.dpi * hIn * plan.dpi;
            if (!(pixels > 0)) {
                return new PageLoadResult.Unreadable(id, "the PDF page has no size");
            }
            if (pixels > maxPixels) {
                return new PageLoadResult.Unreadable(id, String.format(
                        "PDF page is %.0f x %.0f inches, over the %d-megapixel limit at %d dpi",
                        wIn, hIn, maxPixels / 1_000_000, plan.dpi));
            }
            BufferedImage img = renderer.renderImageWithDPI(index, plan.dpi, plan.type);
            return new PageLoadResult.Loaded(new ScannedPage(id, img, plan.dpi, plan.type == ImageType.BINARY));
        } catch (IOException | RuntimeException e) {
            return new PageLoadResult.Unreadable(id, "cannot render PDF page: " + RasterImageLoader.message(e));
        } catch (OutOfMemoryError e) {
            return new PageLoadResult.Unreadable(id, "PDF page too large to render in the memory available");
        }
    }

    private record Plan(int dpi, ImageType type) {
    }

    /** How to render a page: from its largest image (null if none) if that is a full-page scan. */
    static Plan plan(PDImageXObject largest, PDRectangle box) {
        if (largest == null) {
            return new Plan(VECTOR_DPI, ImageType.GRAY);
        }
        double pageLong = Math.max(box.getWidth(), box.getHeight()) / 72.0;
        double pageShort = Math.min(box.getWidth(), box.getHeight()) / 72.0;
        int imgLong = Math.max(largest.getWidth(), largest.getHeight());
        int imgShort = Math.min(largest.getWidth(), largest.getHeight());
        double pageAspect = pageLong / pageShort;
        double imgAspect = imgLong / (double) Math.max(1, imgShort);
        boolean fullPage = Math.abs(pageAspect - imgAspect) / pageAspect < 0.08;
        int dpi = fullPage ? (int) Math.round(imgLong / pageLong) : VECTOR_DPI;
        dpi = Math.max(MIN_DPI, Math.min(MAX_DPI, dpi));
        ImageType type = ImageType.GRAY;
        try {
            if (fullPage && (largest.isStencil() || largest.getBitsPerComponent() == 1)) {
                type = ImageType.BINARY;
            } else if (largest.getColorSpace() != null && largest.getColorSpace().getNumberOfComponents() >= 3) {
                type = ImageType.RGB;
            }
        } catch (IOException | RuntimeException e) {
            type = ImageType.GRAY;
        }
        return new Plan(dpi, type);
    }

    private static PDImageXObject largestImage(PDResources res, int depth) {
        if (res == null || depth > 3) {
            return null;
        }
        PDImageXObject best = null;
        long bestArea = 0;
        for (COSName name : res.getXObjectNames()) {
            PDXObject x;
            try {
                x = res.getXObject(name);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            PDImageXObject candidate = null;
            if (x instanceof PDImageXObject img) {
                candidate = img;
            } else if (x instanceof PDFormXObject form) {
                candidate = largestImage(form.getResources(), depth + 1);
            }
            if (candidate != null) {
                long area = (long) candidate.getWidth() * candidate.getHeight();
                if (area > bestArea) {
                    bestArea = area;
                    best = candidate;
                }
            }
        }
        return best;
    }
}
