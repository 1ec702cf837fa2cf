package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

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
}
