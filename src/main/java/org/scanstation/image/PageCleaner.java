package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.ocr.OcrEngine;

/**
 * The clean-up of one scanned page as a plan, never as a changed image: is it blank, which way is
 * up, how tilted is it, and the {@link Transform}s that render it upright and straight
 * ({@link ImageOps#render}). The raw scan is kept as it came. Thread-safe when its OCR engine is.
 */
public final class PageCleaner {

    /** Tilts smaller than this are left alone (they are invisible and not worth resampling). */
    public static final double MIN_DESKEW_DEGREES = 0.1;

    /**
     * The plan for one page: its blank verdict, its orientation, the tilt of its text once upright
     * (clockwise degrees), and the transforms to apply to the raw image, in order.
     */
    public record Cleanup(BlankVerdict blank, OrientationDetector.Orientation orientation, double skewDegrees,
            List<Transform> transforms) {
    }

    private final BlankPageDetector blanks = new BlankPageDetector();
    private final OrientationDetector orientation;

    /** @param ocr engine used when the page's geometry does not say which way is up; may be null */
    public PageCleaner(OcrEngine ocr) {
        this.orientation = new OrientationDetector(ocr);
    }

    /** The clean-up plan of one page; blank pages get no transforms. */
    public Cleanup plan(ScannedPage page) {
        BufferedImage grey = ImageOps.toGrey(page.image());
        BlankVerdict blank = blanks.assess(grey, page.dpi());
        if (blank.blank()) {
            return new Cleanup(blank, new OrientationDetector.Orientation(0, 0, false, "blank page", 0), 0, List.of());
        }
        OrientationDetector.Orientation o = orientation.detect(grey);
        List<Transform> steps = new ArrayList<>();
        if (o.clockwiseDegrees() != 0) {
            steps.add(new Transform.Rotate(o.clockwiseDegrees()));
        }
        double skew = o.uprightSkewDegrees();
        if (Math.abs(skew) >= MIN_DESKEW_DEGREES) {
            steps.add(new Transform.Deskew(-skew));
        }
        return new Cleanup(blank, o, skew, List.copyOf(steps));
    }
}
