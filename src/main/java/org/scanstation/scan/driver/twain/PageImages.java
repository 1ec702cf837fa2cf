package org.scanstation.scan.driver.twain;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Brings a decoded page to the three types the station works with: bilevel
 * ({@code TYPE_BYTE_BINARY}, 1 bit, 0 black), grey ({@code TYPE_BYTE_GRAY}) and colour
 * ({@code TYPE_INT_RGB}). Samples are copied as they are (no colour management, which would change
 * grey values).
 */
final class PageImages {

    private PageImages() {
    }

    static BufferedImage normalise(BufferedImage img) {
        int type = img.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        if (img.getColorModel() instanceof IndexColorModel icm) {
            return fromPalette(img, icm);
        }
        Raster r = img.getRaster();
        int bands = r.getNumBands();
        int bits = img.getColorModel().getComponentSize(0);
        int w = img.getWidth();
        int h = img.getHeight();
        if (bands == 1 || bands == 2) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    dst[y * w + x] = (byte) scale(row[x], bits);
                }
            }
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] red = new int[w];
        int[] green = new int[w];
        int[] blue = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, red);
            r.getSamples(0, y, w, 1, 1, green);
            r.getSamples(0, y, w, 1, 2, blue);
            for (int x = 0; x < w; x++) {
                dst[y * w + x] = scale(red[x], bits) << 16 | scale(green[x], bits) << 8 | scale(blue[x], bits);
            }
        }
        return out;
    }

    private static int scale(int sample, int bits) {
        if (bits == 8) {
            return sample & 0xFF;
        }
        if (bits > 8) {
            return sample >>> (bits - 8) & 0xFF;
        }
        int max = (1 << bits) - 1;
        return Math.round(sample * 255f / max);
    }

    private static BufferedImage fromPalette(BufferedImage img, IndexColorModel icm) {
        int w = img.getWidth();
        int h = img.getHeight();
        int size = icm.getMapSize();
        int[] rgb = new int[size];
        boolean gray = true;
        for (int i = 0; i < size; i++) {
            rgb[i] = icm.getRGB(i) & 0xFFFFFF;
            gray &= (rgb[i] >> 16 & 0xFF) == (rgb[i] & 0xFF) && (rgb[i] >> 8 & 0xFF) == (rgb[i] & 0xFF);
        }
        Raster r = img.getRaster();
        int[] row = new int[w];
        if (gray && size == 2 && icm.getPixelSize() == 1 && (rgb[0] & 0xFF) != (rgb[1] & 0xFF)) {
            boolean zeroIsBlack = (rgb[0] & 0xFF) < (rgb[1] & 0xFF);
            if (zeroIsBlack && img.getType() == BufferedImage.TYPE_BYTE_BINARY) {
                return img;
            }
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
            java.awt.image.WritableRaster dst = out.getRaster();
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    row[x] = zeroIsBlack ? row[x] : 1 - row[x];
                }
                dst.setSamples(0, y, w, 1, 0, row);
            }
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            if (gray) {
                byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
                for (int x = 0; x < w; x++) {
                    dst[y * w + x] = (byte) (rgb[row[x] % size] & 0xFF);
                }
            } else {
                int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
                for (int x = 0; x < w; x++) {
                    dst[y * w + x] = rgb[row[x] % size];
                }
            }
        }
        return out;
    }
}
