package org.scanstation.barcode;

import java.awt.Rectangle;
import java.util.Optional;

/** Placeholder, replaced below. */
final class PatchCodeDetector {
    static final String FORMAT = "PATCH_T";
    static final String TEXT = "PATCHT";

    Optional<Rectangle> detect(GreyImage page) {
        return Optional.empty();
    }
}
