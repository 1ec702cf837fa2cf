package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.ScanOptions;

/**
 * TWAIN sessions and Tesseract in one process, as in the station, in a fresh JVM so that the order
 * is the station's (Tesseract loaded first) and a crash fails this test instead of the test run. The
 * manager loads and unloads data sources; the sample's FreeImage registers a libtiff tag extender,
 * so after an unload Leptonica's libtiff called into unmapped code and the JVM died. Data sources
 * are therefore kept loaded once loaded ({@link DataSourcePins}).
 */
class TwainAndOcrInOneProcessTest {

    @TempDir
    Path dir;

    @Test
    void ocrStillWorksAfterTwainSessions() throws Exception {
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"),
                TwainAndOcrInOneProcessTest.class.getName(), TwainFixture.dsm().toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("before TWAIN: SCAN STATION", "after TWAIN: SCAN STATION");
    }

    /** Tesseract, then TWAIN listing and a scan, then Tesseract again. */
    public static void main(String[] args) throws Exception {
        System.out.println("before TWAIN: " + readText());
        TwainDriver driver = new TwainDriver(new DsmLocation(args[0], "the TWAIN test fixture"));
        driver.listDevices();
        TwainFixture.feederHolds(1);
        driver.scan(DeviceUri.parse(TwainFixture.DEVICE), ScanOptions.defaults().withResolution(100), new CancelToken(),
                new CollectingSink());
        driver.listDevices();
        System.out.println("after TWAIN: " + readText());
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
            return ocr.recognise(page, new Rectangle(0, 0, 600, 120)).text().trim();
        }
    }
}
