package org.scanstation.scan.driver.folder;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.scanstation.scan.ColorMode;

/**
 * Brings decoded images to the station's three page types: {@code TYPE_BYTE_GRAY},
 * {@code TYPE_INT_RGB} and 1-bit {@code TYPE_BYTE_BINARY}.
 */
public final class PageImages {

    private PageImages() {
    }

    public static BufferedImage normalise(BufferedImage in) {
        int type = in.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_INT_RGB
                || (type == BufferedImage.TYPE_BYTE_BINARY && in.getColorModel().getPixelSize() == 1)) {
            return in;
        }
        boolean gray = in.getColorModel().getNumColorComponents() == 1
                && !(in.getColorModel() instanceof IndexColorModel icm && !isGrayPalette(icm));
        return convert(in, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    }

    /** The image in {@code mode} (colour to grey, grey to black and white at mid-grey). */
    public static BufferedImage toMode(BufferedImage in, ColorMode mode) {
        BufferedImage page = normalise(in);
        return switch (mode) {
            case COLOR -> page;
            case GRAY -> page.getType() == BufferedImage.TYPE_INT_RGB ? convert(page, BufferedImage.TYPE_BYTE_GRAY) : page;
            case LINEART -> page.getType() == BufferedImage.TYPE_BYTE_BINARY ? page : convert(page, BufferedImage.TYPE_BYTE_BINARY);
        };
    }

    private static boolean isGrayPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage convert(BufferedImage in, int type) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), type);
        var g = out.createGraphics();
        try {
            g.drawImage(in, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
