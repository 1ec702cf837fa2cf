package org.scanstation.ocr;

/** OCR could not run (engine missing, language data missing, native failure). */
public class OcrException extends Exception {
    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }

    public OcrException(String message) {
        super(message);
    }
}
