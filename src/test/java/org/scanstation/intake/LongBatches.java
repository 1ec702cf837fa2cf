package org.scanstation.intake;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Long batches of small scanned pages (a few lines of text on grainy paper, 150 dpi): a PDF whose
 * pages all show one shared image (as some MFDs write a batch), and a folder of PNG files.
 */
public final class LongBatches {

    static final int WIDTH = 360;
    static final int HEIGHT = 480;
    static final int DPI = 150;

    private LongBatches() {
    }

    /** A small grainy page with text; grain makes its lossless encoding weigh some 100 KB. */
    static BufferedImage page(int seed) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(seed);
        var raster = img.getRaster();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                raster.setSample(x, y, 0, 235 + r.nextInt(20));
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 14));
        for (int line = 0; line < 8; line++) {
            g.drawString("Ward round note " + (seed + line) + ": observations stable.", 20, 60 + line * 30);
        }
        g.dispose();
        return img;
    }

    /** A PDF of {@code pages} pages that all draw one shared image, {@value #DPI} dpi. */
    public static Path sharedImagePdf(Path file, int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = LosslessFactory.createFromImage(doc, page(1));
            float w = WIDTH * 72f / DPI;
            float h = HEIGHT * 72f / DPI;
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, w, h);
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** A folder of {@code files} PNG pages named 0001.png ... */
    public static Path folder(Path dir, int files) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= files; i++) {
            ImageIO.write(page(i), "png", dir.resolve(String.format("%04d.png", i)).toFile());
        }
        return dir;
    }
}
