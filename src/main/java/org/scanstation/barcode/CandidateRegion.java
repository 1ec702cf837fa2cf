package org.scanstation.barcode;

import java.awt.Rectangle;

/**
 * A part of a page whose texture looks like a barcode.
 *
 * @param bounds where, in page pixels (not yet padded)
 * @param kind   which texture it has, which decides how the crop is decoded
 * @param score  how strongly it looks like a barcode (larger first)
 */
record CandidateRegion(Rectangle bounds, Kind kind, double score) {

    /** The texture of a candidate region. */
    enum Kind {
        /** Many parallel vertical bars: a 1D code (or PDF417) read along rows. */
        VERTICAL_BARS,
        /** Many parallel horizontal bars: a 1D code printed sideways. */
        HORIZONTAL_BARS,
        /** Dense square-ish block of modules: DataMatrix, QR, PDF417. */
        MATRIX
    }
}
