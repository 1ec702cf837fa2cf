package org.scanstation.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Input files as the tools that write them in practice write them: ImageMagick (libtiff, libjpeg,
 * libpng), Ghostscript, OpenJPEG's {@code opj_compress}, {@code img2pdf}, PDFBox; JBIG2 as a generic
 * region with MMR = 1 wrapping a CCITT G4 bitstream (ISO/IEC 14492 7.4.6, as MFDs write lossless JBIG2);
 * and files made to break a reader (a TIFF page chain pointing back to itself, a form XObject that draws
 * itself, a content stream that takes minutes). Every file is made in a test's own folder.
 */
public final class InputFixtures {

    private InputFixtures() {
    }

    // ---- the page drawn into every fixture ---------------------------------------------------------

    /** An A4 page at {@code dpi}: white paper, a heading, lines of text and a black box near the top left. */
    public static BufferedImage page(int dpi, long seed) {
        int w = (int) Math.round(8.27 * dpi);
        int h = (int) Math.round(11.69 * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(box(dpi)[0], box(dpi)[1], box(dpi)[2], box(dpi)[3]);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, dpi / 5));
        g.drawString("Department of Cardiology " + seed, dpi, dpi * 2);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, dpi / 7));
        for (int i = 0; i < 14; i++) {
            g.drawString(TestPages.SENTENCES[(int) ((i + seed) % TestPages.SENTENCES.length)], dpi, dpi * 3 + i * dpi / 4);
        }
        g.dispose();
        return img;
    }

    /** The black box of {@link #page}: x, y, width, height. */
    public static int[] box(int dpi) {
        return new int[] {dpi / 2, dpi / 2, dpi / 2, dpi / 3};
    }

    /** True when {@code img} (any type, any scale) shows {@link #page}'s black box on white paper. */
    public static boolean showsThePage(BufferedImage img, int sourceDpi) {
        BufferedImage g = ImageOps.toGrey(img);
        double s = g.getWidth() / (8.27 * sourceDpi);
        int[] b = box(sourceDpi);
        int inBox = g.getRaster().getSample((int) ((b[0] + b[2] / 2) * s), (int) ((b[1] + b[3] / 2) * s), 0);
        int paper = g.getRaster().getSample((int) (g.getWidth() * 0.9), (int) (g.getHeight() * 0.9), 0);
        int text = darkRows(g, (int) (sourceDpi * 3 * s), (int) (sourceDpi * 6 * s));
        return inBox < 80 && paper > 200 && text > 10;
    }

    private static int darkRows(BufferedImage g, int y0, int y1) {
        int rows = 0;
        for (int y = y0; y < Math.min(y1, g.getHeight()); y++) {
            for (int x = 0; x < g.getWidth(); x++) {
                if (g.getRaster().getSample(x, y, 0) < 100) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    public static Path png(Path dir, String name, BufferedImage img) throws IOException {
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    // ---- external tools --------------------------------------------------------------------------

    /** Runs a tool in {@code dir}; fails with its output when it fails. */
    public static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out));
        }
    }

    /** ImageMagick: {@code convert} with the arguments given. */
    public static Path magick(Path dir, String out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("convert"));
        cmd.addAll(List.of(args));
        cmd.add(out);
        run(dir, cmd.toArray(String[]::new));
        return dir.resolve(out.contains(":") ? out.substring(out.indexOf(':') + 1) : out);
    }

    /** A multi-page TIFF of the given pages as libtiff writes it: "Group4", "Fax" (G3), "LZW", ... */
    public static Path tiff(Path dir, String name, String compression, BufferedImage... pages)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            args.add(png(dir, name + "-src" + i + ".png", pages[i]).getFileName().toString());
        }
        if (compression.equals("Group4") || compression.equals("Fax")) {
            args.addAll(List.of("-threshold", "50%", "-monochrome"));
        }
        args.addAll(List.of("-compress", compression, "-density", "200", "-units", "PixelsPerInch"));
        return magick(dir, name, args.toArray(String[]::new));
    }

    /** A CMYK JPEG as Ghostscript's {@code jpegcmyk} device writes it (Adobe marker, no transform, ICC). */
    public static Path cmykJpegByGhostscript(Path dir, String name) throws IOException, InterruptedException {
        Path ps = dir.resolve(name + ".ps");
        Files.writeString(ps, "%!PS\n/Helvetica findfont 14 scalefont setfont\n"
                + "36 756 moveto 36 0 rlineto 0 -24 rlineto -36 0 rlineto closepath fill\n"
                + "72 700 moveto (Department of Cardiology: clinic letter) show\n"
                + "72 680 moveto (The patient was reviewed in clinic today.) show\n"
                + "0 0 1 0 setcmykcolor 300 300 moveto 100 0 rlineto 0 100 rlineto -100 0 rlineto closepath fill\n"
                + "showpage\n");
        run(dir, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=jpegcmyk", "-r100", "-sPAPERSIZE=a4",
                "-sOutputFile=" + name, ps.getFileName().toString());
        return dir.resolve(name);
    }

    /** JPEG 2000 (JP2) of a page, as OpenJPEG's {@code opj_compress} writes it. */
    public static Path jp2(Path dir, String name, BufferedImage page) throws IOException, InterruptedException {
        Path src = png(dir, name + "-src.png", page);
        run(dir, "opj_compress", "-i", src.getFileName().toString(), "-o", name);
        return dir.resolve(name);
    }

    /** A PDF of image files, as {@code img2pdf} writes it (JPEG and JPEG 2000 kept as they are). */
    public static Path img2pdf(Path dir, String name, Path... images) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("img2pdf"));
        for (Path p : images) {
            cmd.add(p.getFileName().toString());
        }
        cmd.addAll(List.of("-o", name));
        run(dir, cmd.toArray(String[]::new));
        return dir.resolve(name);
    }

    // ---- JBIG2 ---------------------------------------------------------------------------------

    /**
     * A PDF whose one page is a JBIG2 image filling an A4 page, as a multi-function device's "compact
     * PDF" holds it: an embedded JBIG2 stream of a page information segment and an immediate lossless
     * generic region segment coded with MMR (a CCITT T.6 bitstream).
     */
    public static Path jbig2Pdf(Path dir, String name, BufferedImage page) throws IOException {
        BufferedImage bits = toBilevel(page);
        try (PDDocument doc = new PDDocument()) {
            byte[] g4 = g4Bitstream(doc, bits);
            byte[] jbig2 = jbig2EmbeddedStream(g4, bits.getWidth(), bits.getHeight());
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(jbig2), COSName.JBIG2_DECODE,
                    bits.getWidth(), bits.getHeight(), 1, PDDeviceGray.INSTANCE);
            addFullPage(doc, image);
            Path p = dir.resolve(name);
            doc.save(p.toFile());
            return p;
        }
    }

    /** The same page, its JBIG2 data cut in half (a damaged transfer). */
    public static Path damagedJbig2Pdf(Path dir, String name, BufferedImage page) throws IOException {
        BufferedImage bits = toBilevel(page);
        try (PDDocument doc = new PDDocument()) {
            byte[] g4 = g4Bitstream(doc, bits);
            byte[] jbig2 = jbig2EmbeddedStream(g4, bits.getWidth(), bits.getHeight());
            byte[] cut = java.util.Arrays.copyOf(jbig2, 60);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(cut), COSName.JBIG2_DECODE,
                    bits.getWidth(), bits.getHeight(), 1, PDDeviceGray.INSTANCE);
            addFullPage(doc, image);
            Path p = dir.resolve(name);
            doc.save(p.toFile());
            return p;
        }
    }

    static BufferedImage toBilevel(BufferedImage page) {
        BufferedImage bits = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = bits.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return bits;
    }

    /** CCITT T.6 (G4) of a black-and-white image, as PDFBox's encoder writes it (K = -1, black = ink). */
    static byte[] g4Bitstream(PDDocument doc, BufferedImage bits) throws IOException {
        PDImageXObject ccitt = CCITTFactory.createFromImage(doc, bits);
        try (InputStream raw = ccitt.getCOSObject().createRawInputStream()) {
            return raw.readAllBytes();
        }
    }

    static byte[] jbig2EmbeddedStream(byte[] mmr, int w, int h) {
        ByteBuffer pageInfo = ByteBuffer.allocate(19).order(ByteOrder.BIG_ENDIAN);
        pageInfo.putInt(w).putInt(h).putInt(0).putInt(0).put((byte) 0).putShort((short) 0);
        ByteBuffer region = ByteBuffer.allocate(18 + mmr.length).order(ByteOrder.BIG_ENDIAN);
        region.putInt(w).putInt(h).putInt(0).putInt(0).put((byte) 0); // region segment information, OR
        region.put((byte) 0x01); // generic region flags: MMR = 1, GBTEMPLATE 0, TPGDON 0
        region.put(mmr);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segment(out, 0, 48, pageInfo.array());
        segment(out, 1, 39, region.array());
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int number, int type, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(11).order(ByteOrder.BIG_ENDIAN);
        header.putInt(number).put((byte) type).put((byte) 0).put((byte) 1).putInt(data.length);
        out.writeBytes(header.array());
        out.writeBytes(data);
    }

    private static void addFullPage(PDDocument doc, PDImageXObject image) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }

    // ---- files made to break a reader ------------------------------------------------------------

    /**
     * A 138-byte TIFF whose one page directory's "next page" points back to itself: the JDK's reader,
     * asked how many pages it has, counts forever.
     */
    public static Path selfLoopingTiff(Path dir, String name) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(138).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int[][] entries = {{256, 3, 8}, {257, 3, 4}, {258, 3, 1}, {259, 3, 1}, {262, 3, 0}, {273, 4, 134},
            {277, 3, 1}, {278, 3, 4}, {279, 4, 4}, {284, 3, 1}};
        b.putShort((short) entries.length);
        for (int[] e : entries) {
            b.putShort((short) e[0]).putShort((short) e[1]).putInt(1);
            if (e[1] == 3) {
                b.putShort((short) e[2]).putShort((short) 0);
            } else {
                b.putInt(e[2]);
            }
        }
        b.putInt(8); // the next page is this one again
        b.put(new byte[] {0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0});
        return Files.write(dir.resolve(name), b.array());
    }

    /**
     * A grey TIFF claiming {@code side x side} pixels, Deflate-compressed in strips of 16 rows that all
     * point to the same small compressed strip: a few kilobytes that take seconds to decode.
     */
    public static Path slowTiff(Path dir, String name, int side) throws IOException {
        int rows = 16;
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[side * rows]);
        deflater.finish();
        byte[] buf = new byte[side * rows];
        int len = deflater.deflate(buf);
        deflater.end();
        int strips = (side + rows - 1) / rows;
        int entries = 10;
        int ifd = 8;
        int offsetsAt = ifd + 2 + entries * 12 + 4;
        int countsAt = offsetsAt + strips * 4;
        int dataAt = countsAt + strips * 4;
        ByteBuffer b = ByteBuffer.allocate(dataAt + len).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        b.putShort((short) entries);
        int[][] e = {{256, 4, 1, side}, {257, 4, 1, side}, {258, 3, 1, 8}, {259, 3, 1, 8}, {262, 3, 1, 1},
            {273, 4, strips, offsetsAt}, {277, 3, 1, 1}, {278, 4, 1, rows}, {279, 4, strips, countsAt}, {284, 3, 1, 1}};
        for (int[] x : e) {
            b.putShort((short) x[0]).putShort((short) x[1]).putInt(x[2]);
            if (x[1] == 3 && x[2] == 1) {
                b.putShort((short) x[3]).putShort((short) 0);
            } else {
                b.putInt(x[3]);
            }
        }
        b.putInt(0);
        for (int i = 0; i < strips; i++) {
            b.putInt(dataAt);
        }
        for (int i = 0; i < strips; i++) {
            b.putInt(len);
        }
        b.put(buf, 0, len);
        return Files.write(dir.resolve(name), b.array());
    }

    /** A PDF page whose content is drawn by a form XObject that draws itself (after a black box). */
    public static Path selfDrawingFormPdf(Path dir, String name) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFormXObject form = new PDFormXObject(doc);
            form.setBBox(PDRectangle.A4);
            PDResources formResources = new PDResources();
            form.setResources(formResources);
            formResources.put(COSName.getPDFName("F1"), form);
            try (var os = form.getStream().createOutputStream()) {
                os.write("0 g 36 770 36 24 re f /F1 Do\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), form);
            page.setResources(resources);
            PDStream content = new PDStream(doc);
            try (var os = content.createOutputStream()) {
                os.write("/F1 Do\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            Path p = dir.resolve(name);
            doc.save(p.toFile());
            return p;
        }
    }

    /**
     * A PDF page of {@code depth} nested forms, each drawing the next twice: 2^depth little boxes, a
     * tiny file whose content stream takes a renderer minutes.
     */
    public static Path slowPdf(Path dir, String name, int depth) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFormXObject next = null;
            for (int i = 0; i < depth; i++) {
                PDFormXObject form = new PDFormXObject(doc);
                form.setBBox(PDRectangle.A4);
                PDResources res = new PDResources();
                form.setResources(res);
                String body;
                if (next == null) {
                    body = "0 g 100 100 2 2 re f\n";
                } else {
                    res.put(COSName.getPDFName("N"), next);
                    body = "/N Do /N Do\n";
                }
                try (var os = form.getStream().createOutputStream()) {
                    os.write(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                next = form;
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("N"), next);
            page.setResources(resources);
            PDStream content = new PDStream(doc);
            try (var os = content.createOutputStream()) {
                os.write("/N Do\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            Path p = dir.resolve(name);
            doc.save(p.toFile());
            return p;
        }
    }
}
