package org.scanstation.samples;

import java.nio.file.Path;
import java.util.List;

/**
 * One page written by the generator: its file, its truth, and where its labels are in the image.
 */
public record GeneratedPage(Path file, TruthPage truth, List<PlacedLabel> labels) {

    public GeneratedPage {
        labels = List.copyOf(labels);
    }
}
