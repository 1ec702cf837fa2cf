package org.scanstation.pipeline;

import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.image.Transform;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.ocr.LabelReading;

/**
 * The station's final word on one page of a batch (one entry of the analysis contract's JSON).
 *
 * @param sequence  position in the batch, from 0
 * @param document  the document it belongs to, or null for blank and separator pages
 * @param patient   the patient it is filed to, or for review the best candidate, or null
 */
public record PageAnalysis(int sequence, PageId id, PageStatus status, Patient patient, double confidence,
                           int rotation, double skew, Integer document, List<Barcode> barcodes,
                           List<LabelReading> labels, List<Transform> transforms, List<String> reasons) {
}
