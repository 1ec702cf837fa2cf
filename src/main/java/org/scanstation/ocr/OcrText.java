package org.scanstation.ocr;

import java.util.List;

/** Text recognised in an image or region: the text in reading order, its words, mean confidence 0..100. */
public record OcrText(String text, List<OcrWord> words, float meanConfidence) {

    public static OcrText empty() {
        return new OcrText("", List.of(), 0f);
    }
}
