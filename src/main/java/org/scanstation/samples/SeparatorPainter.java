package org.scanstation.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.scanstation.samples.LabelLayout.Symbology;

/** Draws separator sheets: "SEPARATOR" in Code 128 or Code 39, or a "PATCHT" sheet. */
final class SeparatorPainter {

    private SeparatorPainter() {
    }

    static void paint(BufferedImage img, PagePlan.SeparatorStyle style, int dpi, Random rnd) {
        Graphics2D g = DocumentPagePainter.whitePage(img);
        int w = img.getWidth();
        int h = img.getHeight();
        double pxPerMm = dpi / 25.4;
        LabelLayout.TypeFace face = rnd.nextBoolean() ? LabelLayout.TypeFace.SANS : LabelLayout.TypeFace.NARROW;
        String title = style == PagePlan.SeparatorStyle.PATCH_T ? "PATCH T" : rnd.nextBoolean() ? "DOCUMENT SEPARATOR"
                : "SEPARATOR SHEET";
        String payload = style == PagePlan.SeparatorStyle.PATCH_T ? "PATCHT" : "SEPARATOR";
        Symbology sym = style == PagePlan.SeparatorStyle.CODE_128 ? Symbology.CODE_128
                : style == PagePlan.SeparatorStyle.CODE_39 ? Symbology.CODE_39 : (rnd.nextBoolean() ? Symbology.CODE_39
                        : Symbology.CODE_128);
        g.setColor(Color.BLACK);
        g.setFont(Fonts.font(face, true, 26f * dpi / 72f));
        int tw = g.getFontMetrics().stringWidth(title);
        int titleY = (int) (h * (0.18 + rnd.nextDouble() * 0.08));
        g.drawString(title, (w - tw) / 2, titleY);
        g.setFont(Fonts.font(face, false, 11f * dpi / 72f));
        String note = style == PagePlan.SeparatorStyle.PATCH_T ? "Insert before the first page of each document"
                : "Do not remove - scanning use only";
        g.drawString(note, (w - g.getFontMetrics().stringWidth(note)) / 2, titleY + (int) (14 * pxPerMm));
        // a big barcode (modules three times a label's, 22 mm high), well clear of the text
        BarcodePainter big = BarcodePainter.of(sym, payload, dpi * 3, false);
        int barHeight = (int) (22 * pxPerMm);
        BufferedImage bar = new BufferedImage(big.width(), big.height(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D bg = DocumentPagePainter.whitePage(bar);
        big.paint(bg, 0, 0);
        bg.dispose();
        g.drawImage(bar, (w - big.width()) / 2, titleY + (int) (40 * pxPerMm), big.width(), barHeight, null);
        if (style == PagePlan.SeparatorStyle.PATCH_T) {
            // the patch-code bars along the lower edge
            int barW = (int) (5 * pxPerMm);
            int x = (w - 7 * barW) / 2;
            for (int i = 0; i < 4; i++) {
                g.fillRect(x + i * 2 * barW, h - (int) (70 * pxPerMm), i == 0 || i == 3 ? barW : barW / 2,
                        (int) (45 * pxPerMm));
            }
        }
        g.dispose();
    }
}
