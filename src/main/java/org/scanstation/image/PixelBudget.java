package org.scanstation.image;

/**
 * How many pixels a page may have. A page larger than the working size is read smaller (a viewer
 * would show it; it is never refused for its size); only a size no real page has is refused.
 */
final class PixelBudget {

    /** The analysis works on at most this many pixels per page (A2 at 300 dpi, A4 at 600 dpi). */
    static final long WORKING_PIXELS = 36_000_000L;
    /** A page or image claiming more than this is refused unread (e.g. 45,000 x 45,000 pixels). */
    static final long ABSURD_PIXELS = 2_000_000_000L;

    private PixelBudget() {
    }

    /** The smallest whole factor that brings {@code w x h} pixels within the working size. */
    static int reduction(long w, long h) {
        int f = 1;
        while ((w / f) * (h / f) > WORKING_PIXELS) {
            f++;
        }
        return f;
    }

    static String absurd(long w, long h) {
        return String.format("image claims %d x %d pixels (%d megapixels), over the %d-megapixel limit",
                w, h, w * h / 1_000_000, ABSURD_PIXELS / 1_000_000);
    }
}
