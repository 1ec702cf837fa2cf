package org.scanstation.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.model.Progress;

class TextLayerOcrTest {

    /** A small page (1200 x 500 px) with one line of text. */
    private static BufferedImage page(String line) {
        BufferedImage img = new BufferedImage(1200, 500, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
        g.drawString(line, 80, 250);
        g.dispose();
        return img;
    }

    /** Records what a progress listener hears. */
    private static final class RecordingProgress implements Progress {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(int total) {
            events.add("started " + total);
        }

        @Override
        public void advanced(int done, int total, String message) {
            events.add("advanced " + done + "/" + total);
        }

        @Override
        public void finished() {
            events.add("finished");
        }
    }

    @Test
    void recognisesEveryPageInPageOrderAndReportsProgress() throws Exception {
        List<BufferedImage> pages = List.of(page("Discharge summary page one"), page("Referral letter page two"),
                page("Outpatient clinic page three"));
        RecordingProgress progress = new RecordingProgress();
        try (TextLayerOcr ocr = TextLayerOcr.createDefault()) {
            List<OcrText> texts = ocr.recogniseAll(pages, progress);
            assertThat(texts).hasSize(3);
            assertThat(texts.get(0).text()).contains("Discharge summary");
            assertThat(texts.get(1).text()).contains("Referral letter");
            assertThat(texts.get(2).text()).contains("Outpatient clinic");
            assertThat(texts.get(2).words()).isNotEmpty().allSatisfy(w -> assertThat(w.box().y).isBetween(180, 270));
        }
        assertThat(progress.events).first().isEqualTo("started 3");
        assertThat(progress.events).last().isEqualTo("finished");
        assertThat(progress.events).contains("advanced 1/3", "advanced 2/3", "advanced 3/3").hasSize(5);
    }

    @Test
    void aFailingOcrNamesThePageAndStillFinishesProgress() throws Exception {
        RecordingProgress progress = new RecordingProgress();
        try (TesseractOcrEngine broken = new TesseractOcrEngine(Path.of("/nonexistent/tessdata"), "eng",
                TesseractOcrEngine.Layout.PAGE);
             TextLayerOcr ocr = new TextLayerOcr(broken, 2, 2)) {
            assertThatThrownBy(() -> ocr.recogniseAll(List.of(page("one"), page("two")), progress))
                    .isInstanceOf(OcrException.class)
                    .hasMessageContaining("OCR failed on page 1")
                    .hasMessageContaining("could not load language");
        }
        assertThat(progress.events).first().isEqualTo("started 2");
        assertThat(progress.events).last().isEqualTo("finished");
    }

    @Test
    void submitRunsInTheBackground() throws Exception {
        try (TextLayerOcr ocr = TextLayerOcr.createDefault()) {
            var future = ocr.submit(page("Background work"));
            assertThat(future.get().text()).contains("Background work");
        }
    }
}
