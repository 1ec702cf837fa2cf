package org.scanstation.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A page image that stands in for a scanned page that cannot be decoded, saying so in words, so a
 * document never silently loses a page: the supervisor sees where it was and why.
 */
final class UnreadablePagePlaceholder {

    private UnreadablePagePlaceholder() {
    }

    static BufferedImage render(String source, String reason, int dpi) {
        int w = (int) Math.round(8.27 * dpi);
        int h = (int) Math.round(11.69 * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, dpi / 5));
        g.drawString("Scanned page could not be read", dpi, 2 * dpi);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, dpi / 8));
        g.drawString("Page: " + source, dpi, 3 * dpi);
        g.drawString("Reason: " + (reason.length() > 90 ? reason.substring(0, 90) + "..." : reason), dpi, 3 * dpi + dpi / 4);
        g.drawString("The original file is kept; rescan the paper page if it is still at hand.", dpi, 3 * dpi + dpi / 2);
        g.dispose();
        return img;
    }
}
