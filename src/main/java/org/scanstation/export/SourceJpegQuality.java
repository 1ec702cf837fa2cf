package org.scanstation.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import org.scanstation.model.PageId;
import org.w3c.dom.NodeList;

/**
 * The quality a JPEG scan was saved at, estimated from its luminance quantisation table as the IJG scale
 * (the one Java's JPEG writer also uses) would have made it: 0.55 for a table scaled as quality 55. Only the
 * file's header is read. A page compressed again at a higher quality than its scan gains nothing but bytes.
 */
final class SourceJpegQuality {

    /** The IJG (ITU T.81 Annex K) luminance table, in the zig-zag-free order Java's {@link JPEGQTable} uses. */
    private static final int[] STANDARD = JPEGQTable.K1Luminance.getTable();

    private SourceJpegQuality() {
    }

    /** The scan's JPEG quality (0..1), or 1 when the page is not a JPEG file or its tables cannot be read. */
    static float of(PageId page) {
        String name = page.file().getFileName().toString().toLowerCase(Locale.ROOT);
        if (page.multiPage() || !(name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
            return 1f;
        }
        try {
            return of(page.file());
        } catch (IOException | RuntimeException e) {
            return 1f;
        }
    }

    static float of(Path jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            if (in == null) {
                return 1f;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                return 1f;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
                NodeList tables = root.getElementsByTagName("dqtable");
                for (int i = 0; i < tables.getLength(); i++) {
                    IIOMetadataNode table = (IIOMetadataNode) tables.item(i);
                    if ("0".equals(table.getAttribute("qtableId")) && table.getUserObject() instanceof JPEGQTable q) {
                        return quality(q.getTable());
                    }
                }
                return 1f;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The IJG quality whose scaling of the standard table comes closest to {@code table} (on average). */
    static float quality(int[] table) {
        long sum = 0;
        long standard = 0;
        for (int i = 0; i < 64; i++) {
            sum += table[i];
            standard += STANDARD[i];
        }
        double scale = 100.0 * sum / standard;
        double q = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
        return (float) Math.max(0.01, Math.min(1.0, q / 100));
    }
}
