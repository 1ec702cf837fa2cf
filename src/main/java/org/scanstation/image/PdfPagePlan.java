package org.scanstation.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;

/**
 * How to render one PDF page: the page as a viewer displays it (its crop box, turned by /Rotate, in
 * /UserUnit units), at the native resolution of its scan when one image fills the page, else at 300 dpi;
 * lowered so the page fits the working size (a huge page is rendered smaller, never refused). Black and
 * white only when every image on the page is black and white; colour when any is; else grey.
 *
 * @param dpi      pixels per inch of paper
 * @param scale    pixels per PDF unit (dpi / 72 x UserUnit), what PDFBox renders with
 * @param problem  why the page cannot be rendered at all, or null
 */
record PdfPagePlan(int dpi, float scale, ImageType type, String problem) {

    static final int VECTOR_DPI = 300;
    static final int MIN_DPI = 72;
    static final int MAX_DPI = 600;
    private static final int MAX_IMAGES = 64;

    static PdfPagePlan of(PDPage page) {
        PDRectangle box = page.getCropBox();
        float unit = page.getUserUnit();
        double wIn = box.getWidth() * unit / 72.0;
        double hIn = box.getHeight() * unit / 72.0;
        if (!(wIn > 0 && hIn > 0) || Double.isInfinite(wIn * hIn)) {
            return new PdfPagePlan(0, 0, ImageType.GRAY, "the PDF page has no size");
        }
        List<PDImageXObject> images = new ArrayList<>();
        collectImages(page.getResources(), 0, images);
        PDImageXObject largest = null;
        for (PDImageXObject img : images) {
            if ((long) img.getWidth() * img.getHeight() > PixelBudget.ABSURD_PIXELS) {
                return new PdfPagePlan(0, 0, ImageType.GRAY, String.format(
                        "PDF page holds an image of %d x %d pixels, over the %d-megapixel limit",
                        img.getWidth(), img.getHeight(), PixelBudget.ABSURD_PIXELS / 1_000_000));
            }
            if (largest == null || (long) img.getWidth() * img.getHeight() > (long) largest.getWidth() * largest.getHeight()) {
                largest = img;
            }
        }
        int dpi = VECTOR_DPI;
        double pageLong = Math.max(wIn, hIn);
        if (largest != null && fillsPage(largest, wIn, hIn)) {
            dpi = (int) Math.round(Math.max(largest.getWidth(), largest.getHeight()) / pageLong);
            dpi = Math.max(MIN_DPI, Math.min(MAX_DPI, dpi));
        }
        double pixels = wIn * dpi * hIn * dpi;
        if (pixels > PixelBudget.WORKING_PIXELS) {
            dpi = (int) Math.max(1, Math.floor(Math.sqrt(PixelBudget.WORKING_PIXELS / (wIn * hIn))));
        }
        return new PdfPagePlan(dpi, (float) (dpi / 72.0 * unit), type(images), null);
    }

    private static boolean fillsPage(PDImageXObject img, double wIn, double hIn) {
        double pageAspect = Math.max(wIn, hIn) / Math.min(wIn, hIn);
        double imgAspect = Math.max(img.getWidth(), img.getHeight()) / (double) Math.max(1, Math.min(img.getWidth(), img.getHeight()));
        return Math.abs(pageAspect - imgAspect) / pageAspect < 0.08;
    }

    private static ImageType type(List<PDImageXObject> images) {
        if (images.isEmpty()) {
            return ImageType.GRAY;
        }
        boolean allBilevel = true;
        for (PDImageXObject img : images) {
            try {
                if (!(img.isStencil() || img.getBitsPerComponent() == 1)) {
                    allBilevel = false;
                }
                if (!img.isStencil() && img.getCOSObject().getDictionaryObject(COSName.COLORSPACE) != null
                        && img.getColorSpace().getNumberOfComponents() >= 3) {
                    return ImageType.RGB;
                }
            } catch (IOException | RuntimeException e) {
                allBilevel = false;
            }
        }
        return allBilevel ? ImageType.BINARY : ImageType.GRAY;
    }

    private static void collectImages(PDResources res, int depth, List<PDImageXObject> out) {
        if (res == null || depth > 3) {
            return;
        }
        for (COSName name : res.getXObjectNames()) {
            if (out.size() >= MAX_IMAGES) {
                return;
            }
            PDXObject x;
            try {
                x = res.getXObject(name);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (x instanceof PDImageXObject img) {
                out.add(img);
            } else if (x instanceof PDFormXObject form) {
                collectImages(form.getResources(), depth + 1, out);
            }
        }
    }
}
