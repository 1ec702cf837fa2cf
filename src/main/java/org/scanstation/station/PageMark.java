package org.scanstation.station;

import java.awt.Rectangle;
import java.util.List;

/**
 * Something the analysis read, where it is on the upright page: a patient label (with what OCR read in
 * it) or a barcode (with the identifier it carries). Patient data: shown to the person deciding, never
 * logged.
 *
 * @param region on the upright page, in its pixels
 * @param lines  what was read, one fact a line, e.g. "SCOTT, Catherine", "born 22 Aug 1987", "NHS 999 605 5744"
 */
public record PageMark(Kind kind, Rectangle region, List<String> lines) {

    public enum Kind {
        LABEL("Label"),
        BARCODE("Barcode");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public PageMark {
        region = new Rectangle(region);
        lines = List.copyOf(lines);
    }

    /** One line for a legend, e.g. "Label: SCOTT, Catherine · born 22 Aug 1987 · NHS 999 605 5744". */
    public String caption() {
        return kind.word() + (lines.isEmpty() ? " (nothing legible)" : ": " + String.join(" \u00b7 ", lines));
    }
}
