package org.scanstation.samples;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helper: decodes one barcode in a region of a page image with ZXing. */
final class BarcodeDecoding {

    private BarcodeDecoding() {
    }

    /** Decodes the region (grown by a quiet-zone margin), turning it upright first. */
    static Optional<Result> decode(BufferedImage page, Rectangle region, int rotation, LabelLayout.Symbology symbology) {
        int m = 40;
        Rectangle r = region.intersection(new Rectangle(0, 0, page.getWidth(), page.getHeight()));
        Rectangle grown = new Rectangle(r.x - m, r.y - m, r.width + 2 * m, r.height + 2 * m)
                .intersection(new Rectangle(0, 0, page.getWidth(), page.getHeight()));
        BufferedImage crop = upright(page.getSubimage(grown.x, grown.y, grown.width, grown.height), rotation);
        int w = crop.getWidth();
        int h = crop.getHeight();
        int[] argb = crop.getRGB(0, 0, w, h, null, 0, w);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.valueOf(symbology.name())));
        try {
            return Optional.of(new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb))), hints));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Turns an image clockwise by {@code rotation} degrees. */
    static BufferedImage upright(BufferedImage src, int rotation) {
        if (rotation == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = rotation % 180 != 0;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = src.getRGB(x, y);
                switch (rotation) {
                    case 90 -> dst.setRGB(h - 1 - y, x, v);
                    case 180 -> dst.setRGB(w - 1 - x, h - 1 - y, v);
                    case 270 -> dst.setRGB(y, w - 1 - x, v);
                    default -> throw new IllegalArgumentException("rotation " + rotation);
                }
            }
        }
        return dst;
    }
}
