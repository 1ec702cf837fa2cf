package org.scanstation.intake;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The page images inside a PDF, and how far two pictures of a page differ. */
public final class PdfPageImages {

    private PdfPageImages() {
    }

    /** The image drawn on each page (each page of a scanned document is one image). */
    public static List<BufferedImage> of(byte[] pdf) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getXObjectNames()) {
                    PDXObject x = res.getXObject(name);
                    if (x instanceof PDImageXObject image) {
                        out.add(image.getImage());
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Mean absolute grey difference (0-255) of two pictures, both scaled to 200 pixels wide. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        BufferedImage x = grey(a, 200, 200 * a.getHeight() / a.getWidth());
        BufferedImage y = grey(b, 200, 200 * a.getHeight() / a.getWidth());
        long sum = 0;
        for (int j = 0; j < x.getHeight(); j++) {
            for (int i = 0; i < x.getWidth(); i++) {
                sum += Math.abs(x.getRaster().getSample(i, j, 0) - y.getRaster().getSample(i, j, 0));
            }
        }
        return sum / (double) (x.getWidth() * x.getHeight());
    }

    /** The picture turned by 180 degrees. */
    public static BufferedImage upsideDown(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.rotate(Math.PI, src.getWidth() / 2.0, src.getHeight() / 2.0);
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage grey(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
