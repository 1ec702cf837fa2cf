package org.scanstation.image;

/** A non-destructive clean-up step, recorded for the audit trail and rendered on demand. */
public sealed interface Transform {

    /** Turn the page clockwise by 0, 90, 180 or 270 degrees. */
    record Rotate(int degrees) implements Transform {
        public Rotate {
            if (degrees % 90 != 0) {
                throw new IllegalArgumentException("rotation must be a multiple of 90: " + degrees);
            }
            degrees = ((degrees % 360) + 360) % 360;
        }
    }

    /** Turn the page by a small angle (degrees, clockwise positive) to straighten its text lines. */
    record Deskew(double degrees) implements Transform {
    }
}
