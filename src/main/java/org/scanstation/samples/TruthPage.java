package org.scanstation.samples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generated page really is, as written to truth.json (the schema of the shared corpora, read by
 * {@code score-analysis}). Blank and separator pages carry only kind, expect, document, dpi, source
 * and skew.
 *
 * @param kind       "page", "blank" or "separator"
 * @param expect     "matched", "review", "blank" or "separator"
 * @param nhsNumber  the patient the page belongs to; null when a person must decide who it is
 *                   (except {@code not_in_index}, where it is the valid number printed)
 * @param document   document index within the batch (blank back sides share their sheet's); null for separators
 * @param labelled   a patient label is stuck on the page
 * @param printsIds  the page's own text names the patient with date of birth and NHS number
 * @param trap       why a person must look (two_patients, label_conflict, bad_check_digit, not_in_index),
 *                   or damaged_barcode (expect matched: the printed label text identifies the patient), or null
 * @param layout     label layout id of the (first) label, or null
 * @param level      degradation level 0..3
 * @param rotation   clockwise degrees the image must be turned to be upright
 * @param dpi        resolution
 * @param source     file name
 * @param skew       skew in degrees (positive: content turned clockwise)
 * @param faint      the page was printed faint (written to the JSON only when true)
 */
public record TruthPage(String kind, String expect, String nhsNumber, Integer document, boolean labelled,
                        boolean printsIds, String trap, String layout, int level, int rotation, int dpi,
                        String source, double skew, boolean faint) {

    public boolean isContent() {
        return "page".equals(kind);
    }

    /** The JSON object, fields in the shared corpora's order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("expect", expect);
        if (isContent()) {
            m.put("nhs_number", nhsNumber);
        }
        m.put("document", document);
        if (isContent()) {
            m.put("labelled", labelled);
            m.put("prints_ids", printsIds);
            m.put("trap", trap);
            m.put("layout", layout);
            m.put("level", level);
            m.put("rotation", rotation);
        }
        m.put("dpi", dpi);
        m.put("source", source);
        m.put("skew", skew);
        if (faint) {
            m.put("faint", true);
        }
        return m;
    }
}
