package org.scanstation.image;

import java.util.Arrays;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Node;

/** A page image's resolution as its file records it, or 300 dpi when it says nothing plausible. */
final class ImageResolution {

    static final int DEFAULT_DPI = 300;

    private ImageResolution() {
    }

    /**
     * Resolution from the file's metadata: PNG's pHYs chunk from its native tree (the JDK's standard
     * tree reports it inverted), JFIF density and TIFF resolution from the standard tree.
     */
    static int dpiOf(IIOMetadata md) {
        if (md == null) {
            return DEFAULT_DPI;
        }
        if (Arrays.asList(md.getMetadataFormatNames()).contains("javax_imageio_png_1.0")) {
            return pngDpi(md.getAsTree("javax_imageio_png_1.0"));
        }
        if (Arrays.asList(md.getMetadataFormatNames()).contains("javax_imageio_jpeg_image_1.0")) {
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

}
