package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import org.scanstation.model.PageId;

/**
 * Decodes one image of an Image I/O reader into a page: its size checked in the header first, read
 * smaller when over the working size, its resolution from its metadata, brought to a page type
 * ({@link PageImageNormaliser}), and refused when the reader warned that the data is damaged.
 */
final class ImageIoPageDecoder {

    /** The JDK's TIFF reader; jai-imageio's must not be used. */
    static final String JDK_TIFF_READER = "com.sun.imageio.plugins.tiff.TIFFImageReader";

    private static final java.util.regex.Pattern DAMAGE =
            java.util.regex.Pattern.compile("premature end|truncat|corrupt|end of (the )?file|\\beof\\b");

    private final ImageReader reader;
    private final String what;
    private final List<String> warnings = new ArrayList<>();

    ImageIoPageDecoder(ImageReader reader, String what) {
        this.reader = reader;
        this.what = what;
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    /** The reader the station uses for {@code format}: the JDK's own where it has one. */
    static ImageReader readerFor(String format) {
        ImageIoPlugins.install();
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        ImageReader chosen = null;
        while (it.hasNext()) {
            ImageReader r = it.next();
            String name = r.getClass().getName();
            boolean jdk = format.equals("tiff") ? name.equals(JDK_TIFF_READER) : name.startsWith("com.sun.imageio.");
            if (chosen == null || (jdk && !chosen.getClass().getName().startsWith("com.sun.imageio."))) {
                if (chosen != null) {
                    chosen.dispose();
                }
                chosen = r;
            } else {
                r.dispose();
            }
        }
        return chosen;
    }

    PageLoadResult decode(int index, PageId id) throws Exception {
        warnings.clear();
        int w;
        int h;
        try {
            w = reader.getWidth(index);
            h = reader.getHeight(index);
        } catch (PageDeadline.PageTimeLimitException e) {
            throw e;
        } catch (Exception e) {
            return new PageLoadResult.Unreadable(id, "corrupt " + what + " header: " + Messages.of(e));
        }
        if (w <= 0 || h <= 0) {
            return new PageLoadResult.Unreadable(id, "the image has no pixels (" + w + " x " + h + ")");
        }
        if ((long) w * h > PixelBudget.ABSURD_PIXELS) {
            return new PageLoadResult.Unreadable(id, PixelBudget.absurd(w, h));
        }
        int dpi = ImageResolution.UNKNOWN;
        try {
            dpi = ImageResolution.dpiOf(reader.getImageMetadata(index));
        } catch (PageDeadline.PageTimeLimitException e) {
            throw e;
        } catch (Exception e) {
            // metadata is optional: the resolution is inferred from the sheet size
        }
        dpi = ImageResolution.resolve(dpi, w, h);
        int factor = PixelBudget.reduction(w, h);
        boolean bilevelSource = bilevel(index);
        BufferedImage img;
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (factor > 1 && !bilevelSource) {
                param.setSourceSubsampling(factor, factor, 0, 0);
            }
            img = reader.read(index, param);
        } catch (PageDeadline.PageTimeLimitException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            return new PageLoadResult.Unreadable(id, "image too large to decode in the memory available");
        } catch (Exception e) {
            return new PageLoadResult.Unreadable(id, "the " + what + " image cannot be decoded (damaged or incomplete file): "
                    + Messages.of(e));
        }
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (DAMAGE.matcher(lower).find()) {
                return new PageLoadResult.Unreadable(id, "damaged " + what + " file: the image data ends early ("
                        + Messages.oneLine(warning) + ")");
            }
        }
        if (factor > 1 && bilevelSource) {
            img = shrinkToGrey(img, factor);
        }
        img = PageImageNormaliser.normalise(img);
        int pageDpi = Math.max(1, Math.round(dpi / (float) factor));
        return new PageLoadResult.Loaded(new ScannedPage(id, img, pageDpi, PageLoader.isBilevel(img)));
    }

    private boolean bilevel(int index) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(index);
            return raw != null && raw.getColorModel().getPixelSize() == 1;
        } catch (Exception e) {
            return false;
        }
    }

    /** A black-and-white page over the working size, averaged down to grey so thin strokes survive. */
    static BufferedImage shrinkToGrey(BufferedImage img, int factor) {
        int w = img.getWidth() / factor;
        int h = img.getHeight() / factor;
        BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.image.ColorModel cm = img.getColorModel();
        int[] level = new int[1 << cm.getPixelSize()];
        for (int i = 0; i < level.length; i++) {
            int rgb = cm.getRGB(i);
            level[i] = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
        }
        java.awt.image.Raster src = img.getRaster();
        java.awt.image.WritableRaster dst = out.getRaster();
        int[] row = new int[img.getWidth()];
        int[] sums = new int[Math.max(1, w)];
        int area = factor * factor;
        for (int oy = 0; oy < h; oy++) {
            java.util.Arrays.fill(sums, 0);
            for (int dy = 0; dy < factor; dy++) {
                src.getSamples(0, oy * factor + dy, img.getWidth(), 1, 0, row);
                for (int ox = 0; ox < w; ox++) {
                    int base = ox * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sums[ox] += level[row[base + dx]];
                    }
                }
            }
            for (int ox = 0; ox < w; ox++) {
                sums[ox] = sums[ox] / area;
            }
            dst.setSamples(0, oy, w, 1, 0, sums);
        }
        return out;
    }
}
