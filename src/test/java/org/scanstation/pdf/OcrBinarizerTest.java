package org.scanstation.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scanstation.ocr.OcrText;
import org.scanstation.model.Progress;

class OcrBinarizerTest {

    /** Grey paper (level {@code paper}) with Gaussian noise, and {@code line} printed in grey {@code ink}. */
    private static BufferedImage noisyPage(int paper, int ink, double noise, String line) {
        BufferedImage img = new BufferedImage(1600, 900, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        if (line != null) {
            g.setColor(new Color(ink, ink, ink));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
            g.drawString(line, 100, 400);
        }
        g.dispose();
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Random r = new Random(7);
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xff) + (int) Math.round(r.nextGaussian() * noise);
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return img;
    }

    @Test
    void lightPrintOnNoisyGreyPaperIsRead() throws Exception {
        BufferedImage page = noisyPage(215, 150, 12, "Blood results were within normal limits");
        try (TextLayerOcr ocr = TextLayerOcr.createDefault()) {
            List<OcrText> texts = ocr.recogniseAll(List.of(page), Progress.NONE);
            assertThat(texts.get(0).text()).contains("Blood results were within normal limits");
        }
    }

    @Test
    void plainNoisyPaperGivesNoWordsAndNoSpecks() {
        BufferedImage blank = noisyPage(230, 0, 12, null);
        BufferedImage forOcr = OcrBinarizer.binarize(blank);
        byte[] px = ((DataBufferByte) forOcr.getRaster().getDataBuffer()).getData();
        long black = 0;
        for (byte b : px) {
            if (b == 0) {
                black++;
            }
        }
        assertThat(black).isLessThan(px.length / 10_000);
    }

    @Test
    void clearPrintGoesToTesseractUnchanged() {
        BufferedImage page = noisyPage(205, 40, 10, "Clear dark print on a normal scan");
        assertThat(OcrBinarizer.prepare(page)).isSameAs(page);
        BufferedImage faint = noisyPage(215, 150, 12, "Faint print");
        assertThat(OcrBinarizer.prepare(faint)).isNotSameAs(faint);
    }
}
