package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.TesseractOcrEngine;

/**
 * TWAIN sessions and Tesseract in one process, as in the station: the manager loads and unloads
 * data sources, and a data source's libraries must not leave shared libraries pointing into unloaded
 * code (the sample's FreeImage registers a libtiff tag extender; Leptonica's libtiff then called it
 * after the unload and the JVM crashed). Data sources are therefore kept loaded once loaded.
 */
class TwainAndOcrInOneProcessTest {

    @Test
    void ocrStillWorksAfterTwainSessions() throws Exception {
        // Tesseract (Leptonica, libtiff) is loaded first, as in the station
        assertThat(readText()).contains("SCAN STATION");
        TwainDriver driver = TwainFixture.driver();
        assertThat(driver.listDevices()).hasSize(1);
        TwainFixture.feederHolds(1);
        driver.scan(org.scanstation.scan.DeviceUri.parse(TwainFixture.DEVICE),
                org.scanstation.scan.ScanOptions.defaults().withResolution(100), new org.scanstation.scan.CancelToken(),
                new CollectingSink());
        assertThat(driver.listDevices()).hasSize(1);

        assertThat(readText()).contains("SCAN STATION");
    }

    private static String readText() throws Exception {
        BufferedImage page = new BufferedImage(600, 120, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 120);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString("SCAN STATION", 30, 75);
        g.dispose();
        try (TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK)) {
            OcrText text = ocr.recognise(page, new Rectangle(0, 0, 600, 120));
            return text.text();
        }
    }
}
