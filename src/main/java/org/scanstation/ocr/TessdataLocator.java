package org.scanstation.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds Tesseract's language data: TESSDATA_PREFIX, then the usual Debian and Windows places. */
public final class TessdataLocator {

    private TessdataLocator() {
    }

    public static List<Path> candidates() {
        List<Path> c = new ArrayList<>();
        String prop = System.getProperty("scanstation.tessdata");
        if (prop != null && !prop.isBlank()) {
            c.add(Path.of(prop));
        }
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null && !env.isBlank()) {
            c.add(Path.of(env));
            c.add(Path.of(env, "tessdata"));
        }
        c.add(Path.of("/usr/share/tesseract-ocr/5/tessdata"));
        c.add(Path.of("/usr/share/tesseract-ocr/4.00/tessdata"));
        c.add(Path.of("/usr/share/tessdata"));
        c.add(Path.of("/usr/local/share/tessdata"));
        String programFiles = System.getenv("ProgramFiles");
        if (programFiles != null) {
            c.add(Path.of(programFiles, "ScanStation", "tessdata"));
            c.add(Path.of(programFiles, "Tesseract-OCR", "tessdata"));
        }
        return c;
    }

    /** The first folder holding {@code <language>.traineddata}. */
    public static Optional<Path> find(String language) {
        return candidates().stream()
                .filter(p -> Files.isRegularFile(p.resolve(language + ".traineddata")))
                .findFirst();
    }
}
