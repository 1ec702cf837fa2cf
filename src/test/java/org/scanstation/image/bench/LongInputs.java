package org.scanstation.image.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The long inputs of the memory benchmark ({@code bench/long-inputs.sh}), from the pages of a batch:
 * a PDF of N pages all drawing one shared image, a PDF of N pages each with its own image (the scanned
 * JPEGs kept as they are, as img2pdf and scanners write them), and a folder of N files named as
 * {@code scanimage --batch} names them ({@code out1.jpg ... outN.jpg}, links to the batch's pages).
 *
 * <p>Usage: {@code LongInputs BATCH_DIR N OUT_DIR}
 */
public final class LongInputs {

    private LongInputs() {
    }

    public static void main(String[] args) throws IOException {
        Path batch = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        List<Path> pages;
        try (Stream<Path> s = Files.list(batch)) {
            pages = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().toList();
        }
        Path folder = Files.createDirectories(out.resolve("folder-" + n));
        for (int i = 0; i < n; i++) {
            Path link = folder.resolve("out" + (i + 1) + ".jpg");
            Files.deleteIfExists(link);
            Files.createLink(link, pages.get(i % pages.size()).toAbsolutePath());
        }
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            PDImageXObject shared = JPEGFactory.createFromByteArray(doc, Files.readAllBytes(pages.get(0)));
            for (int i = 0; i < n; i++) {
                addPage(doc, shared);
            }
            doc.save(out.resolve("shared-" + n + ".pdf").toFile());
        }
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            for (int i = 0; i < n; i++) {
                addPage(doc, JPEGFactory.createFromByteArray(doc, Files.readAllBytes(pages.get(i % pages.size()))));
            }
            doc.save(out.resolve("distinct-" + n + ".pdf").toFile());
        }
        System.out.println("written: " + folder + ", " + out.resolve("shared-" + n + ".pdf") + ", "
                + out.resolve("distinct-" + n + ".pdf"));
    }

    private static void addPage(PDDocument doc, PDImageXObject image) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }
}
