package org.scanstation.samples;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Turns a {@link PagePlan} into the final scanned-looking image and the labels' final positions. */
final class PageRenderer {

    /** The image to write, the labels on it, the skew really applied and whether it was printed faint. */
    record Rendered(BufferedImage image, List<PlacedLabel> labels, double skew, boolean faint) {
    }

    private final int dpi;
    private final int width;
    private final int height;
    private final double faintShare;

    PageRenderer(int dpi) {
        this(dpi, 0);
    }

    /** @param faintShare share of the level 2-3 content pages printed faint ({@link ScanEffects#fade}) */
    PageRenderer(int dpi, double faintShare) {
        this.dpi = dpi;
        this.faintShare = faintShare;
        this.width = (int) Math.floor(210 / 25.4 * dpi);
        this.height = (int) Math.floor(297 / 25.4 * dpi);
    }

    Rendered render(PagePlan plan) {
        Random rnd = new Random(plan.renderSeed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        DocumentPagePainter painter = new DocumentPagePainter(dpi, width, height);
        List<DocumentPagePainter.DrawnLabel> drawn = List.of();
        switch (plan.kind) {
            case PAGE -> drawn = painter.paint(img, plan, rnd);
            case BLANK -> {
                DocumentPagePainter.whitePage(img).dispose();
                if (plan.showThrough) {
                    BufferedImage front = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
                    painter.paintProse(front, plan.style == null ? LabelLayout.TypeFace.SERIF : plan.style.face(), rnd);
                    double strength = 0.035 + rnd.nextDouble() * 0.05;
                    ScanEffects.showThrough(img, front, plan.showThroughStrength != null ? plan.showThroughStrength : strength);
                }
            }
            case SEPARATOR -> SeparatorPainter.paint(img, plan.separator, dpi, rnd);
            default -> throw new IllegalStateException(plan.kind.name());
        }
        boolean faint = faint(plan, img);
        if (plan.punchHoles) {
            ScanEffects.punchHoles(img, dpi);
        }
        double skew = fittingSkew(drawn, plan.skew, plan.rotation);
        BufferedImage out = ScanEffects.skew(img, skew);
        out = ScanEffects.orient(out, plan.rotation);
        long noiseSeed = rnd.nextLong();
        if (plan.kind == PagePlan.Kind.BLANK) {
            ScanEffects.specks(out, 3 + rnd.nextInt(25), new ScanEffects.FastRandom(noiseSeed ^ 0x5DEECE66DL));
        }
        out = ScanEffects.degrade(out, plan.level, noiseSeed);
        List<PlacedLabel> placed = new ArrayList<>();
        for (DocumentPagePainter.DrawnLabel d : drawn) {
            placed.add(new PlacedLabel(d.spec().layout().id(), d.spec().content(), d.spec().layout().symbology(),
                    corners(d.box(), d, skew, plan.rotation),
                    d.barcode().isEmpty() ? List.of() : corners(d.barcode(), d, skew, plan.rotation)));
        }
        return new Rendered(out, placed, skew, faint);
    }

    /**
     * Whether a content page is printed faint, and if so fades it; drawn from its own generator so that
     * batches made without faint pages stay as they were.
     */
    private boolean faint(PagePlan plan, BufferedImage img) {
        if (plan.kind != PagePlan.Kind.PAGE) {
            return false;
        }
        if (plan.faintMargin != null) {
            ScanEffects.fade(img, ScanEffects.faintKeep(plan.level, plan.faintMargin));
            return true;
        }
        if (faintShare <= 0 || plan.level < 2) {
            return false;
        }
        Random f = new Random(plan.renderSeed * 0x9E3779B97F4A7C15L + 0xFA1);
        if (f.nextDouble() >= faintShare) {
            return false;
        }
        ScanEffects.fade(img, ScanEffects.faintKeep(plan.level, -0.4 + 2.0 * f.nextDouble()));
        return true;
    }

    /** The planned skew, reduced when it would push a label off the page (a quarter turn keeps points inside). */
    private double fittingSkew(List<DocumentPagePainter.DrawnLabel> drawn, double planned, int rotation) {
        double skew = planned;
        for (int i = 0; i < 6; i++) {
            final double s = skew;
            boolean inside = drawn.stream().allMatch(d -> corners(d.box(), d, s, 0).stream().allMatch(this::insideMargin));
            if (inside) {
                return skew;
            }
            skew = Math.round(skew / 2 * 100) / 100.0;
        }
        return 0;
    }

    private boolean insideMargin(Point2D p) {
        int margin = dpi / 25; // about 1 mm
        return p.getX() >= margin && p.getY() >= margin && p.getX() <= width - margin && p.getY() <= height - margin;
    }

    /** Corners of a rectangle of a drawn label in the final image: label tilt, then page skew, then orientation. */
    private List<Point2D> corners(Rectangle r, DocumentPagePainter.DrawnLabel label, double skew, int rotation) {
        List<Point2D> out = new ArrayList<>();
        double[][] pts = {{r.x, r.y}, {r.x + r.width, r.y}, {r.x + r.width, r.y + r.height}, {r.x, r.y + r.height}};
        java.awt.geom.AffineTransform tilt = java.awt.geom.AffineTransform.getRotateInstance(
                Math.toRadians(label.spec().tilt()), label.pivot().getX(), label.pivot().getY());
        for (double[] p : pts) {
            Point2D t = tilt.transform(new Point2D.Double(p[0], p[1]), null);
            Point2D s = ScanEffects.skewPoint(t, skew, width, height);
            out.add(ScanEffects.orientPoint(s, rotation, width, height));
        }
        return out;
    }
}
