package org.scanstation.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Scanned-looking A4 pages at 300 dpi drawn with Java2D, for the image tests. */
final class TestPages {

    static final int W = 2480;
    static final int H = 3507;
    static final int PAPER = 238;

    static final String[] SENTENCES = {
        "The patient was reviewed in clinic today and is making good progress.",
        "Blood results were within normal limits, apart from a slightly high glucose.",
        "Physiotherapy referral has been made, please continue the repeat prescription.",
        "She reports good exercise tolerance and the wound has healed satisfactorily.",
        "Follow up has been arranged in three months with a repeat chest radiograph.",
        "Kindly review the medication if symptoms of dizziness or fatigue appear again.",
        "A further scan will be booked by the department of radiology in the spring.",
        "We discussed the options for further management with the family yesterday.",
    };

    private TestPages() {
    }

    static BufferedImage paper() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(PAPER, PAPER, PAPER));
        g.fillRect(0, 0, W, H);
        g.dispose();
        return img;
    }

    static Graphics2D pen(BufferedImage img, Color c) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(c);
        return g;
    }

    /** A letter: heading, a patient label with a barcode, and {@code lines} lines of body text. */
    static BufferedImage letter(int lines, long seed) {
        BufferedImage img = paper();
        Random rnd = new Random(seed);
        Graphics2D g = pen(img, new Color(25, 25, 25));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 42));
        g.drawString("Leicester Royal Infirmary - Department of Cardiology", 250, 260);
        drawLabel(img, 250, 380, "KING, William", "9996185311");
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 44));
        for (int i = 0; i < lines; i++) {
            g.drawString(SENTENCES[rnd.nextInt(SENTENCES.length)], 250, 1100 + 85 * i);
        }
        g.dispose();
        return img;
    }

    /** A patient label (name, date of birth, NHS number, hospital number, Code 128) at x, y. */
    static void drawLabel(BufferedImage img, int x, int y, String name, String nhs) {
        Graphics2D g = pen(img, new Color(20, 20, 20));
        g.setStroke(new BasicStroke(3));
        g.drawRect(x, y, 1000, 420);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString(name, x + 30, y + 60);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
        g.drawString("Date of birth: 01-Mar-1968   Sex: M", x + 30, y + 110);
        g.drawString("NHS No: " + nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6), x + 30, y + 160);
        g.drawString("Hospital No: R5142473", x + 30, y + 210);
        BitMatrix bars = new Code128Writer().encode(nhs, BarcodeFormat.CODE_128, 0, 0);
        int module = 5;
        for (int i = 0; i < bars.getWidth(); i++) {
            if (bars.get(i, 0)) {
                g.fillRect(x + 30 + i * module, y + 250, module, 140);
            }
        }
        g.dispose();
    }

    /** Only a patient label, somewhere on an otherwise empty page. */
    static BufferedImage labelOnly() {
        BufferedImage img = paper();
        drawLabel(img, 1200, 2600, "JOHNSON, Michael", "9995778203");
        return img;
    }

    /** Salt-and-pepper specks and grain over a page. */
    static BufferedImage noisy(BufferedImage src, long seed, double speckDensity, int grain) {
        BufferedImage img = copy(src);
        byte[] px = ImageOps.pixels(img);
        Random rnd = new Random(seed);
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xff) + (int) Math.round(rnd.nextGaussian() * grain);
            if (rnd.nextDouble() < speckDensity) {
                v = rnd.nextBoolean() ? 40 : 255;
            }
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return img;
    }

    static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setRect(ImageOps.toGrey(src).getRaster());
        return out;
    }

    /** Dust: a few dark dots of 1-4 pixels. */
    static void dust(BufferedImage img, long seed, int count) {
        Graphics2D g = pen(img, new Color(50, 50, 50));
        Random rnd = new Random(seed);
        for (int i = 0; i < count; i++) {
            int d = 1 + rnd.nextInt(4);
            g.fillOval(100 + rnd.nextInt(W - 200), 100 + rnd.nextInt(H - 200), d, d);
        }
        g.dispose();
    }

    /** Faint mirrored text from the other side of thin paper. */
    static void showThrough(BufferedImage img, long seed) {
        BufferedImage other = letter(24, seed);
        int faint = PAPER - 30;
        byte[] o = ImageOps.pixels(other);
        byte[] p = ImageOps.pixels(img);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = o[y * W + (W - 1 - x)] & 0xff; // mirrored
                double inkAmount = (PAPER - Math.min(v, PAPER)) / (double) PAPER;
                int shade = (int) Math.round((PAPER - faint) * inkAmount * 1.1);
                int cur = p[y * W + x] & 0xff;
                p[y * W + x] = (byte) Math.max(0, cur - shade);
            }
        }
    }

    /** Two punch holes (6 mm, dark as the scanner lid) near the left edge. */
    static void punchHoles(BufferedImage img) {
        Graphics2D g = pen(img, new Color(30, 30, 30));
        int d = 71; // 6 mm at 300 dpi
        int x = 142 - d / 2; // 12 mm from the edge
        g.fillOval(x, H / 2 - 472 - d / 2, d, d); // 80 mm apart
        g.fillOval(x, H / 2 + 472 - d / 2, d, d);
        g.dispose();
    }

    /** Dark scanner borders along the top and the left edges. */
    static void borders(BufferedImage img) {
        Graphics2D g = pen(img, new Color(15, 15, 15));
        g.fillRect(0, 0, W, 45);
        g.fillRect(0, 0, 30, H);
        g.dispose();
    }

    /** A handwritten-looking scribble (a signature) of about the given width. */
    static void signature(BufferedImage img, int x, int y, int width, long seed) {
        Graphics2D g = pen(img, new Color(40, 40, 90));
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Random rnd = new Random(seed);
        int px = x;
        int py = y;
        while (px < x + width) {
            int nx = px + 40 + rnd.nextInt(60);
            int ny = y + rnd.nextInt(60) - 30;
            g.draw(new CubicCurve2D.Double(px, py, px + 20, py - 80, nx - 20, ny + 80, nx, ny));
            px = nx;
            py = ny;
        }
        g.dispose();
    }

    /** Text in a handwriting-like italic, in blue-black ink, at the given size. */
    static void handwriting(BufferedImage img, String text, int x, int y, int size, int grey) {
        Graphics2D g = pen(img, new Color(grey, grey, grey + 20 > 255 ? 255 : grey + 20));
        g.setFont(new Font(Font.SERIF, Font.ITALIC, size));
        g.drawString(text, x, y);
        g.dispose();
    }

    /** Encodes and decodes as JPEG, adding its block noise. */
    static BufferedImage jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return ImageOps.toGrey(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
