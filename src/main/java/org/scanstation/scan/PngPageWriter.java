package org.scanstation.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.scanstation.files.NewFiles;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Writes a page losslessly as PNG with its resolution recorded (pHYs), so whoever reads the file
 * later knows the dpi. The file appears complete or not at all (written to a temp name, then given its
 * name), readable by its owner only, and never over an existing file.
 */
final class PngPageWriter {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    /** ImageIO's PNG writer maps quality q to deflate level 9 * (1 - q): 0.75 gives level 2. */
    private static final float FAST_DEFLATE_QUALITY = 0.75f;

    private PngPageWriter() {
    }

    static void write(BufferedImage image, int dpi, Path file) throws IOException {
        Path tmp = NewFiles.temporaryBeside(file, file.getFileName().toString());
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (OutputStream out = Files.newOutputStream(tmp);
                 ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                // fast deflate: a little larger than the default level 9, several times faster for scans
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(FAST_DEFLATE_QUALITY);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                setDpi(meta, dpi);
                writer.write(null, new IIOImage(image, null, meta), param);
            } finally {
                writer.dispose();
            }
            // a page is patient data: owner-only (NewFiles), and never written over an existing file
            NewFiles.publish(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Records the resolution in PNG's own pHYs chunk. (Merging the standard-format
     * HorizontalPixelSize instead stores the inverse value on JDK 17.)
     */
    private static void setDpi(IIOMetadata meta, int dpi) throws IIOInvalidTreeException {
        String perMetre = Long.toString(Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
    }
}
