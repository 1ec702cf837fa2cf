package org.scanstation.ocr;

import java.awt.Rectangle;

/** One recognised word, its confidence (0..100) and its box in the coordinates of the OCR'd image. */
public record OcrWord(String text, float confidence, Rectangle box) {
}
