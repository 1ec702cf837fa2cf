package org.scanstation.image;

import java.util.Arrays;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Node;

/**
 * A page image's resolution as its file records it; when the file says nothing plausible (a PNM from
 * {@code scanimage}, a JPEG with an aspect-ratio-only JFIF header, a PNG without pHYs), the resolution at
 * which its pixels make a standard sheet (A4, Letter, Legal, A5, A3, either way round); failing that,
 * 300 dpi. Every size-dependent step (label and barcode sizes in mm, page text read at half resolution
 * from 250 dpi) trusts this figure: a 150-dpi page taken for 300 dpi would have its text read at 75 dpi.
 */
final class ImageResolution {

    static final int DEFAULT_DPI = 300;

    /** What {@link #dpiOf} returns when the file records no plausible resolution. */
    static final int UNKNOWN = 0;

    /** Standard sheets, width x height in mm. */
    private static final double[][] SHEETS_MM = {
        {210, 297}, {215.9, 279.4}, {215.9, 355.6}, {148, 210}, {297, 420},
    };

    /** Resolutions scanners offer; an inferred figure within 3 % of one is taken as that one. */
    private static final int[] SCANNER_DPI = {75, 100, 150, 200, 240, 300, 400, 600, 1200};

    private ImageResolution() {
    }

    /** The recorded resolution, or (when {@link #UNKNOWN}) the one inferred from the pixel size. */
    static int resolve(int recorded, int widthPx, int heightPx) {
        return recorded != UNKNOWN ? recorded : fromSheetSize(widthPx, heightPx);
    }

    /**
     * The resolution at which {@code widthPx x heightPx} is a standard sheet, both sides agreeing within 2 %
     * (scanners crop a few mm); 300 dpi when it is no standard sheet at any resolution from 70 to 1,200.
     */
    static int fromSheetSize(int widthPx, int heightPx) {
        int shortPx = Math.min(widthPx, heightPx);
        int longPx = Math.max(widthPx, heightPx);
        for (double[] sheet : SHEETS_MM) {
            double byShort = shortPx / (sheet[0] / 25.4);
            double byLong = longPx / (sheet[1] / 25.4);
            if (Math.abs(byShort - byLong) <= 0.02 * Math.max(byShort, byLong)) {
                double dpi = (byShort + byLong) / 2;
                if (dpi < 70 || dpi > 1200) {
                    continue;
                }
                for (int standard : SCANNER_DPI) {
                    if (Math.abs(dpi - standard) <= 0.03 * standard) {
                        return standard;
                    }
                }
                return (int) Math.round(dpi);
            }
        }
        return DEFAULT_DPI;
    }

    /**
     * Resolution from the file's metadata, or {@link #UNKNOWN}: PNG's pHYs chunk from its native tree (the JDK's standard
     * tree reports it inverted), JFIF density and TIFF resolution from the standard tree.
     */
    static int dpiOf(IIOMetadata md) {
        if (md == null) {
            return UNKNOWN;
        }
        if (Arrays.asList(md.getMetadataFormatNames()).contains("javax_imageio_png_1.0")) {
            return pngDpi(md.getAsTree("javax_imageio_png_1.0"));
        }
        if (Arrays.asList(md.getMetadataFormatNames()).contains("javax_imageio_jpeg_image_1.0")) {
            return jfifDpi(md.getAsTree("javax_imageio_jpeg_image_1.0"));
        }
        if (!md.isStandardMetadataFormatSupported()) {
            return UNKNOWN;
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
                            return UNKNOWN;
                        }
                    }
                }
            }
        }
        return UNKNOWN;
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
                        return UNKNOWN;
                    }
                }
            }
        }
        return UNKNOWN;
    }

    /** JFIF density: units 1 = dots per inch, 2 = dots per cm, 0 = aspect ratio only. */
    private static int jfifDpi(Node root) {
        Node jfif = find(root, "app0JFIF");
        if (jfif == null) {
            return UNKNOWN;
        }
        Node units = jfif.getAttributes().getNamedItem("resUnits");
        Node x = jfif.getAttributes().getNamedItem("Xdensity");
        if (units == null || x == null) {
            return UNKNOWN;
        }
        try {
            int density = Integer.parseInt(x.getNodeValue());
            return switch (units.getNodeValue()) {
                case "1" -> plausible(density);
                case "2" -> plausible(Math.round(density * 2.54));
                default -> UNKNOWN;
            };
        } catch (NumberFormatException e) {
            return UNKNOWN;
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
        return dpi >= 50 && dpi <= 2400 ? (int) dpi : UNKNOWN;
    }

}
