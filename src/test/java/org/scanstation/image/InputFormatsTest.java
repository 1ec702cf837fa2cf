package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input format the station reads, each made by the tool that writes it in practice, read as the
 * page a viewer shows: the black box and the text lines of {@link InputFixtures#page} where they were
 * drawn, white paper white.
 */
class InputFormatsTest {

    static final int DPI = 100;

    @TempDir
    static Path dir;

    static BufferedImage source;

    @BeforeAll
    static void draw() {
        source = InputFixtures.page(DPI, 3);
    }

    static List<PageLoadResult> load(Path file) throws Exception {
        List<PageLoadResult> pages = new ArrayList<>();
        new PageLoader().load(file, pages::add);
        return pages;
    }

    static ScannedPage onlyPage(Path file) throws Exception {
        List<PageLoadResult> pages = load(file);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0)).as(pages.get(0).toString()).isInstanceOf(PageLoadResult.Loaded.class);
        return ((PageLoadResult.Loaded) pages.get(0)).page();
    }

    static void assertShowsThePage(ScannedPage p) {
        assertThat(p.renderedCleanly()).as(p.renderProblems().toString()).isTrue();
        assertThat(InputFixtures.showsThePage(p.image(), DPI)).isTrue();
        assertThat(p.image().getType()).isIn(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_BINARY);
    }

    // ---- PDF -------------------------------------------------------------------------------------

    @Test
    void jbig2InAPdfIsDecodedNotWhite() throws Exception {
        Path pdf = InputFixtures.jbig2Pdf(dir, "compact.pdf", source);
        ScannedPage p = onlyPage(pdf);
        assertShowsThePage(p);
        assertThat(p.bilevel()).isTrue();
        assertThat(p.dpi()).isEqualTo(DPI);
    }

    @Test
    void jpeg2000InAPdfAsImg2pdfWritesItIsDecoded() throws Exception {
        Path jp2 = InputFixtures.jp2(dir, "page.jp2", source);
        Path pdf = InputFixtures.img2pdf(dir, "jpx.pdf", jp2);
        assertShowsThePage(onlyPage(pdf));
    }

    @Test
    void aJpeg2000FileIsAPage() throws Exception {
        assertShowsThePage(onlyPage(InputFixtures.jp2(dir, "alone.jp2", source)));
    }

    @Test
    void rotatedPagesAreReadAsDisplayed() throws Exception {
        // scanning software stores a page sideways or upside down and sets /Rotate so it displays upright
        float w = PDRectangle.A4.getWidth();
        float h = PDRectangle.A4.getHeight();
        float[][] storedAs = {{0, 1, 0, 0, 1, 0, 0}, {90, 0, 1, -1, 0, h, 0}, {180, -1, 0, 0, -1, w, h},
            {270, 0, -1, 1, 0, 0, w}};
        Path file = dir.resolve("rotate.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject img = LosslessFactory.createFromImage(doc, source);
            for (float[] r : storedAs) {
                boolean sideways = r[0] == 90 || r[0] == 270;
                PDPage page = new PDPage(sideways ? new PDRectangle(h, w) : PDRectangle.A4);
                page.setRotation((int) r[0]);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.transform(new org.apache.pdfbox.util.Matrix(r[1], r[2], r[3], r[4], r[5], r[6]));
                    cs.drawImage(img, 0, 0, w, h);
                }
            }
            doc.save(file.toFile());
        }
        List<PageLoadResult> pages = load(file);
        assertThat(pages).hasSize(4);
        for (PageLoadResult r : pages) {
            ScannedPage p = ((PageLoadResult.Loaded) r).page();
            assertThat(p.dpi()).isEqualTo(DPI);
            assertShowsThePage(p);
        }
    }

    @Test
    void userUnitPagesAreRenderedAtTheirRealSize() throws Exception {
        Path file = dir.resolve("userunit.pdf");
        try (PDDocument doc = new PDDocument()) {
            // an A4 page described in units of 10/72 inch: 59.5 x 84.2 units
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getWidth() / 10, PDRectangle.A4.getHeight() / 10));
            page.getCOSObject().setFloat(COSName.getPDFName("UserUnit"), 10f);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, source), 0, 0, PDRectangle.A4.getWidth() / 10,
                        PDRectangle.A4.getHeight() / 10);
            }
            doc.save(file.toFile());
        }
        ScannedPage p = onlyPage(file);
        assertThat(p.dpi()).isEqualTo(DPI);
        assertThat(p.image().getWidth()).isBetween(source.getWidth() - 3, source.getWidth() + 3);
        assertShowsThePage(p);
    }

    @Test
    void aVeryLargePageIsReadSmallerNeverRefused() throws Exception {
        Path file = dir.resolve("poster.pdf");
        try (PDDocument doc = new PDDocument()) {
            // 100 x 140 inches (a plan): 1.26 gigapixels at 300 dpi
            PDPage page = new PDPage(new PDRectangle(100 * 72, 140 * 72));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(Color.BLACK);
                cs.addRect(72, 140 * 72 - 20 * 72, 30 * 72, 10 * 72);
                cs.fill();
            }
            doc.save(file.toFile());
        }
        ScannedPage p = onlyPage(file);
        assertThat((long) p.image().getWidth() * p.image().getHeight()).isLessThanOrEqualTo(PixelBudget.WORKING_PIXELS);
        assertThat(p.dpi()).isBetween(40, 60);
        BufferedImage g = ImageOps.toGrey(p.image());
        assertThat(g.getRaster().getSample(p.dpi() * 15, p.dpi() * 15, 0)).isLessThan(60);
    }

    @Test
    void aPageOfSeveralImagesShowsThemAll() throws Exception {
        // a scan delivered in three strips (some capture software does this), plus a colour photo
        Path file = dir.resolve("strips.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            int h = source.getHeight() / 3;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (int i = 0; i < 3; i++) {
                    BufferedImage strip = source.getSubimage(0, i * h, source.getWidth(), h);
                    float stripPt = PDRectangle.A4.getHeight() / 3;
                    cs.drawImage(LosslessFactory.createFromImage(doc, strip), 0,
                            PDRectangle.A4.getHeight() - (i + 1) * stripPt, PDRectangle.A4.getWidth(), stripPt);
                }
                BufferedImage photo = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = photo.createGraphics();
                g.setColor(new Color(200, 40, 40));
                g.fillRect(0, 0, 200, 150);
                g.dispose();
                cs.drawImage(JPEGFactory.createFromImage(doc, photo), 400, 100, 100, 75);
            }
            doc.save(file.toFile());
        }
        ScannedPage p = onlyPage(file);
        assertShowsThePage(p);
        BufferedImage g = ImageOps.toGrey(p.image());
        double s = p.dpi() / 72.0;
        // the last strip's text and the photo are there too
        assertThat(g.getRaster().getSample((int) (450 * s), (int) ((PDRectangle.A4.getHeight() - 130) * s), 0)).isLessThan(150);
    }

    @Test
    void onePdfOfManyPagesSharingOneImageReadsEveryPage() throws Exception {
        Path file = dir.resolve("shared.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject img = LosslessFactory.createFromImage(doc, source);
            for (int i = 0; i < 30; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(img, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(file.toFile());
        }
        List<PageLoadResult> pages = load(file);
        assertThat(pages).hasSize(30).allSatisfy(r -> assertShowsThePage(((PageLoadResult.Loaded) r).page()));
    }

    // ---- raster files ----------------------------------------------------------------------------

    @Test
    void cmykJpegFromGhostscriptIsRead() throws Exception {
        ScannedPage p = onlyPage(InputFixtures.cmykJpegByGhostscript(dir, "cmyk.jpg"));
        BufferedImage g = ImageOps.toGrey(p.image());
        assertThat(g.getRaster().getSample(75, 136, 0)).as("the black box").isLessThan(80);
        assertThat(g.getRaster().getSample(700, 1000, 0)).as("paper").isGreaterThan(200);
        assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void ycckJpegFromImageMagickIsRead() throws Exception {
        Path png = InputFixtures.png(dir, "ycck-src.png", source);
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "ycck.jpg", png.getFileName().toString(),
                "-colorspace", "CMYK")));
    }

    @Test
    void sixteenBitGreyPngAndTiffAreRead() throws Exception {
        Path png = InputFixtures.png(dir, "g16-src.png", source);
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "PNG48:grey16.png", png.getFileName().toString(),
                "-colorspace", "Gray", "-depth", "16")));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "grey16.png", png.getFileName().toString(),
                "-depth", "16", "-define", "png:color-type=0")));
        // libtiff's default for 16 bits: LZW and Deflate with the horizontal-differencing predictor
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "grey16.tif", png.getFileName().toString(),
                "-depth", "16", "-compress", "LZW")));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "grey16-zip.tif", png.getFileName().toString(),
                "-depth", "16", "-compress", "Zip")));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "grey16-none.tif", png.getFileName().toString(),
                "-depth", "16", "-compress", "None")));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "rgb16.tif", png.getFileName().toString(),
                "-colorspace", "sRGB", "-type", "TrueColor", "-depth", "16", "-compress", "LZW")));
    }

    @Test
    void paletteAndTransparentPngsAreReadOnWhitePaper() throws Exception {
        Path png = InputFixtures.png(dir, "pal-src.png", source);
        String src = png.getFileName().toString();
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "PNG8:palette.png", src, "-colors", "16")));
        // transparent paper, as some capture software saves a cut-out page: white on screen, not black
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "PNG32:alpha.png", src, "-transparent", "white")));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "alpha-grey.png", src, "-transparent", "white",
                "-define", "png:color-type=4")));
    }

    @Test
    void bmpGifAndPnmFilesAreRead() throws Exception {
        Path png = InputFixtures.png(dir, "other-src.png", source);
        String src = png.getFileName().toString();
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "BMP3:page.bmp", src)));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "page.gif", src)));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "page.pgm", src)));
        assertShowsThePage(onlyPage(InputFixtures.magick(dir, "page.pbm", src)));
    }

    @Test
    void ccittG3AndG4TiffsAreReadPageByPage() throws Exception {
        BufferedImage second = InputFixtures.page(DPI, 4);
        for (String compression : List.of("Fax", "Group4")) {
            Path tif = InputFixtures.tiff(dir, "ccitt-" + compression + ".tif", compression, source, second);
            List<PageLoadResult> pages = load(tif);
            assertThat(pages).hasSize(2);
            for (PageLoadResult r : pages) {
                ScannedPage p = ((PageLoadResult.Loaded) r).page();
                assertShowsThePage(p);
                assertThat(p.bilevel()).isTrue();
                assertThat(p.dpi()).isEqualTo(200);
            }
        }
    }

    @Test
    void veryLargeImagesAreReadSmaller() throws Exception {
        // 650 dpi A4 grey (41 megapixels, LZW) and 900 dpi A4 black and white (79 megapixels, G4)
        // (ImageMagick's default policy refuses pages this large, so the JDK's TIFF writer writes them)
        for (int[] size : new int[][] {{5375, 7598, 650, 8}, {7441, 10520, 900, 1}}) {
            BufferedImage big = new BufferedImage(size[0], size[1],
                    size[3] == 1 ? BufferedImage.TYPE_BYTE_BINARY : BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = big.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            g.setColor(Color.BLACK);
            g.fillRect(size[2], size[2], size[2] * 4, size[2] * 2);
            // a hairline 2 pixels wide across the page: must survive the reduction
            g.fillRect(0, size[2] * 5, size[0], 2);
            g.dispose();
            Path file = dir.resolve("big-" + size[2] + ".tif");
            writeTiff(big, file, size[3] == 1 ? "CCITT T.6" : "LZW", size[2]);
            big = null;
            ScannedPage p = onlyPage(file);
            assertThat((long) p.image().getWidth() * p.image().getHeight()).isLessThanOrEqualTo(PixelBudget.WORKING_PIXELS);
            int f = size[2] / p.dpi();
            assertThat(f).isGreaterThan(1);
            BufferedImage grey = ImageOps.toGrey(p.image());
            assertThat(grey.getRaster().getSample(size[2] * 3 / f, size[2] * 2 / f, 0)).isLessThan(60);
            assertThat(grey.getRaster().getSample(size[0] / 2 / f, size[1] / 2 / f, 0)).isGreaterThan(200);
            int line = 255;
            for (int dy = -1; dy <= 1; dy++) {
                line = Math.min(line, grey.getRaster().getSample(size[0] / 2 / f, size[2] * 5 / f + dy, 0));
            }
            assertThat(line).as("the hairline").isLessThan(200);
        }
    }

    private static void writeTiff(BufferedImage img, Path file, String compression, int dpi) throws Exception {
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
        try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            javax.imageio.ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionType(compression);
            javax.imageio.metadata.IIOMetadata md = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(img), p);
            javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_1.0");
            javax.imageio.metadata.IIOMetadataNode dim = new javax.imageio.metadata.IIOMetadataNode("Dimension");
            for (String name : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
                javax.imageio.metadata.IIOMetadataNode n = new javax.imageio.metadata.IIOMetadataNode(name);
                n.setAttribute("value", Double.toString(25.4 / dpi));
                dim.appendChild(n);
            }
            root.appendChild(dim);
            md.mergeTree("javax_imageio_1.0", root);
            writer.write(null, new javax.imageio.IIOImage(img, null, md), p);
        } finally {
            writer.dispose();
        }
    }
}
