package org.scanstation.ocr;

import java.awt.Rectangle;
import java.util.List;

/**
 * What a label reader found on a page: every place that looks like a label, read or not, and the readings
 * of those whose text named someone.
 */
public record LabelsFound(List<Rectangle> located, List<LabelReading> readings) {

    public LabelsFound {
        located = List.copyOf(located);
        readings = List.copyOf(readings);
    }
}
