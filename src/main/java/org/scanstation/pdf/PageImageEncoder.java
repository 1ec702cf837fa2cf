package org.scanstation.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Turns a page image into what goes into the PDF: CCITT G4 data for bilevel pages, JPEG bytes with
 * optimised Huffman tables for grey and colour pages. Colour images whose pixels are all grey are stored
 * as grey. Thread-safe; CPU only.
 */
final class PageImageEncoder {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    private final float jpegQuality;

    PageImageEncoder(float jpegQuality) {
        this.jpegQuality = jpegQuality;
    }

    EncodedPage encode(PdfPage page) {
        return encode(page, jpegQuality);
    }

    /** As {@link #encode(PdfPage)}, JPEG at no more than {@code qualityCap} (e.g. the scan's own JPEG quality). */
    EncodedPage encode(PdfPage page, float qualityCap) {
        BufferedImage img = page.image();
        if (page.bilevel()) {
            return EncodedPage.g4(img.getWidth(), img.getHeight(), page.dpi(), G4Encoder.encode(img), page.text());
        }
        BufferedImage prepared = isGrey(img) ? toGrey(img) : toRgb(img);
        return EncodedPage.jpeg(img.getWidth(), img.getHeight(), page.dpi(),
                jpeg(prepared, Math.max(PdfWriterOptions.MIN_JPEG_QUALITY, Math.min(jpegQuality, qualityCap))), page.text());
    }

    /** True when the image has one grey channel, or colour channels that are equal everywhere. */
    static boolean isGrey(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        if (cm.getNumColorComponents() == 1) {
            return true;
        }
        int w = img.getWidth();
        int[] rgb = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, rgb, 0, w);
            for (int c : rgb) {
                int r = (c >> 16) & 0xff;
                int g = (c >> 8) & 0xff;
                int b = c & 0xff;
                if (r != g || g != b) {
                    return false;
                }
            }
        }
        return true;
    }

    static BufferedImage toGrey(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int w = img.getWidth();
        int[] rgb = new int[w];
        int[] lum = new int[w];
        WritableRaster dst = out.getRaster();
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, rgb, 0, w);
            for (int x = 0; x < w; x++) {
                int c = rgb[x];
                lum[x] = (((c >> 16) & 0xff) * 299 + ((c >> 8) & 0xff) * 587 + (c & 0xff) * 114) / 1000;
            }
            dst.setSamples(0, y, w, 1, 0, lum);
        }
        return out;
    }

    static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR || img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        try {
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Baseline JPEG with optimised Huffman tables. (Progressive JPEG would save about 5% of the bytes for about
     * twice the encoding CPU, 0.034 against 0.018 s a 200 dpi page: not worth it, ADR 0015.)
     */
    static byte[] jpeg(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 8);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            JPEGImageWriteParam param = new JPEGImageWriteParam(null);
            param.setCompressionMode(JPEGImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setOptimizeHuffmanTables(true);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
