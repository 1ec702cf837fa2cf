package org.scanstation.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.scanstation.samples.LabelLayout.Field;
import org.scanstation.samples.LabelLayout.Placement;
import org.scanstation.samples.LabelLayout.Symbology;

/**
 * Draws one patient label (text lines, frame, barcode) at a resolution. Create with
 * {@link #prepare}, read its size, then {@link #draw} it where it fits on the page.
 */
final class LabelRenderer {

    private record Line(String text, Font font) {
    }

    private final LabelLayout layout;
    private final LabelContent content;
    private final List<Line> lines = new ArrayList<>();
    private final BarcodePainter barcode;
    private final int padding;
    private final int lineHeight;
    private final int textWidth;
    private final int textHeight;
    private final int gap;
    private final int width;
    private final int height;

    private LabelRenderer(LabelLayout layout, LabelContent content, int dpi) {
        this.layout = layout;
        this.content = content;
        double pxPerMm = dpi / 25.4;
        float sizePx = layout.fontPt() * dpi / 72f;
        Font regular = Fonts.font(layout.typeFace(), false, sizePx);
        Font bold = Fonts.font(layout.typeFace(), true, sizePx);
        Font nameFont = Fonts.font(layout.typeFace(), layout.nameBold(), sizePx * 1.12f);
        for (Field f : layout.fields()) {
            switch (f) {
                case NAME -> nameLines().forEach(t -> lines.add(new Line(t, nameFont)));
                case DOB -> lines.add(new Line(dobLine(), regular));
                case NHS -> lines.add(new Line(layout.nhsCaption() + " " + layout.nhsStyle().format(content.nhsDigits()),
                        layout.nhsBold() ? bold : regular));
                case MRN -> lines.add(new Line(layout.mrnCaption() + " " + content.mrn(), regular));
                case POSTCODE -> lines.add(new Line(content.postcode(), regular));
                default -> throw new IllegalStateException(f.name());
            }
        }
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scratch.createGraphics();
        int w = 0;
        for (Line l : lines) {
            FontMetrics fm = g.getFontMetrics(l.font());
            w = Math.max(w, fm.stringWidth(l.text()));
        }
        g.dispose();
        this.textWidth = w;
        this.lineHeight = Math.round(sizePx * 1.3f);
        this.textHeight = lineHeight * lines.size();
        this.padding = (int) Math.round(2.5 * pxPerMm);
        this.gap = (int) Math.round(2.5 * pxPerMm);
        this.barcode = layout.symbology() == Symbology.NONE ? null
                : BarcodePainter.of(layout.symbology(), content.barcodePayload(), dpi,
                        layout.content() == LabelLayout.BarcodeContent.GS1);
        int w0;
        int h0;
        if (barcode == null) {
            w0 = textWidth + 2 * padding;
            h0 = textHeight + 2 * padding;
        } else if (layout.placement() == Placement.BELOW) {
            w0 = Math.max(textWidth, barcode.width() + 2 * barcode.quietZone()) + 2 * padding;
            h0 = textHeight + gap + barcode.height() + 2 * padding;
        } else {
            w0 = textWidth + gap + barcode.width() + 2 * padding;
            h0 = Math.max(textHeight, barcode.height()) + 2 * padding;
        }
        // label stock has a fixed minimum size, whatever is printed on it
        width = Math.max(w0, (int) Math.round(64 * pxPerMm));
        height = Math.max(h0, (int) Math.round(27 * pxPerMm));
    }

