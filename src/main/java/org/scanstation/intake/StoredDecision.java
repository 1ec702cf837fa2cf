package org.scanstation.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.image.Transform;
import org.scanstation.ocr.LabelReading;
import org.scanstation.pipeline.PageAnalysis;

/**
 * The analysis of one stored page, as kept (encrypted) in its batch: what the pipeline decided and the
 * clean-up to apply when the page is shown or built into a PDF.
 *
 * @param page        the page's index in the stored batch
 * @param status      {@code matched}, {@code review}, {@code blank} or {@code separator}
 * @param nhsNumber   the patient the page is (or would be) filed to, may be null
 * @param document    the document of the batch it belongs to, null for blank and separator pages
 * @param rotation    clockwise degrees the image must be turned to be upright
 * @param deskew      clockwise degrees the upright image is then turned to straighten it, null for none
 * @param labelRegion the patient label on the upright page ({@code x, y, width, height}), null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredDecision(int page, String source, String status, String nhsNumber, Integer document, int rotation,
                             Double deskew, double confidence, List<String> reasons, int[] labelRegion) {

    public StoredDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The decision of an analysed page stored as page {@code page}, in document {@code document}. */
    public static StoredDecision of(int page, PageAnalysis a, Integer document) {
        double deskew = 0;
        for (Transform t : a.transforms()) {
            if (t instanceof Transform.Deskew d) {
                deskew = d.degrees();
            }
        }
        Rectangle label = null;
        for (LabelReading l : a.labels()) {
            if (l.region() != null) {
                label = label == null ? new Rectangle(l.region()) : label.union(l.region());
            }
        }
        return new StoredDecision(page, a.id().name(), a.status().json(),
                a.patient() == null ? null : a.patient().nhsNumber().digits(), document, a.rotation(),
                deskew == 0 ? null : deskew, a.confidence(), a.reasons(),
                label == null ? null : new int[] {label.x, label.y, label.width, label.height});
    }

    /** Turn upright, then straighten: the clean-up the analysis recorded for this page. */
    public List<Transform> transforms() {
        List<Transform> t = new ArrayList<>(2);
        if (rotation % 360 != 0) {
            t.add(new Transform.Rotate(rotation));
        }
        if (deskew != null && deskew != 0) {
            t.add(new Transform.Deskew(deskew));
        }
        return t;
    }

    /** The label region on the upright page, or null. */
    public Rectangle label() {
        return labelRegion == null || labelRegion.length != 4 ? null
                : new Rectangle(labelRegion[0], labelRegion[1], labelRegion[2], labelRegion[3]);
    }
}
