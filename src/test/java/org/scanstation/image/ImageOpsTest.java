package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageOpsTest {

    @Test
    void transparentPixelsBecomeWhiteAndColourBecomesLuminance() {
        BufferedImage argb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000); // fully transparent black
        argb.setRGB(1, 0, 0xff000000); // opaque black
        argb.setRGB(2, 0, 0xffff0000); // opaque red
        argb.setRGB(3, 0, 0x80000000); // half transparent black
        BufferedImage grey = ImageOps.toGrey(argb);
        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        int[] px = grey.getRaster().getPixels(0, 0, 4, 1, (int[]) null);
        assertThat(px[0]).isEqualTo(255);
        assertThat(px[1]).isEqualTo(0);
        assertThat(px[2]).isBetween(70, 80);
        assertThat(px[3]).isBetween(120, 135);
    }

    @Test
    void bilevelScansOfAnyWidthAndEitherPaletteUnpackPixelForPixel() {
        java.util.Random random = new java.util.Random(5);
        byte[] blackIsZero = {0, (byte) 255};
        byte[] whiteIsZero = {(byte) 255, 0};
        for (byte[] palette : new byte[][] {blackIsZero, whiteIsZero}) {
            java.awt.image.IndexColorModel icm = new java.awt.image.IndexColorModel(1, 2, palette, palette, palette);
            for (int w : new int[] {1, 7, 8, 9, 37, 64}) {
                BufferedImage bits = new BufferedImage(w, 5, BufferedImage.TYPE_BYTE_BINARY, icm);
                for (int y = 0; y < 5; y++) {
                    for (int x = 0; x < w; x++) {
                        bits.getRaster().setSample(x, y, 0, random.nextInt(2));
                    }
                }
                BufferedImage grey = ImageOps.toGrey(bits);
                for (int y = 0; y < 5; y++) {
                    for (int x = 0; x < w; x++) {
                        assertThat(grey.getRaster().getSample(x, y, 0)).as("%d wide, (%d, %d)", w, x, y)
                                .isEqualTo(bits.getRGB(x, y) & 0xff);
                    }
                }
            }
        }
    }

    @Test
    void bilevelAndCustomImagesConvertToGrey() {
        BufferedImage bits = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY);
        bits.setRGB(1, 0, 0xffffffff);
        assertThat(ImageOps.toGrey(bits).getRaster().getPixels(0, 0, 3, 1, (int[]) null)).containsExactly(0, 255, 0);

        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {65535, 65535, 65535});
        raster.setPixel(1, 0, new int[] {0, 0, 0});
        BufferedImage custom = new BufferedImage(cm, raster, false, null);
        assertThat(custom.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
        assertThat(ImageOps.toGrey(custom).getRaster().getPixels(0, 0, 2, 1, (int[]) null)).containsExactly(255, 0);
    }

    @Test
    void subImagesAreCopiedNotAliased() {
        BufferedImage page = TestPages.paper();
        page.getRaster().setSample(10, 20, 0, 0);
        BufferedImage part = ImageOps.toGrey(page.getSubimage(10, 20, 5, 5));
        assertThat(part.getWidth()).isEqualTo(5);
        assertThat(ImageOps.pixels(part)).hasSize(25);
        assertThat(part.getRaster().getSample(0, 0, 0)).isZero();
    }

    @Test
    void quarterTurnsMoveTheTopLeftCornerClockwise() {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 30, 20);
        g.dispose();
        img.getRaster().setSample(0, 0, 0, 0);
        BufferedImage r90 = ImageOps.rotateQuadrant(img, 90);
        assertThat(r90.getWidth()).isEqualTo(20);
        assertThat(r90.getRaster().getSample(19, 0, 0)).isZero();
        assertThat(ImageOps.rotateQuadrant(img, 180).getRaster().getSample(29, 19, 0)).isZero();
        assertThat(ImageOps.rotateQuadrant(img, 270).getRaster().getSample(0, 29, 0)).isZero();
        BufferedImage back = ImageOps.rotateQuadrant(ImageOps.rotateQuadrant(img, 90), 270);
        assertThat(ImageOps.pixels(back)).isEqualTo(ImageOps.pixels(img));

        BufferedImage bits = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_BINARY);
        bits.getRaster().setSample(0, 0, 0, 1);
        BufferedImage bits90 = ImageOps.rotateQuadrant(bits, 90);
        assertThat(bits90.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(bits90.getRaster().getSample(19, 0, 0)).isEqualTo(1);
    }

    @Test
    void renderKeepsTheRawImageAndMapsRegionsToTheUprightPage() {
        BufferedImage raw = new BufferedImage(600, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = raw.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 400);
        g.setColor(Color.BLACK);
        Rectangle mark = new Rectangle(400, 50, 80, 40);
        g.fill(mark);
        g.dispose();
        byte[] before = ImageOps.pixels(raw).clone();
        List<Transform> steps = List.of(new Transform.Rotate(90), new Transform.Deskew(3.0));
        BufferedImage upright = ImageOps.render(raw, steps);
        assertThat(ImageOps.pixels(raw)).isEqualTo(before);
        Rectangle mapped = ImageOps.mapToUpright(mark, 600, 400, steps);
        Rectangle dark = darkBounds(upright);
        assertThat(upright.getWidth()).isGreaterThan(400);
        assertThat(Math.abs(mapped.x - dark.x)).isLessThanOrEqualTo(2);
        assertThat(Math.abs(mapped.y - dark.y)).isLessThanOrEqualTo(2);
        assertThat(Math.abs(mapped.width - dark.width)).isLessThanOrEqualTo(3);
        assertThat(Math.abs(mapped.height - dark.height)).isLessThanOrEqualTo(3);
        assertThat(ImageOps.render(raw, List.of())).isSameAs(raw);
    }

    static Rectangle darkBounds(BufferedImage img) {
        Raster r = img.getRaster();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (r.getSample(x, y, 0) < 128) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    @Test
    void downscaleAveragesBlocks() {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, 4, 2, new int[] {0, 100, 200, 200, 100, 200, 200, 200});
        BufferedImage small = ImageOps.downscale(img, 2);
        assertThat(small.getRaster().getPixels(0, 0, 2, 1, (int[]) null)).containsExactly(100, 200);
    }

    @Test
    void aGreyPageTurnedASmallAngleIsWithinAGreyLevelOfExactBilinearInterpolation() {
        java.util.Random rnd = new java.util.Random(5);
        BufferedImage page = new BufferedImage(613, 877, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((java.awt.image.DataBufferByte) page.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rnd.nextInt(256);
        }
        for (double degrees : new double[] {-4.7, -0.35, 0.2, 1.3, 6.9}) {
            BufferedImage turned = ImageOps.rotateSmall(page, degrees);
            int w = page.getWidth();
            int h = page.getHeight();
            double a = Math.toRadians(degrees);
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            int worst = 0;
            for (int y = 0; y < turned.getHeight(); y++) {
                for (int x = 0; x < turned.getWidth(); x++) {
                    double dx = x + 0.5 - turned.getWidth() / 2.0;
                    double dy = y + 0.5 - turned.getHeight() / 2.0;
                    double sx = dx * cos + dy * sin + w / 2.0 - 0.5;
                    double sy = -dx * sin + dy * cos + h / 2.0 - 0.5;
                    int x0 = (int) Math.floor(sx);
                    int y0 = (int) Math.floor(sy);
                    double fx = sx - x0;
                    double fy = sy - y0;
                    double v = (at(px, w, h, x0, y0) * (1 - fx) + at(px, w, h, x0 + 1, y0) * fx) * (1 - fy)
                            + (at(px, w, h, x0, y0 + 1) * (1 - fx) + at(px, w, h, x0 + 1, y0 + 1) * fx) * fy;
                    worst = Math.max(worst, Math.abs((int) Math.round(v) - turned.getRaster().getSample(x, y, 0)));
                }
            }
            assertThat(worst).as("%s degrees", degrees).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theInsideOfEachTurnedRowIsTheSameFixedPointSumAsItsEdges() {
        // every pixel as the fixed-point sum taken one pixel at a time with the page edge tested at each
        java.util.Random rnd = new java.util.Random(6);
        for (int[] size : new int[][] {{613, 877}, {40, 9}, {9, 40}}) {
            int w = size[0];
            int h = size[1];
            BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = ((java.awt.image.DataBufferByte) page.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) rnd.nextInt(256);
            }
            for (double degrees : new double[] {-9.5, -4.7, -0.35, -0.0011, 0.0013, 0.2, 1.3, 6.9, 12}) {
                BufferedImage turned = ImageOps.rotateSmall(page, degrees);
                int nw = turned.getWidth();
                int nh = turned.getHeight();
                double a = Math.toRadians(degrees);
                double cos = Math.cos(a);
                double sin = Math.sin(a);
                double one = 4294967296.0;
                long stepX = Math.round(cos * one);
                long stepY = Math.round(-sin * one);
                for (int y = 0; y < nh; y++) {
                    double dy = y + 0.5 - nh / 2.0;
                    double dx = 0.5 - nw / 2.0;
                    long sx = Math.round((dx * cos + dy * sin + w / 2.0 - 0.5) * one);
                    long sy = Math.round((-dx * sin + dy * cos + h / 2.0 - 0.5) * one);
                    for (int x = 0; x < nw; x++, sx += stepX, sy += stepY) {
                        int x0 = (int) (sx >> 32);
                        int y0 = (int) (sy >> 32);
                        int fx = (int) (sx >>> 20) & 0xfff;
                        int fy = (int) (sy >>> 20) & 0xfff;
                        long top = at(px, w, h, x0, y0) * (4096 - fx) + at(px, w, h, x0 + 1, y0) * fx;
                        long bottom = at(px, w, h, x0, y0 + 1) * (4096 - fx) + at(px, w, h, x0 + 1, y0 + 1) * fx;
                        int expected = (int) ((top * (4096 - fy) + bottom * fy + (1L << 23)) >> 24);
                        if (turned.getRaster().getSample(x, y, 0) != expected) {
                            org.junit.jupiter.api.Assertions.fail(String.format("%dx%d turned %s degrees: (%d, %d) is %d, not %d",
                                    w, h, degrees, x, y, turned.getRaster().getSample(x, y, 0), expected));
                        }
                    }
                }
            }
        }
    }

    private static int at(byte[] px, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255 : px[y * w + x] & 0xff;
    }
}
