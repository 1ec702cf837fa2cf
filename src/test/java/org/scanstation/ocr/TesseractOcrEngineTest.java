package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TesseractOcrEngineTest {

    static BufferedImage textImage(String... lines) {
        BufferedImage img = new BufferedImage(1200, 120 + 70 * lines.length, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 44));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 100 + 70 * i);
        }
        g.dispose();
        return img;
    }

    @Test
    void readsPrintedTextWithWordBoxes() throws Exception {
        BufferedImage img = textImage("NHS No: 943 476 5919", "SMITH, Jane");
        try (TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK)) {
            OcrText text = ocr.recognise(img, null);
            assertThat(text.text()).contains("943 476 5919").contains("SMITH");
            assertThat(text.meanConfidence()).isGreaterThan(70f);
            assertThat(text.words()).anySatisfy(w -> {
                assertThat(w.text()).isEqualTo("SMITH,");
                assertThat(w.box().y).isGreaterThan(100);
            });
        }
    }

    @Test
    void regionCoordinatesAreThoseOfThePage() throws Exception {
        BufferedImage img = textImage("first line here", "JONES, Robert");
        try (TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK)) {
            OcrText text = ocr.recognise(img, new Rectangle(0, 120, 1200, 100));
            assertThat(text.text()).contains("JONES").doesNotContain("first");
            assertThat(text.words().get(0).box().y).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void regionOutsideTheImageGivesNoText() throws Exception {
        BufferedImage img = textImage("x");
        try (TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK)) {
            assertThat(ocr.recognise(img, new Rectangle(5000, 5000, 10, 10)).text()).isEmpty();
        }
    }
}
