package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageLoaderTest {

    @TempDir
    Path dir;

    private final PageLoader loader = new PageLoader();

    private List<PageLoadResult> load(Path file) throws Exception {
        List<PageLoadResult> pages = new ArrayList<>();
        loader.load(file, pages::add);
        return pages;
    }

    private static ScannedPage loaded(PageLoadResult r) {
        assertThat(r).isInstanceOf(PageLoadResult.Loaded.class);
        return ((PageLoadResult.Loaded) r).page();
    }

    private static String unreadable(List<PageLoadResult> pages) {
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0)).isInstanceOf(PageLoadResult.Unreadable.class);
        return ((PageLoadResult.Unreadable) pages.get(0)).reason();
    }

    /** A small page with a black square at (40, 30), 50 x 50. */
    private static BufferedImage sample(int type) {
        BufferedImage img = new BufferedImage(300, 400, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 400);
        g.setColor(Color.BLACK);
        g.fillRect(40, 30, 50, 50);
        g.dispose();
        return img;
    }

    private static boolean hasSquare(BufferedImage img) {
        BufferedImage g = ImageOps.toGrey(img);
        return g.getRaster().getSample(60, 50, 0) < 60 && g.getRaster().getSample(200, 300, 0) > 200;
    }

    // ---- raster formats -----------------------------------------------------------------------

    @Test
    void multiPageTiffWithCcittG4PageLoadsEveryPageInOrder() throws Exception {
        Path file = dir.resolve("scan.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            BufferedImage[] pages = {sample(BufferedImage.TYPE_BYTE_GRAY), sample(BufferedImage.TYPE_BYTE_BINARY),
                sample(BufferedImage.TYPE_INT_RGB)};
            for (BufferedImage page : pages) {
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionType(page.getType() == BufferedImage.TYPE_BYTE_BINARY ? "CCITT T.6" : "LZW");
                IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), p);
                withDpi(md, 200);
                writer.writeToSequence(new IIOImage(page, null, md), p);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        List<PageLoadResult> pages = load(file);
        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(r -> r.id().name()).containsExactly("scan.tif#1", "scan.tif#2", "scan.tif#3");
        for (PageLoadResult r : pages) {
            assertThat(hasSquare(loaded(r).image())).isTrue();
            assertThat(loaded(r).dpi()).isEqualTo(200);
        }
        assertThat(loaded(pages.get(1)).bilevel()).isTrue();
        assertThat(loaded(pages.get(0)).bilevel()).isFalse();
    }

    private static void withDpi(IIOMetadata md, int dpi) throws IOException {
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        for (String name : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
            IIOMetadataNode n = new IIOMetadataNode(name);
            n.setAttribute("value", Double.toString(25.4 / dpi));
            dim.appendChild(n);
        }
        root.appendChild(dim);
        md.mergeTree("javax_imageio_1.0", root);
    }

    private static byte[] encode(BufferedImage img, String format, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
            if (dpi > 0 && format.equals("png")) {
                // the JDK's PNG writer turns the standard pixel size upside down: write pHYs itself
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String ppm = Long.toString(Math.round(dpi / 0.0254));
                phys.setAttribute("pixelsPerUnitXAxis", ppm);
                phys.setAttribute("pixelsPerUnitYAxis", ppm);
                phys.setAttribute("unitSpecifier", "meter");
                root.appendChild(phys);
                md.mergeTree("javax_imageio_png_1.0", root);
            } else if (dpi > 0 && format.equals("jpeg")) {
                IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
                IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", Integer.toString(dpi));
                jfif.setAttribute("Ydensity", Integer.toString(dpi));
                md.setFromTree("javax_imageio_jpeg_image_1.0", root);
            } else if (dpi > 0) {
                withDpi(md, dpi);
            }
            writer.write(null, new IIOImage(img, null, md), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void singlePageFilesKeepTheirNameAndResolution() throws Exception {
        Path png = dir.resolve("page.png");
        Files.write(png, encode(sample(BufferedImage.TYPE_BYTE_GRAY), "png", 200));
        Path jpg = dir.resolve("page.jpg");
        Files.write(jpg, encode(sample(BufferedImage.TYPE_INT_RGB), "jpeg", 150));
        Path tif = dir.resolve("page.tif");
        Files.write(tif, encode(sample(BufferedImage.TYPE_BYTE_BINARY), "tiff", 0));

        ScannedPage p = loaded(load(png).get(0));
        assertThat(p.id().name()).isEqualTo("page.png");
        assertThat(p.dpi()).isEqualTo(200);
        assertThat(hasSquare(p.image())).isTrue();
        ScannedPage j = loaded(load(jpg).get(0));
        assertThat(j.dpi()).isEqualTo(150);
        assertThat(hasSquare(j.image())).isTrue();
        ScannedPage t = loaded(load(tif).get(0));
        assertThat(t.id().name()).isEqualTo("page.tif");
        assertThat(t.dpi()).isEqualTo(300);
        assertThat(t.bilevel()).isTrue();
    }

    /**
     * A file that records no resolution (a PNM or PNG from scanimage, a JPEG with an aspect-only JFIF header)
     * is taken at the resolution that makes its pixels a standard sheet: a 150-dpi page taken for 300 dpi
     * would have its labels measured at half their size and its text read at 75 dpi.
     */
    @Test
    void aFileWithoutResolutionIsTakenAtTheResolutionThatMakesItAStandardSheet() throws Exception {
        Object[][] cases = {
            {1240, 1754, "png", 150},   // A4 at 150 dpi
            {1654, 2339, "jpeg", 200},  // A4 at 200 dpi
            {1700, 2200, "tiff", 200},  // Letter at 200 dpi
            {1754, 1240, "png", 150},   // A4 landscape at 150 dpi
            {1228, 1740, "png", 150},   // A4 at 150 dpi, a few mm cropped by the scanner
            {850, 1400, "png", 100},    // Legal at 100 dpi
            {1000, 1000, "png", 300},   // no sheet at all: 300 dpi
        };
        for (Object[] c : cases) {
            int w = (int) c[0];
            int h = (int) c[1];
            BufferedImage img = new BufferedImage(w, h, "tiff".equals(c[2]) ? BufferedImage.TYPE_BYTE_BINARY
                    : BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.dispose();
            Path file = dir.resolve("nodpi-" + w + "x" + h + "." + c[2]);
            Files.write(file, encode(img, (String) c[2], 0));
            assertThat(loaded(load(file).get(0)).dpi()).as(file.getFileName().toString()).isEqualTo(c[3]);
        }
    }

    // ---- PDF ----------------------------------------------------------------------------------

    @Test
    void everyPdfPageIsRenderedAtItsScanResolution() throws Exception {
        Path file = dir.resolve("letters.pdf");
        try (PDDocument doc = new PDDocument()) {
            // page 1: a 150 dpi grey scan filling an A4 page
            BufferedImage grey = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = grey.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 1240, 1754);
            g.setColor(Color.BLACK);
            g.fillRect(100, 100, 200, 100);
            g.dispose();
            addImagePage(doc, LosslessFactory.createFromImage(doc, grey));
            // page 2: vector text only
            PDPage text = new PDPage(PDRectangle.A4);
            doc.addPage(text);
            try (PDPageContentStream cs = new PDPageContentStream(doc, text)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 700);
                cs.showText("Clinic letter");
                cs.endText();
            }
            // page 3: a 200 dpi CCITT G4 bilevel scan
            BufferedImage bits = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D b = bits.createGraphics();
            b.setColor(Color.WHITE);
            b.fillRect(0, 0, 1654, 2339);
            b.setColor(Color.BLACK);
            b.fillRect(300, 300, 100, 100);
            b.dispose();
            addImagePage(doc, CCITTFactory.createFromImage(doc, bits));
            doc.save(file.toFile());
        }
        List<PageLoadResult> pages = load(file);
        assertThat(pages).extracting(r -> r.id().name())
                .containsExactly("letters.pdf#1", "letters.pdf#2", "letters.pdf#3");
        ScannedPage scan = loaded(pages.get(0));
        assertThat(scan.dpi()).isEqualTo(150);
        assertThat(scan.image().getWidth()).isBetween(1238, 1242);
        assertThat(ImageOps.toGrey(scan.image()).getRaster().getSample(200, 150, 0)).isLessThan(60);
        ScannedPage vector = loaded(pages.get(1));
        assertThat(vector.dpi()).isEqualTo(300);
        assertThat(vector.image().getWidth()).isBetween(2478, 2482);
        ScannedPage g4 = loaded(pages.get(2));
        assertThat(g4.dpi()).isEqualTo(200);
        assertThat(g4.bilevel()).isTrue();
        assertThat(ImageOps.toGrey(g4.image()).getRaster().getSample(350, 350, 0)).isLessThan(60);
    }

    private static void addImagePage(PDDocument doc, PDImageXObject image) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }

    @Test
    void aOnePagePdfIsASinglePage() throws Exception {
        Path file = dir.resolve("one.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(file.toFile());
        }
        assertThat(load(file)).extracting(r -> r.id().name()).containsExactly("one.pdf");
    }

    @Test
    void pdfWithoutPagesOrWithAPasswordIsUnreadable() throws Exception {
        Path empty = dir.resolve("empty.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.save(empty.toFile());
        }
        assertThat(unreadable(load(empty))).contains("no pages");

        Path locked = dir.resolve("locked.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(locked.toFile());
        }
        assertThat(unreadable(load(locked))).contains("password");
    }

    // ---- damaged files ------------------------------------------------------------------------

    @Test
    void damagedFilesBecomeOneUnreadablePageWithAReason() throws Exception {
        Path zero = Files.write(dir.resolve("zero.jpg"), new byte[0]);
        assertThat(unreadable(load(zero))).contains("empty file");

        Path text = Files.writeString(dir.resolve("letter.jpg"), "Dear Dr Smith, this is not a picture.");
        assertThat(unreadable(load(text))).contains("not a JPEG, PNG, TIFF, PDF");

        byte[] jpeg = encode(TestPages.letter(5, 1), "jpeg", 0);
        Path cutJpeg = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
        assertThat(unreadable(load(cutJpeg))).containsIgnoringCase("JPEG");

        byte[] png = encode(sample(BufferedImage.TYPE_BYTE_GRAY), "png", 0);
        Path cutPng = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertThat(unreadable(load(cutPng))).contains("PNG");

        byte[] tif = encode(TestPages.letter(5, 2), "tiff", 0);
        Path cutTif = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(tif, 600));
        assertThat(unreadable(load(cutTif))).contains("TIFF");

        Path badPdf = Files.write(dir.resolve("bad.pdf"), "%PDF-1.7\n garbage garbage".getBytes(StandardCharsets.US_ASCII));
        assertThat(unreadable(load(badPdf))).contains("PDF");
    }

    @Test
    void absurdDimensionsAreRefusedBeforeDecoding() throws Exception {
        Path huge = Files.write(dir.resolve("huge.png"), pngHeaderOnly(100_000, 100_000));
        assertThat(unreadable(load(huge))).contains("100000 x 100000").contains("megapixel");
    }

    @Test
    void aPdfPageClaimingAHugeImageIsRefusedAndTheOtherPagesStillLoad() throws Exception {
        Path file = dir.resolve("bomb.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            PDImageXObject huge = new PDImageXObject(doc, new java.io.ByteArrayInputStream(new byte[16]),
                    org.apache.pdfbox.cos.COSName.FLATE_DECODE, 60_000, 60_000, 8,
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
            addImagePage(doc, huge);
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(file.toFile());
        }
        List<PageLoadResult> pages = load(file);
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0)).isInstanceOf(PageLoadResult.Loaded.class);
        assertThat(pages.get(1)).isInstanceOfSatisfying(PageLoadResult.Unreadable.class,
                u -> assertThat(u.reason()).contains("60000 x 60000").contains("megapixel"));
        assertThat(pages.get(2)).isInstanceOf(PageLoadResult.Loaded.class);
    }

    /** A PNG signature and IHDR chunk claiming the given size, with no pixel data. */
    private static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer file = ByteBuffer.allocate(8 + 4 + 17 + 4);
        file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return file.array();
    }

    @Test
    void pagesAreHandedOverOneByOneAndLoadingStopsWhenTheConsumerDoes() throws Exception {
        Path file = dir.resolve("three.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < 3; i++) {
                doc.addPage(new PDPage(PDRectangle.A6));
            }
            doc.save(file.toFile());
        }
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> loader.load(file, page -> {
            seen.add(page.id().name());
            if (seen.size() == 2) {
                throw new InterruptedException("cancelled");
            }
        })).isInstanceOf(InterruptedException.class);
        assertThat(seen).containsExactly("three.pdf#1", "three.pdf#2");
    }
}
