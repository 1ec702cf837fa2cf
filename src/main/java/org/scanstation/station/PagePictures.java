package org.scanstation.station;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.scanstation.image.ImageOps;
import org.scanstation.image.Transform;

/** The pictures the screens show: a page's thumbnail, and the whole page upright for a person to check. */
final class PagePictures {

    static final int THUMB_WIDTH = 150;
    /** Longest side of a page as shown in the viewer: a 300 dpi A4 page stays at full resolution. */
    static final int VIEW_MAX_SIDE = 3600;

    private PagePictures() {
    }

    /** The page upright (quarter turns only), {@value #THUMB_WIDTH} pixels wide. */
    static BufferedImage thumbnail(BufferedImage raw, int rotation) {
        BufferedImage small = scaleToWidth(raw, THUMB_WIDTH);
        return rotation % 360 == 0 ? small : ImageOps.rotateQuadrant(small, rotation);
    }

    /**
     * The whole page upright and straightened as the PDF will have it (at most {@value #VIEW_MAX_SIDE}
     * pixels on its longest side), and the factor from page pixels to picture pixels.
     */
    static Rendered upright(BufferedImage raw, List<Transform> transforms) {
        BufferedImage up = ImageOps.render(raw, transforms);
        int side = Math.max(up.getWidth(), up.getHeight());
        if (side <= VIEW_MAX_SIDE) {
            return new Rendered(up, 1.0);
        }
        double f = VIEW_MAX_SIDE / (double) side;
        return new Rendered(scaleToWidth(up, (int) Math.round(up.getWidth() * f)), f);
    }

    record Rendered(BufferedImage image, double scale) {
    }

    static BufferedImage scaleToWidth(BufferedImage src, int width) {
        int w = Math.max(1, width);
        int h = Math.max(1, (int) Math.round(src.getHeight() * (w / (double) src.getWidth())));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
