package org.scanstation.doctor;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.TessdataLocator;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Finds Tesseract's language data (English for labels, OSD for page orientation) and reads one
 * rendered line with the real library, so a missing or incompatible libtesseract shows here.
 */
public final class TesseractCheck implements Check {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    static final String NAME = "Tesseract OCR";
    private static final String PROBE = "SCAN STATION 42";

    private final Path tessdata;

    /** @param tessdata the folder to check, or null to look where the station looks ({@link TessdataLocator}) */
    public TesseractCheck(Path tessdata) {
        this.tessdata = tessdata;
    }

    @Override
    public CheckResult run() {
        Optional<Path> dir = tessdata != null ? Optional.of(tessdata) : TessdataLocator.find("eng");
        if (dir.isEmpty() || !Files.isRegularFile(dir.get().resolve("eng.traineddata"))) {
            String where = tessdata != null ? tessdata.toString()
                    : String.join(", ", TessdataLocator.candidates().stream().map(Path::toString).toList());
            return CheckResult.of(NAME, CheckStatus.FAIL, "English language data (eng.traineddata) not found in "
                    + where + ". Install tesseract-ocr-eng (Linux) or reinstall ScanStation (Windows), or set TESSDATA_PREFIX.");
        }
        Path data = dir.get();
        String read;
        try (TesseractOcrEngine engine = new TesseractOcrEngine(data, "eng", TesseractOcrEngine.Layout.BLOCK)) {
            read = engine.recognise(probeImage(), null).text().strip();
        } catch (OcrException | RuntimeException | LinkageError e) {
            return CheckResult.of(NAME, CheckStatus.FAIL, "Tesseract cannot run: " + e.getMessage()
                    + ". Install tesseract-ocr (libtesseract 5).", "language data: " + data);
        }
        if (!read.toUpperCase(Locale.ROOT).contains("STATION")) {
            return CheckResult.of(NAME, CheckStatus.FAIL, "Tesseract runs but misread a clean test line (got '"
                    + read + "'): the language data in " + data + " may be damaged.");
        }
        List<String> details = List.of("language data: " + data, "test line read back: " + read);
        if (!Files.isRegularFile(data.resolve("osd.traineddata"))) {
            return new CheckResult(NAME, CheckStatus.WARN, "works, but osd.traineddata is missing from " + data
                    + ": pages scanned upside down are turned by the station's own detector only", details);
        }
        return new CheckResult(NAME, CheckStatus.OK, "reads text; English and orientation data present", details);
    }

    private static BufferedImage probeImage() {
        BufferedImage img = new BufferedImage(900, 120, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        g.drawString(PROBE, 30, 85);
        g.dispose();
        return img;
    }
}
