package org.scanstation.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.scanstation.image.ScannedPage;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * How page images are kept in the store and read back, all in memory (never through a file, not even
 * ImageIO's cache):
 * a page that is a whole single-page JPEG, PNG or TIFF file is kept as that file's bytes (the
 * original, unaltered); a page of a multi-page TIFF or a PDF is encoded losslessly, as CCITT G4
 * TIFF when bilevel, PNG otherwise.
 */
public final class StoredImageCodec {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    /** ImageIO's PNG writer maps quality q to deflate level 9 * (1 - q): 0.75 gives level 2. */
    private static final float FAST_DEFLATE_QUALITY = 0.75f;
    /** The JDK's own TIFF codec (a third-party plugin on the class path must not be picked). */
    private static final String JDK_PLUGIN_PREFIX = "com.sun.imageio.";

    private StoredImageCodec() {
    }

    /** The media type of a file's bytes when they are a JPEG, PNG or TIFF image, else null. */
    public static String rasterMediaType(byte[] head) {
        int n = head.length;
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "image/png";
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return "image/tiff";
        }
        return null;
    }

    /** Encodes a decoded page losslessly: CCITT G4 TIFF when bilevel, PNG otherwise. */
    public static StoredImage encode(ScannedPage page) throws IOException {
        BufferedImage img = page.image();
        if (page.bilevel() && img.getType() == BufferedImage.TYPE_BYTE_BINARY) {
            return new StoredImage(g4Tiff(img), "image/tiff");
        }
        return new StoredImage(png(img), "image/png");
    }

    /** Lossless PNG with a fast deflate level: a little larger than the default, several times faster for scans. */
    private static byte[] png(BufferedImage img) throws IOException {
        ImageWriter writer = jdkPlugin(ImageIO.getImageWritersByFormatName("png"));
        if (writer == null) {
            throw new IOException("no PNG encoder available");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(FAST_DEFLATE_QUALITY);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (RuntimeException e) {
            throw new IOException("the page could not be encoded as PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] g4Tiff(BufferedImage img) throws IOException {
        ImageWriter writer = jdkPlugin(ImageIO.getImageWritersByFormatName("tiff"));
        if (writer == null) {
            throw new IOException("no TIFF encoder available");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("CCITT T.6");
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * Decodes a stored image (its first image for a TIFF).
     *
     * @throws IOException when the bytes are not a decodable image of that type
     */
    public static BufferedImage decode(byte[] bytes, String mediaType) throws IOException {
        ImageReader reader = jdkPlugin(ImageIO.getImageReadersByMIMEType(mediaType));
        if (reader == null) {
            throw new IOException("no decoder for stored images of type " + mediaType);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (RuntimeException e) {
            throw new IOException("stored " + mediaType + " image cannot be decoded: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static <T> T jdkPlugin(Iterator<T> candidates) {
        T fallback = null;
        while (candidates.hasNext()) {
            T c = candidates.next();
            if (c.getClass().getName().startsWith(JDK_PLUGIN_PREFIX)) {
                return c;
            }
            fallback = fallback == null ? c : fallback;
        }
        return fallback;
    }
}
