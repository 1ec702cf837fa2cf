package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.scanstation.model.PageId;
import org.w3c.dom.Node;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Decodes JPEG, PNG and TIFF files (all pages of a TIFF) with the JDK's own Image I/O readers,
 * checking each page's size in its header before decoding it.
 */
final class RasterImageLoader {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    /** The JDK's TIFF reader; jai-imageio's, if on the class path, must not be used. */
    static final String JDK_TIFF_READER = "com.sun.imageio.plugins.tiff.TIFFImageReader";
    static final int DEFAULT_DPI = 300;

    private final long maxPixels;

    RasterImageLoader(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    void load(Path file, String format, PageSink sink) throws IOException, InterruptedException {
        PageId single = PageId.single(file);
        ImageReader reader = readerFor(format);
        if (reader == null) {
            sink.accept(new PageLoadResult.Unreadable(single, "no " + format.toUpperCase() + " decoder available"));
            return;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            reader.setInput(in, false, false);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener(warningsInto(warnings));
            int count;
            try {
                count = reader.getNumImages(true);
            } catch (IOException | RuntimeException e) {
                sink.accept(new PageLoadResult.Unreadable(single, "corrupt " + format.toUpperCase() + " file: " + message(e)));
                return;
            }
            if (count <= 0) {
                sink.accept(new PageLoadResult.Unreadable(single, "the file holds no image"));
                return;
            }
            for (int i = 0; i < count; i++) {
                PageId id = count == 1 ? single : new PageId(file, i + 1, true);
                warnings.clear();
                sink.accept(readPage(reader, i, id, format, warnings));
            }
        } finally {
            reader.dispose();
        }
    }

    private PageLoadResult readPage(ImageReader reader, int index, PageId id, String format, List<String> warnings) {
        String what = format.toUpperCase();
        int w;
        int h;
        try {
            w = reader.getWidth(index);
            h = reader.getHeight(index);
        } catch (IOException | RuntimeException e) {
            return new PageLoadResult.Unreadable(id, "corrupt " + what + " header: " + message(e));
        }
        if (w <= 0 || h <= 0) {
            return new PageLoadResult.Unreadable(id, "the image has no pixels (" + w + " x " + h + ")");
        }
        if ((long) w * h > maxPixels) {
            return new PageLoadResult.Unreadable(id, String.format(
                    "image claims %d x %d pixels (%d megapixels), over the %d-megapixel limit",
                    w, h, (long) w * h / 1_000_000, maxPixels / 1_000_000));
        }
        int dpi = DEFAULT_DPI;
        try {
            dpi = dpiOf(reader.getImageMetadata(index));
        } catch (IOException | RuntimeException e) {
            // metadata is optional: keep the default resolution
        }
        BufferedImage img;
        try {
            img = reader.read(index);
        } catch (IOException | RuntimeException e) {
            return new PageLoadResult.Unreadable(id, "cannot decode " + what + " image: " + message(e));
        } catch (OutOfMemoryError e) {
            return new PageLoadResult.Unreadable(id, "image too large to decode in the memory available");
        }
        for (String warning : warnings) {
            String lower = warning.toLowerCase();
            if (lower.contains("premature end") || lower.contains("truncat") || lower.contains("corrupt")) {
                return new PageLoadResult.Unreadable(id, "damaged " + what + " file (" + warning.strip() + ")");
            }
        }
        return new PageLoadResult.Loaded(new ScannedPage(id, img, dpi, PageLoader.isBilevel(img)));
    }

    static ImageReader readerFor(String format) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        ImageReader first = null;
        while (it.hasNext()) {
            ImageReader r = it.next();
            String name = r.getClass().getName();
            if (format.equals("tiff") ? name.equals(JDK_TIFF_READER) : name.startsWith("com.sun.imageio.")) {
                if (first != null) {
                    first.dispose();
                }
                return r;
            }
            if (first == null) {
                first = r;
            } else {
                r.dispose();
            }
        }
        return first;
    }

    /**
     * Resolution from the file's metadata: PNG's pHYs chunk from its native tree (the JDK's standard
     * tree reports it inverted), JFIF density and TIFF resolution from the standard tree.
     */
    static int dpiOf(IIOMetadata md) {
        if (md == null) {
            return DEFAULT_DPI;
        }
        if (java.util.Arrays.asList(md.getMetadataFormatNames()).contains("javax_imageio_png_1.0")) {
            return pngDpi(md.getAsTree("javax_imageio_png_1.0"));
        }
        if (java.util.Arrays.asList(md.getMetadataFormatNames()).contains("javax_imageio_jpeg_image_1.0")) {
            return jfifDpi(md.getAsTree("javax_imageio_jpeg_image_1.0"));
        }
        if (!md.isStandardMetadataFormatSupported()) {
            return DEFAULT_DPI;
        }
        Node root = md.getAsTree("javax_imageio_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!"Dimension".equals(n.getNodeName())) {
                continue;
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                if ("HorizontalPixelSize".equals(c.getNodeName())) {
                    Node v = c.getAttributes().getNamedItem("value");
                    if (v != null) {
                        try {
                            double mmPerPixel = Double.parseDouble(v.getNodeValue());
                            if (mmPerPixel > 0) {
                                long dpi = Math.round(25.4 / mmPerPixel);
                                if (dpi >= 50 && dpi <= 2400) {
                                    return (int) dpi;
                                }
                            }
                        } catch (NumberFormatException e) {
                            return DEFAULT_DPI;
                        }
                    }
                }
            }
        }
        return DEFAULT_DPI;
    }

    private static int pngDpi(Node root) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("pHYs".equals(n.getNodeName())) {
                Node unit = n.getAttributes().getNamedItem("unitSpecifier");
                Node x = n.getAttributes().getNamedItem("pixelsPerUnitXAxis");
                if (unit != null && x != null && "meter".equals(unit.getNodeValue())) {
                    try {
                        return plausible(Math.round(Long.parseLong(x.getNodeValue()) * 0.0254));
                    } catch (NumberFormatException e) {
                        return DEFAULT_DPI;
                    }
                }
            }
        }
        return DEFAULT_DPI;
    }

    /** JFIF density: units 1 = dots per inch, 2 = dots per cm, 0 = aspect ratio only. */
    private static int jfifDpi(Node root) {
        Node jfif = find(root, "app0JFIF");
        if (jfif == null) {
            return DEFAULT_DPI;
        }
        Node units = jfif.getAttributes().getNamedItem("resUnits");
        Node x = jfif.getAttributes().getNamedItem("Xdensity");
        if (units == null || x == null) {
            return DEFAULT_DPI;
        }
        try {
            int density = Integer.parseInt(x.getNodeValue());
            return switch (units.getNodeValue()) {
                case "1" -> plausible(density);
                case "2" -> plausible(Math.round(density * 2.54));
                default -> DEFAULT_DPI;
            };
        } catch (NumberFormatException e) {
            return DEFAULT_DPI;
        }
    }

    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int plausible(long dpi) {
        return dpi >= 50 && dpi <= 2400 ? (int) dpi : DEFAULT_DPI;
    }

    private static IIOReadWarningListener warningsInto(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }
}
