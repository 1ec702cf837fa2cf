package org.scanstation.store.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Realistic patient data for store and upload tests: page images (PNG and JPEG, drawn with Java2D,
 * with the patient's name and NHS number on a label), a real PDF (PDFBox) whose document information
 * carries the name in plain text, and decisions JSON. Synthetic patients, NHS numbers in the 999 test range.
 */
public final class SamplePatientData {

    /** A synthetic patient: NHS number (valid mod 11, 999 range), family and given name. */
    public record SamplePatient(String nhsNumber, String familyName, String givenName) {
        public String formattedNhs() {
            return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
        }
    }

    public static final SamplePatient ALICE = new SamplePatient("9990000026", "Quixfeather", "Alice");
    public static final SamplePatient BOB = new SamplePatient("9990000018", "Zonderwick", "Robert");

    private SamplePatientData() {
    }

    public static List<SamplePatient> patients() {
        return List.of(ALICE, BOB);
    }

    public static BufferedImage page(SamplePatient p, int seed) {
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(p.familyName().toUpperCase() + ", " + p.givenName(), 40, 60);
        g.drawString("NHS " + p.formattedNhs(), 40, 95);
        Random r = new Random(seed);
        for (int i = 0; i < 40; i++) {
            g.drawLine(40, 140 + i * 15, 100 + r.nextInt(460), 140 + i * 15);
        }
        g.dispose();
        return img;
    }

    public static byte[] png(SamplePatient p, int seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(page(p, seed), "png", out);
        return out.toByteArray();
    }

    public static byte[] jpeg(SamplePatient p, int seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(page(p, seed), "jpeg", out);
        return out.toByteArray();
    }

    /** A one-page PDF with the page image and the patient's name and NHS number in its (plain-text) info. */
    public static byte[] pdf(SamplePatient p, int seed) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, page(p, seed));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 100, 450, 600);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(p.familyName() + " " + p.givenName() + " " + p.nhsNumber());
            info.setSubject("seed " + seed);
            doc.setDocumentInformation(info);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    public static byte[] decisionsJson(SamplePatient p) {
        return ("{\"pages\":[{\"source\":\"0001.png\",\"status\":\"matched\",\"patient\":{\"nhsNumber\":\""
                + p.nhsNumber() + "\",\"name\":\"" + p.familyName() + ", " + p.givenName()
                + "\"},\"reasons\":[\"barcode NHS number valid and in index\"]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
