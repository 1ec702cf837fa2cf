package org.scanstation.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

/** Page images drawn with Java2D for the PDF tests. */
final class TestPages {

    static final String NHS = "943 476 5919";
    static final String SENTENCE = "The patient was seen in clinic today";
    static final int A4_WIDTH_300 = 2480;
    static final int A4_HEIGHT_300 = 3508;

    private TestPages() {
    }

    /** An A4 page at 300 dpi with a label line and a sentence, in the given image type. */
    static BufferedImage letter(int imageType, String... extraLines) {
        BufferedImage img = new BufferedImage(A4_WIDTH_300, A4_HEIGHT_300, imageType);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                imageType == BufferedImage.TYPE_BYTE_BINARY ? RenderingHints.VALUE_TEXT_ANTIALIAS_OFF
                        : RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 50));
        g.drawString("SMITH, Jane", 250, 400);
        g.drawString("NHS No: " + NHS, 250, 480);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 42));
        g.drawString(SENTENCE + ".", 250, 800);
        for (int i = 0; i < extraLines.length; i++) {
            g.drawString(extraLines[i], 250, 900 + 80 * i);
        }
        g.dispose();
        return img;
    }

    /** Random grey noise: compresses badly, to fill a small disk. */
    static BufferedImage noise(int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(seed);
        byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        r.nextBytes(px);
        return img;
    }

    static DocumentMetadata metadata() {
        return new DocumentMetadata("Clinic letter - SMITH, Jane", "9434765919", "S1234567", "SMITH, Jane",
                "B-2026-0042", ZonedDateTime.of(2026, 11, 25, 9, 30, 0, 0, ZoneOffset.UTC), "STATION-7",
                "clerk.jones", 3, List.of("0007.jpg", "0008.tif"));
    }
}
