package org.scanstation.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the upright, clean page of a document (letter, clinic note or results sheet) with its
 * labels, before any scanning effect.
 */
final class DocumentPagePainter {

    /** A label as drawn on the upright page. */
    record DrawnLabel(LabelSpec spec, Rectangle box, Rectangle barcode) {

        /** The point the label is tilted about (its centre). */
        java.awt.geom.Point2D pivot() {
            return new java.awt.geom.Point2D.Double(box.getCenterX(), box.getCenterY());
        }
    }

    private final int dpi;
    private final int width;
    private final int height;

    DocumentPagePainter(int dpi, int width, int height) {
        this.dpi = dpi;
        this.width = width;
        this.height = height;
    }

    int mm(double mm) {
        return (int) Math.round(mm * dpi / 25.4);
    }

    static Graphics2D whitePage(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Paints the page into {@code img} (white, upright) and returns where the labels went. */
    List<DrawnLabel> paint(BufferedImage img, PagePlan plan, Random rnd) {
        Graphics2D g = whitePage(img);
        List<DrawnLabel> drawn = placeLabels(g, plan, rnd);
        int top = mm(24);
        int bottom = height - mm(24);
        for (DrawnLabel d : drawn) {
            int lean = (int) Math.ceil(Math.abs(Math.sin(Math.toRadians(d.spec().tilt()))) * d.box().width / 2);
            if (d.box().y < height / 2) {
                top = Math.max(top, d.box().y + d.box().height + lean + mm(8));
            } else {
                bottom = Math.min(bottom, d.box().y - lean - mm(6));
            }
        }
        PagePlan.DocStyle style = plan.style;
        Font headerFont = Fonts.font(style.face(), false, pt(11));
        Font bodyFont = Fonts.font(style.face(), false, pt(10.5f));
        Font boldFont = Fonts.font(style.face(), true, pt(11));
        g.setColor(new Color(20, 20, 20));
        int left = mm(20) + rnd.nextInt(mm(4) + 1);
        int right = width - mm(20);
        if (plan.pageInDoc == 0) {
            g.setFont(headerFont);
            String header = style.hospital() + " - Department of " + style.department();
            if (drawn.stream().anyMatch(d -> d.box().y < mm(40) && d.box().x > width / 3)) {
                header = style.hospital();
            }
            g.drawString(header, left, mm(15));
        } else if (plan.idLine == null) {
            g.setFont(Fonts.font(style.face(), false, pt(8.5f)));
            g.drawString(style.hospital() + "  -  " + style.title() + " (continued)", left, mm(15));
        }
        int y = top;
        int lineGap = (int) (pt(10.5f) * 1.55f);
        if (plan.idLine != null && plan.pageInDoc > 0) {
            g.setFont(Fonts.font(style.face(), false, pt(10f)));
            g.drawString(plan.idLine, left, Math.min(mm(15), top));
        }
        if (plan.pageInDoc == 0) {
            boolean letter = style.title().contains("Letter");
            if (letter) {
                g.setFont(bodyFont);
                g.drawString("Dear Dr " + ClinicalText.pick(rnd, ClinicalText.CLINICIANS) + ",", left, y);
                y += lineGap * 2;
            } else {
                g.setFont(Fonts.font(style.face(), true, pt(14)));
                g.drawString(style.title(), left, y);
                y += lineGap * 3 / 2;
                g.setFont(bodyFont);
                g.drawString("Date: " + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(
                        LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(2500))) + "    Clinician: Dr "
                        + style.clinician(), left, y);
                y += lineGap * 2;
            }
            if (plan.idLine != null) {
                g.setFont(boldFont);
                g.drawString(plan.idLine, left, y);
                y += lineGap * 2;
            }
        }
        if (style.results()) {
            y = resultsTable(g, bodyFont, boldFont, left, y, bottom - lineGap * 2, rnd);
        } else {
            y = prose(g, bodyFont, left, right, y, bottom - lineGap * 3, lineGap, rnd, 6 + rnd.nextInt(14));
        }
        if (plan.pageInDoc == plan.pagesInDoc - 1 && !style.results() && y + lineGap * 3 < bottom) {
            g.setFont(bodyFont);
            g.drawString("Yours sincerely,", left, y + lineGap);
            g.drawString("Dr " + style.clinician() + ", Consultant in " + style.department(), left, y + lineGap * 3);
        }
        if (plan.pagesInDoc > 1) {
            g.setFont(Fonts.font(style.face(), false, pt(9)));
            String footer = "Page " + (plan.pageInDoc + 1) + " of " + plan.pagesInDoc;
            g.drawString(footer, width / 2 - g.getFontMetrics().stringWidth(footer) / 2, height - mm(12));
        }
        g.dispose();
        return drawn;
    }

