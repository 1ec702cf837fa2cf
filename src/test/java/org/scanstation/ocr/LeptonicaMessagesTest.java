package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scanstation.testing.MovableClock;

class LeptonicaMessagesTest {

    private final Logger logger = Logger.getLogger(LeptonicaMessages.LOGGER);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
        logger.setLevel(levelBefore);
    }

    @Test
    void theRealLibrarysErrorGoesToTheLogNotTheConsole() {
        assertThat(LeptonicaMessages.install()).as("Leptonica, installed with Tesseract, is reachable").isTrue();
        // the error Tesseract's picture search provokes on some pages: a box outside the image
        Boxes lept = Native.load(LeptonicaMessages.libraryName(), Boxes.class);
        Pointer box = lept.boxCreate(500, 500, 40, 40);
        assertThat(lept.boxClipToRectangle(box, 100, 100)).isNull();
        lept.boxDestroy(new PointerByReference(box));

        assertThat(records).extracting(LogRecord::getMessage)
                .anyMatch(m -> m.startsWith("Leptonica (Tesseract's image library) reported:")
                        && m.contains("boxClipToRectangle") && m.contains("box outside rectangle"));
        assertThat(records).allMatch(r -> r.getLevel() == Level.INFO);
    }

    @Test
    void aPageThatMakesLeptonicaRepeatItselfCannotFillTheLog() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:05Z"));
        LeptonicaMessages routed = new LeptonicaMessages(clock);
        for (int i = 0; i < 50; i++) {
            routed.accept("Error in pixScanForForeground: invalid box\n");
        }
        assertThat(records).hasSize(LeptonicaMessages.PER_MINUTE);
        assertThat(records.get(0).getMessage())
                .isEqualTo("Leptonica (Tesseract's image library) reported: Error in pixScanForForeground: invalid box");

        clock.advance(java.time.Duration.ofSeconds(61));
        routed.accept("Error in boxClipToRectangle: box outside rectangle");
        assertThat(records).extracting(LogRecord::getMessage).endsWith(
                "Leptonica: 30 more messages in the minute before were not logged",
                "Leptonica (Tesseract's image library) reported: Error in boxClipToRectangle: box outside rectangle");
    }

    /** Leptonica's boxes, to make it report an error as Tesseract's picture search does. */
    interface Boxes extends Library {
        Pointer boxCreate(int x, int y, int w, int h);

        Pointer boxClipToRectangle(Pointer box, int wi, int hi);

        void boxDestroy(PointerByReference box);
    }
}
