package org.scanstation.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Brings a decoded image to one of the page types the station works on, as a viewer shows it on white
 * paper: 8-bit grey ({@code TYPE_BYTE_GRAY}), colour ({@code TYPE_INT_RGB} or the JPEG reader's
 * {@code TYPE_3BYTE_BGR}), or 1-bit black and white. Transparent areas become white (not black);
 * 16-bit grey keeps its top 8 bits; palettes become grey when every entry is grey; CMYK and YCCK
 * (Adobe JPEG) go through their colour profile to sRGB.
 */
final class PageImageNormaliser {

    private PageImageNormaliser() {
    }

    static BufferedImage normalise(BufferedImage in) {
        int type = in.getType();
        ColorModel cm = in.getColorModel();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_3BYTE_BGR || isBlackAndWhite(in)) {
            return in;
        }
        boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                || (cm instanceof IndexColorModel icm && isGreyPalette(icm));
        if (grey) {
            return toGrey(in);
        }
        if (!cm.hasAlpha() && cm.getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
            BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(in, out);
            return out;
        }
        return toRgbOnWhite(in);
    }

    /** A 1-bit image whose two palette entries are black and white. */
    private static boolean isBlackAndWhite(BufferedImage img) {
        if (img.getColorModel().getPixelSize() != 1 || !(img.getColorModel() instanceof IndexColorModel icm)
                || icm.getMapSize() != 2 || icm.hasAlpha()) {
            return false;
        }
        int a = icm.getRGB(0) & 0xffffff;
        int b = icm.getRGB(1) & 0xffffff;
        return (a == 0 && b == 0xffffff) || (a == 0xffffff && b == 0);
    }

    private static boolean isGreyPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            int r = icm.getRed(i);
            if (r != icm.getGreen(i) || r != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** Grey of any depth, with or without alpha, or a grey palette: 8-bit grey on white. */
    private static BufferedImage toGrey(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        ColorModel cm = in.getColorModel();
        Raster r = in.getRaster();
        if (cm instanceof IndexColorModel icm) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int argb = icm.getRGB(row[x]);
                    dst[y * w + x] = (byte) onWhite(argb & 0xff, argb >>> 24, 255);
                }
            }
            return out;
        }
        int shift = Math.max(0, cm.getComponentSize(0) - 8);
        boolean alpha = cm.hasAlpha() && r.getNumBands() > 1;
        int alphaMax = alpha ? (1 << cm.getComponentSize(r.getNumBands() - 1)) - 1 : 255;
        int[] grey = new int[w];
        int[] a = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, grey);
            if (alpha) {
                r.getSamples(0, y, w, 1, r.getNumBands() - 1, a);
            }
            for (int x = 0; x < w; x++) {
                int g = Math.min(255, grey[x] >> shift);
                dst[y * w + x] = (byte) (alpha ? onWhite(g, a[x], alphaMax) : g);
            }
        }
        return out;
    }

    private static BufferedImage toRgbOnWhite(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        boolean alpha = in.getColorModel().hasAlpha();
        for (int y = 0; y < h; y++) {
            in.getRGB(0, y, w, 1, row, 0, w);
            if (alpha) {
                for (int x = 0; x < w; x++) {
                    int c = row[x];
                    int a = c >>> 24;
                    row[x] = onWhite((c >> 16) & 0xff, a, 255) << 16 | onWhite((c >> 8) & 0xff, a, 255) << 8
                            | onWhite(c & 0xff, a, 255);
                }
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static int onWhite(int value, int alpha, int alphaMax) {
        return (value * alpha + 255 * (alphaMax - alpha) + alphaMax / 2) / alphaMax;
    }
}
