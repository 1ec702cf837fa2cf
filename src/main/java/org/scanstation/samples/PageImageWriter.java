package org.scanstation.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.scanstation.files.NoPlaintextTempFiles;

/** Writes a page as grey JPEG, grey PNG or CCITT G4 TIFF, with its resolution in the file's metadata. */
final class PageImageWriter {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    private PageImageWriter() {
    }

    static void write(BufferedImage img, PageFormat format, Path file, int dpi, float jpegQuality) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            switch (format) {
                case JPG -> writeJpeg(img, out, jpegQuality, dpi);
                case PNG -> writeWithStandardDpi(img, "png", out, dpi, null);
                case TIF -> writeWithStandardDpi(img, "tiff", out, dpi, "CCITT T.6");
                default -> throw new IllegalArgumentException(format.name());
            }
        }
    }

    static void writeJpeg(BufferedImage img, OutputStream out, float quality, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof javax.imageio.plugins.jpeg.JPEGImageWriteParam jp) {
                jp.setOptimizeHuffmanTables(true);
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            if (dpi > 0) {
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_jpeg_image_1.0");
                IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", Integer.toString(dpi));
                jfif.setAttribute("Ydensity", Integer.toString(dpi));
                meta.setFromTree("javax_imageio_jpeg_image_1.0", root);
            }
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    private static void writeWithStandardDpi(BufferedImage img, String formatName, OutputStream out, int dpi,
                                             String compression) throws IOException {
        ImageWriter writer = writerFor(formatName);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            if (formatName.equals("png")) {
                // the JDK's PNG writer misreads the standard HorizontalPixelSize: set pHYs itself
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String perMetre = Long.toString(Math.round(dpi / 0.0254));
                phys.setAttribute("pixelsPerUnitXAxis", perMetre);
                phys.setAttribute("pixelsPerUnitYAxis", perMetre);
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode png = new IIOMetadataNode("javax_imageio_png_1.0");
                png.appendChild(phys);
                meta.mergeTree("javax_imageio_png_1.0", png);
                writer.write(null, new IIOImage(img, null, meta), param);
                return;
            }
            double mmPerPixel = 25.4 / dpi;
            IIOMetadataNode dim = new IIOMetadataNode("Dimension");
            IIOMetadataNode hps = new IIOMetadataNode("HorizontalPixelSize");
            hps.setAttribute("value", Double.toString(mmPerPixel));
            IIOMetadataNode vps = new IIOMetadataNode("VerticalPixelSize");
            vps.setAttribute("value", Double.toString(mmPerPixel));
            dim.appendChild(hps);
            dim.appendChild(vps);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
            root.appendChild(dim);
            meta.mergeTree("javax_imageio_1.0", root);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** The JDK's own writer where there is one (other plugins on the class path may not write G4). */
    private static ImageWriter writerFor(String formatName) throws IOException {
        ImageWriter fallback = null;
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(formatName);
        while (it.hasNext()) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.")) {
                return w;
            }
            if (fallback == null) {
                fallback = w;
            }
        }
        if (fallback == null) {
            throw new IOException("no " + formatName + " writer available");
        }
        return fallback;
    }
}
