package org.scanstation.pipeline;

import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.image.Transform;
import org.scanstation.match.MatchDecision;
import org.scanstation.model.PageId;
import org.scanstation.ocr.LabelReading;

/**
 * What the page stages found on one page, on its own, before it is placed in a document.
 *
 * @param transforms clean-up to apply to the raw image to make it upright and straight
 * @param notes      extra reasons (why blank, why unreadable, why a separator)
 */
public record PageFindings(PageId id, PageKind kind, MatchDecision decision, int rotation, double skew,
                           List<Transform> transforms, List<Barcode> barcodes, List<LabelReading> labels,
                           List<String> notes) {

    public static PageFindings unreadable(PageId id, String reason) {
        return new PageFindings(id, PageKind.UNREADABLE, null, 0, 0, List.of(), List.of(), List.of(), List.of(reason));
    }
}
