package org.scanstation.scan.driver.sane;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * Normalises what JFreeSane returns to the station's image types: colour comes back as
 * {@code TYPE_CUSTOM} (interleaved bytes), which most Java2D code handles slowly or not at all.
 */
final class SaneImages {

    private SaneImages() {
    }

    static BufferedImage normalise(BufferedImage in) {
        int type = in.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_BYTE_BINARY) {
            return in;
        }
        Raster raster = in.getRaster();
        int bands = raster.getNumBands();
        if (type == BufferedImage.TYPE_USHORT_GRAY || (bands == 1 && type == BufferedImage.TYPE_CUSTOM)) {
            return toGray8(in);
        }
        return toRgb(in);
    }

    private static BufferedImage toGray8(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Raster src = in.getRaster();
        int shift = Math.max(0, src.getSampleModel().getSampleSize(0) - 8);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getSamples(0, y, w, 1, 0, row);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                dst[o + x] = (byte) (row[x] >>> shift);
            }
        }
        return out;
    }

    private static BufferedImage toRgb(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Raster src = in.getRaster();
        if (src.getNumBands() < 3) {
            out.createGraphics().drawImage(in, 0, 0, null);
            return out;
        }
        int shift = Math.max(0, src.getSampleModel().getSampleSize(0) - 8);
        int[] r = new int[w];
        int[] g = new int[w];
        int[] b = new int[w];
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            src.getSamples(0, y, w, 1, 0, r);
            src.getSamples(0, y, w, 1, 1, g);
            src.getSamples(0, y, w, 1, 2, b);
            for (int x = 0; x < w; x++) {
                line[x] = ((r[x] >>> shift) << 16) | ((g[x] >>> shift) << 8) | (b[x] >>> shift);
            }
            out.getRaster().setDataElements(0, y, w, 1, line);
        }
        return out;
    }
}
