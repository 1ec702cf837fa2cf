package org.scanstation.barcode;

import com.google.zxing.LuminanceSource;

/** Presents a {@link GreyImage} to ZXing without copying. */
final class GreyLuminanceSource extends LuminanceSource {

    private final GreyImage image;

    GreyLuminanceSource(GreyImage image) {
        super(image.width, image.height);
        this.image = image;
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        if (y < 0 || y >= getHeight()) {
            throw new IllegalArgumentException("row outside the image: " + y);
        }
        int w = getWidth();
        if (row == null || row.length < w) {
            row = new byte[w];
        }
        System.arraycopy(image.pixels, y * w, row, 0, w);
        return row;
    }

    @Override
    public byte[] getMatrix() {
        return image.pixels;
    }
}
