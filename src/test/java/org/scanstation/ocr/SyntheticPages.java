package org.scanstation.ocr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.Code39Writer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A4 letters drawn with Java2D: letter text with a "Re:" line, and patient labels of several designs. */
final class SyntheticPages {

    enum Code { NONE, CODE_128, CODE_39, DATAMATRIX }

    enum BarcodeAt { TOP, BOTTOM, LEFT }

    /** One label: its lines (first may be bold), font, border, barcode and place on the page (mm). */
    record Label(List<String> lines, String font, boolean boldFirst, double pt, boolean border, Code code,
                 BarcodeAt at, String payload, double xMm, double yMm, double angle) {
    }

    private final int dpi;
    private final BufferedImage page;
    private final Graphics2D g;
    private final List<Rectangle> barcodes = new ArrayList<>();

    SyntheticPages(int dpi) {
        this.dpi = dpi;
        this.page = new BufferedImage(px(210), px(297), BufferedImage.TYPE_BYTE_GRAY);
        this.g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    int px(double mm) {
        return (int) Math.round(mm * dpi / 25.4);
    }

    private Font font(String family, int style, double pt) {
        return new Font(family, style, 1).deriveFont((float) (pt * dpi / 72.0));
    }

    /** A letter whose "Re:" line names a patient, below a header and with a body of plain sentences. */
    SyntheticPages letter(double topMm, String reLine) {
        g.setFont(font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("Leicester Royal Infirmary - Department of Cardiology", px(22), px(15));
        g.drawString("Dear Dr Okafor,", px(22), px(topMm));
        if (reLine != null) {
            g.setFont(font(Font.SANS_SERIF, Font.BOLD, 11));
            g.drawString(reLine, px(22), px(topMm + 10));
        }
        g.setFont(font(Font.SANS_SERIF, Font.PLAIN, 11));
        String[] body = {
            "I reviewed this patient in the outpatient clinic today with her daughter.",
            "Blood pressure was recorded at one hundred and thirty over eighty.",
            "We discussed the options for further management and agreed a plan.",
            "Please continue the repeat prescription; bloods in three months.",
            "Follow up has been arranged in the cardiology clinic in six months.",
        };
        for (int i = 0; i < body.length; i++) {
            g.drawString(body[i], px(22), px(topMm + 22 + 7 * i));
        }
        return this;
    }

    SyntheticPages label(Label l) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(l.angle()), px(l.xMm()), px(l.yMm()));
        double lineMm = l.pt() * 25.4 / 72 * 1.45;
        double textHeight = lineMm * l.lines().size();
        double codeW = l.code() == Code.DATAMATRIX ? 14 : 48;
        double codeH = l.code() == Code.DATAMATRIX ? 14 : 11;
        boolean hasCode = l.code() != Code.NONE;
        double x = l.xMm() + 3;
        double y = l.yMm() + 3;
        double textX = x;
        double textY = y;
        if (hasCode && l.at() == BarcodeAt.TOP) {
            drawCode(l, x, y, codeW, codeH);
            textY = y + codeH + 2;
        } else if (hasCode && l.at() == BarcodeAt.LEFT) {
            drawCode(l, x, y + 1, codeW, codeH);
            textX = x + codeW + 4;
        }
        for (int i = 0; i < l.lines().size(); i++) {
            g.setFont(font(l.font(), i == 0 && l.boldFirst() ? Font.BOLD : Font.PLAIN, l.pt()));
            g.drawString(l.lines().get(i), px(textX), px(textY + lineMm * (i + 0.8)));
        }
        if (hasCode && l.at() == BarcodeAt.BOTTOM) {
            drawCode(l, x, textY + textHeight + 1.5, codeW, codeH);
        }
        if (l.border()) {
            g.setColor(new Color(150, 150, 150));
            g.setStroke(new BasicStroke(Math.max(1f, px(0.2))));
            double h = textHeight + 6 + (hasCode && l.at() != BarcodeAt.LEFT ? codeH + 2 : 0);
            g.drawRect(px(l.xMm()), px(l.yMm()), px(82), px(Math.max(h, hasCode ? codeH + 6 : 0)));
            g.setColor(Color.BLACK);
        }
        g.setTransform(saved);
        return this;
    }

    private void drawCode(Label l, double xMm, double yMm, double wMm, double hMm) {
        BitMatrix m;
        try {
            m = switch (l.code()) {
                case CODE_128 -> new Code128Writer().encode(l.payload(), BarcodeFormat.CODE_128, 0, 1);
                case CODE_39 -> new Code39Writer().encode(l.payload(), BarcodeFormat.CODE_39, 0, 1);
                case DATAMATRIX -> new DataMatrixWriter().encode(l.payload(), BarcodeFormat.DATA_MATRIX, 0, 0);
                case NONE -> throw new IllegalArgumentException();
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double moduleW = px(wMm) / (double) m.getWidth();
        double moduleH = l.code() == Code.DATAMATRIX ? px(hMm) / (double) m.getHeight() : px(hMm);
        int x0 = px(xMm);
        int y0 = px(yMm);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    g.fillRect(x0 + (int) Math.round(x * moduleW), y0 + (int) Math.round(y * moduleH),
                            (int) Math.ceil(moduleW), (int) Math.ceil(moduleH));
                }
            }
        }
        Rectangle where = new Rectangle(x0, y0, px(wMm), px(hMm));
        barcodes.add(g.getTransform().createTransformedShape(where).getBounds());
    }

    /** Barcodes drawn so far, page pixels (what a barcode reader would report). */
    List<Rectangle> barcodes() {
        return List.copyOf(barcodes);
    }

    /** The page, with light scanner noise when asked. */
    BufferedImage image(double noise, long seed) {
        g.dispose();
        if (noise > 0) {
            Random r = new Random(seed);
            var raster = page.getRaster();
            int[] row = new int[page.getWidth()];
            for (int y = 0; y < page.getHeight(); y++) {
                raster.getSamples(0, y, row.length, 1, 0, row);
                for (int x = 0; x < row.length; x++) {
                    row[x] = Math.max(0, Math.min(255, (int) Math.round(row[x] * 0.92 + r.nextGaussian() * noise)));
                }
                raster.setSamples(0, y, row.length, 1, 0, row);
            }
        }
        return page;
    }
}
