package org.scanstation.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.ocr.NoisyPaper;
import org.scanstation.ocr.OcrText;
import org.scanstation.model.Progress;

/** Low-contrast pages (light print on grey, noisy paper) still give their words to the text layer. */
class TextLayerLowContrastTest {

    @Test
    void lightPrintOnNoisyGreyPaperIsRead() throws Exception {
        BufferedImage page = NoisyPaper.noisyPage(215, 150, 12, "Blood results were within normal limits");
        try (TextLayerOcr ocr = TextLayerOcr.createDefault()) {
            List<OcrText> texts = ocr.recogniseAll(List.of(page), Progress.NONE);
            assertThat(texts.get(0).text()).contains("Blood results were within normal limits");
        }
    }
}