    static LabelRenderer prepare(LabelLayout layout, LabelContent content, int dpi) {
        return new LabelRenderer(layout, content, dpi);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Draws the label with its top left corner at (x, y); returns the barcode's box (empty when none). */
    Rectangle draw(Graphics2D g, int x, int y, int tone, Random rnd) {
        g.setColor(new Color(tone, tone, tone));
        int arc = layout.rounded() ? padding * 2 : 0;
        g.fillRoundRect(x, y, width, height, arc, arc);
        float stroke = Math.max(1.5f, padding / 12f);
        if (layout.bordered()) {
            g.setColor(new Color(90, 90, 90));
            g.setStroke(new BasicStroke(stroke));
            g.drawRoundRect(x + (int) stroke, y + (int) stroke, width - 2 * (int) stroke, height - 2 * (int) stroke, arc, arc);
        } else {
            // the edge of the sticky label still shows faintly on a scan
            g.setColor(new Color(222, 222, 222));
            g.setStroke(new BasicStroke(1f));
            g.drawRect(x, y, width - 1, height - 1);
        }
        int textX = x + padding;
        int textY = y + padding;
        Rectangle code = new Rectangle();
        if (barcode != null) {
            int bx;
            int by;
            switch (layout.placement()) {
                case BELOW -> {
                    bx = x + padding + barcode.quietZone();
                    by = y + padding + textHeight + gap;
                }
                case LEFT -> {
                    bx = x + padding;
                    by = y + (height - barcode.height()) / 2;
                    textX = bx + barcode.width() + gap;
                }
                default -> {
                    bx = x + width - padding - barcode.width();
                    by = y + (height - barcode.height()) / 2;
                }
            }
            if (layout.placement() != Placement.BELOW) {
                textY = y + (height - textHeight) / 2;
            }
            barcode.paint(g, bx, by);
            code = new Rectangle(bx, by, barcode.width(), barcode.height());
            if (content.damagedBarcode()) {
                damage(g, code, rnd);
            }
        }
        g.setColor(new Color(15, 15, 15));
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            g.setFont(l.font());
            FontMetrics fm = g.getFontMetrics();
            int baseline = textY + i * lineHeight + fm.getAscent() - (fm.getAscent() + fm.getDescent() - lineHeight) / 2;
            g.drawString(l.text(), textX, baseline);
        }
        return code;
    }

    /** A torn, scuffed barcode: a white gash through the middle and dark scratches; the text stays legible. */
    private static void damage(Graphics2D g, Rectangle code, Random rnd) {
        g.setColor(new Color(250, 250, 250));
        int cx = code.x + code.width / 2 + (int) ((rnd.nextDouble() - 0.5) * code.width * 0.2);
        int half = Math.max(code.width / 6, 12);
        Polygon gash = new Polygon();
        gash.addPoint(cx - half, code.y - 4);
        gash.addPoint(cx + half / 2, code.y - 4);
        gash.addPoint(cx + half, code.y + code.height + 4);
        gash.addPoint(cx - half / 2, code.y + code.height + 4);
        g.fillPolygon(gash);
        if (code.height > code.width / 2) {
            // a matrix code: also wipe a corner with its finder pattern
            g.fillRect(code.x - 2, code.y + code.height * 2 / 3, code.width / 2, code.height / 3 + 4);
        }
        g.setColor(new Color(40, 40, 40));
        g.setStroke(new BasicStroke(Math.max(2f, code.height / 40f)));
        for (int i = 0; i < 3; i++) {
            int y0 = code.y + rnd.nextInt(Math.max(1, code.height));
            g.drawLine(code.x, y0, code.x + code.width, y0 + (rnd.nextInt(21) - 10));
        }
    }

    private List<String> nameLines() {
        String family = content.familyName().toUpperCase();
        String given = content.givenName();
        return switch (layout.nameStyle()) {
            case FAMILY_COMMA_GIVEN -> List.of(family + ", " + given);
            case GIVEN_FAMILY -> List.of(given + " " + family);
            case SURNAME_FORENAME -> List.of("Surname: " + family, "Forename: " + given);
            case NAME_CAPTION -> List.of("Name: " + given + " " + family);
        };
    }

    private String dobLine() {
        String line = layout.dobCaption() + " " + layout.dobStyle().format(content.dateOfBirth());
        if (layout.showSex()) {
            line += layout.dobCaption().startsWith("Born") ? " (" + content.sex() + ")" : "   Sex: " + content.sex();
        }
        return line;
    }
}
