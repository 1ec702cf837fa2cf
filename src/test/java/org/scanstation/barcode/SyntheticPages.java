package org.scanstation.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Map;
import java.util.Random;

/** Makes scanned-looking A4 pages with patient labels, drawn with Java2D and ZXing's writers. */
final class SyntheticPages {

    static final int A4_W = 2480;
    static final int A4_H = 3507;

    private SyntheticPages() {
    }

    static BufferedImage blankPage() {
        BufferedImage page = new BufferedImage(A4_W, A4_H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, A4_W, A4_H);
        g.dispose();
        return page;
    }

    /** A letter-like page: a heading and paragraphs of text, no barcode. */
    static BufferedImage textPage() {
        BufferedImage page = blankPage();
        Graphics2D g = graphics(page);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 60));
        g.drawString("Leicester Royal Infirmary - Department of Cardiology", 200, 300);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 42));
        String[] words = ("The patient was reviewed in clinic today and reports good exercise tolerance "
                + "IIII llll |||| 1111 mmmm nnnn WWWW the blood pressure was recorded at one hundred "
                + "and thirty over eighty there is no indication for surgery at present").split(" ");
        Random rnd = new Random(7);
        for (int line = 0; line < 50; line++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 75) {
                sb.append(words[rnd.nextInt(words.length)]).append(' ');
            }
            g.drawString(sb.toString(), 200, 450 + line * 58);
        }
        // a table with rules
        for (int i = 0; i < 6; i++) {
            g.fillRect(200, 3400 - i * 20, 2000, 3);
        }
        g.dispose();
        return page;
    }

    static BitMatrix encode(BarcodeFormat format, String text) {
        try {
            Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.MARGIN, 0);
            return new MultiFormatWriter().encode(text, format, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Module size in pixels at 300 dpi that makes a label-sized symbol. */
    static int moduleFor(BarcodeFormat format) {
        return switch (format) {
            case DATA_MATRIX -> 8;      // 0.68 mm
            case QR_CODE -> 7;
            case PDF_417 -> 4;
            default -> 4;               // 0.34 mm bars
        };
    }

    /**
     * Draws a patient label (name, date of birth, numbers and the barcode) with its top-left
     * corner at (x, y), 300 dpi.
     */
    static void drawLabel(BufferedImage page, int x, int y, String name, BarcodeFormat format, String payload) {
        drawLabel(page, x, y, name, format, payload, moduleFor(format));
    }

    /** As above with a given module size in pixels at 300 dpi. */
    static void drawLabel(BufferedImage page, int x, int y, String name, BarcodeFormat format, String payload,
                          int module) {
        Graphics2D g = graphics(page);
        BitMatrix m = encode(format, payload);
        boolean oneD = m.getHeight() == 1;
        int barHeight = 130;
        int codeW = m.getWidth() * module;
        int codeH = oneD ? barHeight : m.getHeight() * (format == BarcodeFormat.PDF_417 ? module * 3 : module);
        int labelW = Math.max(900, codeW + 120);
        int labelH = 330 + codeH;
        g.setColor(new Color(200, 200, 200));
        g.drawRect(x, y, labelW, labelH);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString(name, x + 40, y + 70);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
        g.drawString("DOB: 01-Mar-1961   Sex: M", x + 40, y + 130);
        g.drawString("NHS No: 943 476 5919", x + 40, y + 185);
        g.drawString("Hosp No: K1234567", x + 40, y + 240);
        drawSymbol(g, m, x + 60, y + 290, module, oneD ? barHeight : -1,
                format == BarcodeFormat.PDF_417 ? module * 3 : module);
        g.dispose();
    }

    static void drawSymbol(Graphics2D g, BitMatrix m, int x, int y, int module, int barHeight, int rowHeight) {
        g.setColor(Color.BLACK);
        if (m.getHeight() == 1) {
            for (int i = 0; i < m.getWidth(); i++) {
                if (m.get(i, 0)) {
                    g.fillRect(x + i * module, y, module, barHeight);
                }
            }
            return;
        }
        for (int r = 0; r < m.getHeight(); r++) {
            for (int c = 0; c < m.getWidth(); c++) {
                if (m.get(c, r)) {
                    g.fillRect(x + c * module, y + r * rowHeight, module, rowHeight);
                }
            }
        }
    }

    /** Kodak patch: bar widths in mm from the top, drawn as horizontal bars across the page. */
    static BufferedImage patchSheet(String pattern, boolean atBottom) {
        BufferedImage page = blankPage();
        Graphics2D g = graphics(page);
        double ppm = 300 / 25.4;
        double y = atBottom ? A4_H - 40 * ppm - 20.3 * ppm : 40 * ppm;
        String p = atBottom ? new StringBuilder(pattern).reverse().toString() : pattern;
        for (char c : p.toCharArray()) {
            double w = c == 'W' ? 5.08 : 2.03;
            g.fillRect((int) (30 * ppm), (int) Math.round(y), (int) (150 * ppm), (int) Math.round(w * ppm));
            y += w * ppm + 2.03 * ppm;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 80));
        g.drawString("PATCH", 800, 1600);
        g.dispose();
        return page;
    }

    private static Graphics2D graphics(BufferedImage page) {
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }

    // ---- degradations ----

    /** Turned clockwise by a multiple of 90 degrees. */
    static BufferedImage rotate(BufferedImage src, int degrees) {
        int q = ((degrees / 90) % 4 + 4) % 4;
        if (q == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int ow = q == 2 ? w : h;
        int oh = q == 2 ? h : w;
        byte[] in = ((java.awt.image.DataBufferByte) copy(src).getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_BYTE_GRAY);
        byte[] o = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                byte v = in[y * w + x];
                switch (q) {
                    case 1 -> o[x * ow + (h - 1 - y)] = v;
                    case 2 -> o[(h - 1 - y) * ow + (w - 1 - x)] = v;
                    default -> o[(w - 1 - x) * ow + y] = v;
                }
            }
        }
        return out;
    }

    /** Skewed by a small angle about the centre (bilinear), paper filling the corners. */
    static BufferedImage skew(BufferedImage src, double degrees) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, AffineTransform.getRotateInstance(Math.toRadians(degrees),
                src.getWidth() / 2.0, src.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** Resampled to another resolution (e.g. 300 to 200 dpi: factor 2/3). */
    static BufferedImage scale(BufferedImage src, double factor) {
        AffineTransformOp op = new AffineTransformOp(AffineTransform.getScaleInstance(factor, factor),
                AffineTransformOp.TYPE_BILINEAR);
        BufferedImage out = new BufferedImage((int) (src.getWidth() * factor), (int) (src.getHeight() * factor),
                BufferedImage.TYPE_BYTE_GRAY);
        return op.filter(src, out);
    }

    /** Maps black to ink and white to paper: a faded print on grey paper. */
    static BufferedImage lowContrast(BufferedImage src, int ink, int paper) {
        BufferedImage out = copy(src);
        WritableRaster r = out.getRaster();
        int[] row = new int[src.getWidth()];
        for (int y = 0; y < src.getHeight(); y++) {
            r.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = ink + (row[x] * (paper - ink)) / 255;
            }
            r.setSamples(0, y, row.length, 1, 0, row);
        }
        return out;
    }

    /** Gaussian noise plus salt-and-pepper specks. */
    static BufferedImage noise(BufferedImage src, double sigma, double saltPepper, long seed) {
        BufferedImage out = copy(src);
        WritableRaster r = out.getRaster();
        Random rnd = new Random(seed);
        int[] row = new int[src.getWidth()];
        for (int y = 0; y < src.getHeight(); y++) {
            r.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                int v = (int) Math.round(row[x] + rnd.nextGaussian() * sigma);
                double sp = rnd.nextDouble();
                if (sp < saltPepper / 2) {
                    v = 0;
                } else if (sp < saltPepper) {
                    v = 255;
                }
                row[x] = Math.max(0, Math.min(255, v));
            }
            r.setSamples(0, y, row.length, 1, 0, row);
        }
        return out;
    }

    /** 3x3 box blur: an out-of-focus or smudged scan. */
    static BufferedImage blur(BufferedImage src) {
        float[] k = new float[9];
        java.util.Arrays.fill(k, 1f / 9);
        java.awt.image.ConvolveOp op = new java.awt.image.ConvolveOp(new java.awt.image.Kernel(3, 3, k),
                java.awt.image.ConvolveOp.EDGE_NO_OP, null);
        return op.filter(src, new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY));
    }

    static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setRect(src.getRaster());
        return out;
    }
}
