package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

class OcrBinarizerTest {

    @Test
    void plainNoisyPaperGivesNoWordsAndNoSpecks() {
        BufferedImage blank = NoisyPaper.noisyPage(230, 0, 12, null);
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
        BufferedImage page = NoisyPaper.noisyPage(205, 40, 10, "Clear dark print on a normal scan");
        assertThat(OcrBinarizer.prepare(page)).isSameAs(page);
        BufferedImage faint = NoisyPaper.noisyPage(215, 150, 12, "Faint print");
        assertThat(OcrBinarizer.prepare(faint)).isNotSameAs(faint);
    }

    @Test
    void greyPaperWithWhiteCornersAndFaintPrintIsBinarisedThoughOtsusClassesLookApart() {
        // a straightened scan of grey paper gains white corners; with little, faint print Otsu splits white from
        // paper (its classes then differ by more than MIN_OTSU_CONTRAST) and Tesseract takes the paper for ink
        BufferedImage page = NoisyPaper.noisyPage(200, 120, 12, "Renal function remains stable");
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillPolygon(new int[] {0, 500, 0}, new int[] {0, 0, 500}, 3);
        g.fillPolygon(new int[] {1600, 1100, 1600}, new int[] {900, 900, 400}, 3);
        g.dispose();
        long[] histogram = OcrBinarizer.histogram(page);
        assertThat(OcrBinarizer.otsuContrast(histogram)).isGreaterThanOrEqualTo(OcrBinarizer.MIN_OTSU_CONTRAST);
        assertThat(OcrBinarizer.otsuCutsIntoPaper(histogram)).isTrue();
        assertThat(OcrBinarizer.prepare(page)).isNotSameAs(page);
    }

    @Test
    void otsusThresholdBetweenInkAndWhitePaperIsTrusted() {
        BufferedImage page = NoisyPaper.noisyPage(250, 30, 3, "Clear print on white paper");
        assertThat(OcrBinarizer.otsuCutsIntoPaper(OcrBinarizer.histogram(page))).isFalse();
        assertThat(OcrBinarizer.prepare(page)).isSameAs(page);
    }
}
