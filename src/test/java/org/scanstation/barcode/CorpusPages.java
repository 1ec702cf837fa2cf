package org.scanstation.barcode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Loads every page of a corpus file: PDFs rendered at 300 dpi grey, images (multi-page TIFF) as stored. */
final class CorpusPages {

    private CorpusPages() {
    }

    static List<BufferedImage> load(Path file) throws IOException {
        List<BufferedImage> pages = new ArrayList<>();
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".pdf")) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    pages.add(renderer.renderImageWithDPI(i, 300, ImageType.GRAY));
                }
            }
            return pages;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no image reader for " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    pages.add(reader.read(i));
                }
            } finally {
                reader.dispose();
            }
        }
        return pages;
    }
}
