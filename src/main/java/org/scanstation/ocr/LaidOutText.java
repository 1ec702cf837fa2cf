package org.scanstation.ocr;

import java.awt.Rectangle;
import java.util.List;
import java.util.Objects;

/**
 * A page's text read laid out as a page, the recipe of the PDF's text layer ({@link PageTextReader}), with
 * the areas that were left out of the reading (labels whose text was read from their crops).
 *
 * @param text    the words, their boxes in the page's pixels
 * @param leftOut the areas painted over before reading, in the page's pixels
 */
public record LaidOutText(OcrText text, List<Rectangle> leftOut) {

    public LaidOutText {
        Objects.requireNonNull(text, "text");
        leftOut = List.copyOf(leftOut);
    }
}
