package org.scanstation.station;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.scanstation.image.ImageOps;
import org.scanstation.image.Transform;

/** The small pictures the screens show: a page's thumbnail, and its label enlarged for the reviewer. */
final class PagePictures {

    static final int THUMB_WIDTH = 120;
    private static final int CROP_MAX_WIDTH = 900;
    private static final int MARGIN = 40;

    private PagePictures() {
    }

    /** The page upright (quarter turns only), {@value #THUMB_WIDTH} pixels wide. */
    static BufferedImage thumbnail(BufferedImage raw, int rotation) {
        BufferedImage small = scaleToWidth(raw, THUMB_WIDTH);
        return rotation % 360 == 0 ? small : ImageOps.rotateQuadrant(small, rotation);
    }

    /**
     * The label region of the upright page with a margin; the top third of the page when the label's
     * place is not known. Null when the page cannot be rendered.
     */
    static BufferedImage labelCrop(BufferedImage raw, List<Transform> transforms, Rectangle label) {
        try {
            BufferedImage upright = ImageOps.render(raw, transforms);
            if (label == null) {
                return scaleToWidth(upright.getSubimage(0, 0, upright.getWidth(), Math.max(1, upright.getHeight() / 3)),
                        800);
            }
            Rectangle r = new Rectangle(label);
            r.grow(MARGIN, MARGIN);
            Rectangle clipped = r.intersection(new Rectangle(0, 0, upright.getWidth(), upright.getHeight()));
            if (clipped.isEmpty()) {
                return null;
            }
            BufferedImage crop = upright.getSubimage(clipped.x, clipped.y, clipped.width, clipped.height);
            return scaleToWidth(crop, Math.min(CROP_MAX_WIDTH, crop.getWidth()));
        } catch (RuntimeException e) {
            return null;
        }
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