    /** Lines of prose only (for show-through on the back of a sheet). */
    void paintProse(BufferedImage img, LabelLayout.TypeFace face, Random rnd) {
        Graphics2D g = whitePage(img);
        g.setColor(Color.BLACK);
        g.setFont(Fonts.font(face, true, pt(11)));
        g.drawString(ClinicalText.pick(rnd, ClinicalText.HOSPITALS), mm(22), mm(16));
        prose(g, Fonts.font(face, false, pt(10.5f)), mm(22), width - mm(20), mm(60), height - mm(60),
                (int) (pt(10.5f) * 1.55f), rnd, 10 + rnd.nextInt(15));
        g.dispose();
    }

    private List<DrawnLabel> placeLabels(Graphics2D g, PagePlan plan, Random rnd) {
        List<DrawnLabel> drawn = new ArrayList<>();
        for (LabelSpec spec : plan.labels) {
            LabelRenderer r = LabelRenderer.prepare(spec.layout(), spec.content(), dpi);
            Rectangle box = null;
            for (LabelPosition pos : candidates(spec.position())) {
                Rectangle candidate = at(pos, r.width(), r.height(), rnd);
                int slack = mm(4) + (int) Math.ceil(Math.abs(Math.sin(Math.toRadians(spec.tilt()))) * r.width());
                if (drawn.stream().noneMatch(d -> d.box().intersects(grow(candidate, slack)))) {
                    box = candidate;
                    break;
                }
            }
            if (box == null) {
                throw new IllegalStateException("no room for a label on the page");
            }
            java.awt.geom.AffineTransform straight = g.getTransform();
            g.rotate(Math.toRadians(spec.tilt()), box.getCenterX(), box.getCenterY());
            Rectangle code = r.draw(g, box.x, box.y, spec.tone(), rnd);
            g.setTransform(straight);
            drawn.add(new DrawnLabel(spec, box, code));
        }
        return drawn;
    }

    private static List<LabelPosition> candidates(LabelPosition first) {
        List<LabelPosition> l = new ArrayList<>(List.of(first));
        for (LabelPosition p : LabelPosition.values()) {
            if (p != first) {
                l.add(p);
            }
        }
        return l;
    }

    private Rectangle at(LabelPosition pos, int w, int h, Random rnd) {
        int jx = rnd.nextInt(mm(6) + 1);
        int jy = rnd.nextInt(mm(5) + 1);
        return switch (pos) {
            case TOP_LEFT -> new Rectangle(mm(18) + jx, mm(21) + jy, w, h);
            case TOP_RIGHT -> new Rectangle(width - mm(18) - w - jx, mm(21) + jy, w, h);
            case LOWER_RIGHT -> new Rectangle(width - mm(18) - w - jx, height - mm(24) - h - jy, w, h);
        };
    }

    private static Rectangle grow(Rectangle r, int by) {
        return new Rectangle(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by);
    }

    private int prose(Graphics2D g, Font font, int left, int right, int y, int limit, int lineGap, Random rnd, int lines) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int written = 0;
        while (written < lines && y <= limit) {
            StringBuilder sb = new StringBuilder();
            int words = 0;
            for (String w : ClinicalText.line(rnd, 400).split(" ")) {
                String next = sb.length() == 0 ? w : sb + " " + w;
                if (fm.stringWidth(next) > right - left) {
                    break;
                }
                sb.setLength(0);
                sb.append(next);
                words++;
            }
            if (words > 0) {
                g.drawString(sb.toString(), left, y);
            }
            y += lineGap;
            written++;
            if (rnd.nextInt(5) == 0) {
                y += lineGap / 2;
            }
        }
        return y;
    }

    private int resultsTable(Graphics2D g, Font body, Font bold, int left, int y, int limit, Random rnd) {
        int[] cols = {left, left + mm(60), left + mm(90), left + mm(120)};
        g.setFont(bold);
        String[] head = {"Test", "Result", "Units", "Reference"};
        for (int i = 0; i < 4; i++) {
            g.drawString(head[i], cols[i], y);
        }
        int lineGap = (int) (pt(10.5f) * 1.7f);
        g.drawLine(left, y + lineGap / 3, left + mm(160), y + lineGap / 3);
        y += lineGap;
        g.setFont(body);
        int rows = 6 + rnd.nextInt(ClinicalText.TESTS.length - 5);
        for (int r = 0; r < rows && y <= limit; r++) {
            String[] t = ClinicalText.TESTS[(r + rnd.nextInt(3)) % ClinicalText.TESTS.length];
            String value = String.format("%.1f", 1 + rnd.nextDouble() * 140);
            g.drawString(t[0], cols[0], y);
            g.drawString(value, cols[1], y);
            g.drawString(t[1], cols[2], y);
            g.drawString(t[2], cols[3], y);
            y += lineGap;
        }
        return y;
    }

    private float pt(float points) {
        return points * dpi / 72f;
    }
}
