package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** An OCR engine. Implementations are thread-safe (e.g. one native engine per thread). */
public interface OcrEngine extends AutoCloseable {

    /** OCR a region of the image (the whole image when region is null), as text with word boxes. */
    OcrText recognise(BufferedImage image, Rectangle region) throws OcrException;

    @Override
    default void close() {
    }
}
