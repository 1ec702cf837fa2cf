package org.scanstation.scan;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Real page files written by the tests: each page shows its number as a bar of that many blocks. */
final class TestPages {

    private TestPages() {
    }

    /** A small grey page whose number can be read back with {@link #numberOf(BufferedImage)}. */
    static BufferedImage page(int number) {
        BufferedImage img = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 280);
        g.setColor(Color.BLACK);
        for (int i = 0; i < number; i++) {
            g.fillRect(10 + i * 12, 20, 8, 8);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        g.drawString("page " + number, 40, 150);
        g.dispose();
        return img;
    }

    /** Counts the blocks of the top bar. */
    static int numberOf(BufferedImage img) {
        int count = 0;
        double scale = img.getWidth() / 200.0;
        for (int i = 0; i < 15; i++) {
            int x = (int) ((14 + i * 12) * scale);
            int y = (int) (24 * scale);
            if (x < img.getWidth() && (img.getRGB(x, y) & 0xff) < 128) {
                count++;
            }
        }
        return count;
    }

    static byte[] png(int number) throws IOException {
        return encode(page(number), "png");
    }

    static byte[] jpeg(int number) throws IOException {
        return encode(page(number), "jpeg");
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    /** A multi-page TIFF with pages {@code numbers}. */
    static Path tiff(Path file, int... numbers) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int n : numbers) {
                writer.writeToSequence(new IIOImage(page(n), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A PDF with one page image per number. */
    static Path pdf(Path file, int... numbers) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int n : numbers) {
                PDRectangle size = new PDRectangle(200 * 72f / 150, 280 * 72f / 150);
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(LosslessFactory.createFromImage(doc, page(n)), 0, 0, size.getWidth(), size.getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
